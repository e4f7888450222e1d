/**
 * Search normalization, run on the index at build time and on the query in the browser.
 * The browser gets this very function (`normalizeSearchText.toString()`), so the two can
 * never drift: it must stay self-contained (no imports, no outer variables).
 *
 * Arabic: alef forms (أ إ آ ٱ) → ا, taa marbuta ة → ه, alef maqsura ى → ي, tashkeel
 * and tatweel removed; Arabic-Indic digits → ASCII; everything lower-cased.
 */
export function normalizeSearchText(term: string): string {
  return term
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

/**
 * The index term of a token: normalized, stop words dropped, Arabic words lightly stemmed
 * (article and proclitics, plural/feminine suffixes) while a stem of 3+ letters remains.
 * Smaller index, "الأهلية" finds "أهلية" and «الأولوية» finds «الأولويات». Calls `normalizeSearchText` by name: the
 * browser script defines both side by side.
 */
export function searchTerm(token: string): string | null {
  const t = normalizeSearchText(token);
  if (t.length < 2) return null;
  // Written in normalized form (علي not على): the check runs after normalization.
  const stop = ' في من علي الي ان عن مع هذا هذه ذلك تلك التي الذي الذين او اذا كما غير بعد قبل عند كل بين حتي لم لن قد ثم ما لا الا اي كان كانت هو هي هم يتم لدي ايضا the and of to an in for or is are be by on with as at it its this that from not if their they who which has have was will can all any into than then there these those been such ';
  if (stop.indexOf(` ${t} `) >= 0) return null;
  // Light stemming (after Larkey's "light10"): the article with its proclitics, then a
  // leading و, then one plural/feminine/possessive suffix, each only while 3+ letters remain (the shortest suffix first),
  // so «الأولوية» and «الأولويات» share the term اولوي. Arabic script only: Latin words pass.
  if (!/[\u0621-\u064A]/.test(t)) return t;
  let s = t;
  const article = /^(?:وال|بال|فال|كال|لل|ال)(.{3,})$/.exec(s);
  if (article) s = article[1]!;
  else if (/^و.{3,}$/.test(s)) s = s.slice(1);
  const suffix = /^(.{3,})(?:هما|كما|ات|ان|ون|ين|يه|ها|هم|ه|ي)$/.exec(s);
  return suffix ? suffix[1]! : s;
}
