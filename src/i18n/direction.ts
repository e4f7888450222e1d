/**
 * Writing direction of a language tag: the one list every output (PDF, site, posters,
 * redline) reads, so a language never reads right to left on the site and left to right
 * in the PDF.
 *
 * A script subtag wins over the language (`az-Arab` is right to left, `sd-Deva` and
 * `ku-Latn` left to right); without one, the language's usual script decides (by primary
 * subtag, case-insensitive).
 */
export type Direction = 'rtl' | 'ltr';

/**
 * Languages usually written in a right-to-left script (Arabic, Hebrew, Thaana, Syriac,
 * N'Ko, Adlam). Languages written in several scripts whose usual one is left to right
 * (`az`, `ku`, `pa`, `uz`, `ms`, `ha`…) are not here: tag them with `-Arab` when the SOP
 * uses the Arabic script.
 */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar', 'arc', 'bal', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'he', 'iw', 'ji', 'khw', 'ks', 'lrc', 'mzn',
  'nqo', 'pnb', 'prs', 'ps', 'sd', 'skr', 'syr', 'ug', 'ur', 'yi',
]);

/** Right-to-left scripts (ISO 15924) that may appear as a tag's script subtag. */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  'adlm', 'arab', 'aran', 'armi', 'avst', 'hebr', 'mand', 'mend', 'nbat', 'nkoo', 'palm', 'phnx',
  'rohg', 'samr', 'sogd', 'syrc', 'thaa', 'yezi',
]);

/** The script subtag of a BCP 47 tag (`Arab` in `az-Arab-IR`), lower-cased, if any. */
export function scriptOf(lang: string): string | undefined {
  const parts = lang.split(/[-_]/);
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length === 1) return undefined; // extensions and private use: no script after them
    if (/^[a-z]{4}$/i.test(p)) return p.toLowerCase();
  }
  return undefined;
}

/** The primary language subtag, lower-cased (`ckb` in `ckb-IQ`). */
export function primaryLanguage(lang: string): string {
  return lang.split(/[-_]/)[0]!.toLowerCase();
}

/** `rtl` or `ltr` for a language tag. */
export function directionOf(lang: string): Direction {
  const script = scriptOf(lang);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primaryLanguage(lang)) ? 'rtl' : 'ltr';
}

export function isRightToLeft(lang: string): boolean {
  return directionOf(lang) === 'rtl';
}
