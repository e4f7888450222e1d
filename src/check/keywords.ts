import { ARABIC_SCRIPT_LANGUAGES, baseLanguage, foldForMatch } from './text.js';

/**
 * Whole-word keyword matching for the profile's step and topic keywords. Both sides are
 * folded (`foldForMatch`: case, diacritics, alef forms…); a keyword matches only as whole
 * words: «المركز» is found in «دور المركز» but not in «البنك المركزي», "plan" not in
 * "planning". In Arabic-script languages the clitics written joined to a word may come
 * before it: the conjunctions و/ف, the prepositions ب/ك/ل and the article ال (ل + ال is
 * written لل), so «والمتابعة» and «للتسجيل» still count.
 */

/**
 * A letter, mark or digit, which a whole word cannot touch. One pattern for every keyword,
 * tested at one index (sticky): a pattern per keyword with these classes in a look-behind
 * and a look-ahead took V8 3–9 ms each to build and compile, most of a check's rules.
 */
const LETTER_AT = /[\p{L}\p{M}\p{N}]/uy;

/** Whether the code point starting at `i` is a letter, mark or digit (false outside `s`). */
function letterAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(s);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where the code point that ends at `i` starts (a surrogate pair is one); -1 at the start. */
function codePointBefore(s: string, i: number): number {
  return i >= 2 && isLow(s.charCodeAt(i - 1)) && isHigh(s.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** Whether `t` occurs in `s` with no letter, mark or digit just before or just after it. */
function occursAsWords(s: string, t: string): boolean {
  for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) {
    if (i > 0 && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1))) continue; // inside a code point
    if (!letterAt(s, codePointBefore(s, i)) && !letterAt(s, i + t.length)) return true;
  }
  return false;
}

/** Every concatenation of one string of each list, in order. */
const joined = (...lists: string[][]): string[] => lists.reduce<string[]>((acc, l) => acc.flatMap((a) => l.map((b) => a + b)), ['']);
const AND_SO = ['', '\u0648', '\u0641']; // و ف
const WITH_AS = ['', '\u0628', '\u0643']; // ب ك
const THE = '\u0627\u0644'; // ال
/** Before a keyword that starts with ال, in its place: (و|ف)? (ب|ك)? ال, or (و|ف)? لل (ل + ال). */
const ARTICLE_CLITICS = [...joined(AND_SO, WITH_AS, [THE]), ...joined(AND_SO, ['\u0644\u0644'])];
/** Before any other: (و|ف)? then (ب|ك)? (ال)?, or ل (ال|ل)? — «وتنفيذ», «لتنفيذ», «والتنفيذ», «للتنفيذ». */
const CLITICS = joined(AND_SO, [...joined(WITH_AS, ['', THE]), ...joined(['\u0644'], ['', THE, '\u0644'])]);

/** The folded keyword without the article it may start with, and the clitics allowed before it (each a string). */
function keywordParts(word: string, lang: string): { core: string; prefixes: string[] } {
  const folded = foldForMatch(word);
  if (!ARABIC_SCRIPT_LANGUAGES.has(baseLanguage(lang))) return { core: folded, prefixes: [''] };
  // "المتابعة": also "والمتابعة", "بالمتابعة", "للمتابعة" (ل + ال → لل).
  if (folded.startsWith(THE) && folded.length > 2) return { core: folded.slice(2), prefixes: ARTICLE_CLITICS };
  // "تنفيذ": also "وتنفيذ", "لتنفيذ", "والتنفيذ", "للتنفيذ".
  return { core: folded, prefixes: CLITICS };
}

/**
 * Whether one of `words` occurs as whole words in a text already folded (`foldForMatch`).
 * Made once per keyword list (the rules try every heading against each list): a keyword
 * is found when one of its written forms (clitics + core) occurs with no letter, mark or
 * digit on either side.
 */
export function keywordMatcher(words: readonly string[], lang: string): (folded: string) => boolean {
  const keys = words.flatMap((w) => {
    const { core, prefixes } = keywordParts(w, lang);
    return core === '' ? [] : [{ core, forms: prefixes.map((p) => p + core) }];
  });
  // Every form holds `core`: text without it cannot match.
  return (folded) => keys.some(({ core, forms }) => folded.includes(core) && forms.some((f) => occursAsWords(folded, f)));
}

/** Whether one of `words` occurs as whole words in `text` (both as written; folded here). */
export function hasKeyword(text: string, words: readonly string[], lang: string): boolean {
  return keywordMatcher(words, lang)(foldForMatch(text));
}

/** A profile's keyword list for `lang`: its own, else its base language's (`ar-SY` → `ar`). */
export function keywordsFor(keywords: Record<string, string[]>, lang: string): string[] | undefined {
  return keywords[lang] ?? keywords[baseLanguage(lang)];
}
