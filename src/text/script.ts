/** Character classes used to pick a font per character. */

/** Arabic-script letters, marks and Arabic-Indic digits (set in Noto Naskh Arabic). */
export function isArabicChar(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/** Letters of non-Arabic scripts (Latin, Greek, Cyrillic…): set in the Latin face. */
export function isOtherLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return (cp >= 0x00c0 && cp <= 0x024f) || (cp >= 0x0370 && cp <= 0x052f) || (cp >= 0x1e00 && cp <= 0x1eff);
}

/** Combining marks and joiners: they must stay in their base character's font and run. */
export function isMarkOrJoiner(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) || cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

/** Invisible format characters (bidi controls, ZWSP…): never reported as uncovered. */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x200e || cp === 0x200f || cp === 0xad ||
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || cp === 0x061c ||
    cp === 0x0a || cp === 0x0d || cp === 0x09
  );
}
