/**
 * The one comparison of names and texts for every sort whose order reaches an output or a
 * message (sections in a component, components, fonts in a PDF, diagnostics, reports).
 * `a.localeCompare(b)` with no locale follows the machine's locale (LANG): under da_DK,
 * "aa.md" sorts after "b.md", so the same SOP would give other PDFs on another machine.
 * A fixed locale keeps the order sopkit always had on its reference machines (en-US, which
 * Node takes under LANG=C.UTF-8 too) and makes it the same everywhere.
 *
 * Making the collator costs ~13 ms (ICU loads its collation data), a twentieth of a
 * `check --no-layout`, which compares only ASCII (file names, rule ids, messages about an
 * English SOP). So two ASCII strings are compared here, as the en-US collator orders them
 * (CLDR root collation), and anything else goes to the collator, made on first use. Written
 * by hand because no library offers ICU's order without ICU's start-up; it covers only
 * ASCII, where the order is short enough to list (`ASCII_ORDER`), and
 * tests/setup/compare-text.test.ts checks it against Intl.Collator on every pair of
 * characters and on random strings.
 */
let collator: Intl.Collator | undefined;

/**
 * Printable ASCII and the whitespace controls in en-US collation order (read off
 * `new Intl.Collator('en-US')`): punctuation and symbols, digits, then letters, each
 * lowercase letter just before its capital. Other controls are ignored by the collator;
 * strings holding them take the collator's path.
 */
const ASCII_ORDER = '\t\n\u000b\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

/** Per char code below 128: its primary weight (a letter's two cases share one), or -1 for the collator's path. */
const PRIMARY = new Int16Array(128).fill(-1);
for (let i = 0, w = 0; i < ASCII_ORDER.length; i++) {
  const c = ASCII_ORDER.charCodeAt(i);
  const upper = c >= 65 && c <= 90;
  if (!upper) w += 1;
  PRIMARY[c] = w;
}

/**
 * en-US collation of two ASCII strings: primary weights first (letters without case),
 * then, for strings equal but for case, the first position where the case differs
 * (lowercase first). Undefined when either string holds a character outside `ASCII_ORDER`.
 */
function compareAscii(a: string, b: string): number | undefined {
  const n = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) {
      if (x >= 128 || PRIMARY[x]! < 0) return undefined;
      continue;
    }
    const px = x < 128 ? PRIMARY[x]! : -1;
    const py = y < 128 ? PRIMARY[y]! : -1;
    if (px < 0 || py < 0) return undefined;
    if (px !== py) {
      // Decided at the primary level, once the rest of both strings is known to be ASCII.
      return asciiFrom(a, i + 1) && asciiFrom(b, i + 1) ? (px < py ? -1 : 1) : undefined;
    }
    // The same letter in two cases: decided by case only if nothing later differs more.
    if (caseOrder === 0) caseOrder = x > y ? -1 : 1; // lowercase (the higher code) first
  }
  if (!asciiFrom(a, n) || !asciiFrom(b, n)) return undefined;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}

/** Whether `s` from `start` holds only characters of `ASCII_ORDER`. */
function asciiFrom(s: string, start: number): boolean {
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PRIMARY[c]! < 0) return false;
  }
  return true;
}

export function compareText(a: string, b: string): number {
  const fast = compareAscii(a, b);
  if (fast !== undefined) return fast;
  collator ??= new Intl.Collator('en-US');
  return collator.compare(a, b);
}
