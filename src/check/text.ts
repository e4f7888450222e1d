/**
 * Folds text for keyword matching: case, Arabic diacritics (tashkeel) and tatweel, the
 * alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), taa marbuta (ة → ه), and hyphens vs
 * spaces. Writers spell "إغلاق" and "اغلاق" alike; the check must not care.
 */
export function foldForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses YYYY-MM-DD into UTC year/month/day, or undefined when it is not a real date. */
export function parseIsoDate(s: unknown): { y: number; m: number; d: number } | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return { y, m: mo, d };
}

/** `date` plus `months`, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: { y: number; m: number; d: number }, months: number): string {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(date.d, last);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Arabic-script languages (letters counted as "Arabic" by the language rule). */
export const ARABIC_SCRIPT_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'ku', 'sd', 'ug']);

export function baseLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}
