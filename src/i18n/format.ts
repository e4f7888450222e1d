/**
 * Dates, version stamps and page numbers as readers of each language expect them. Used by
 * everything generated (running headers, dates) in the PDF, the site and the posters, so
 * the three agree.
 */
import { defaultDigits, formatNumber, localizeDigits, type DigitStyle } from './digits.js';
import { primaryLanguage } from './direction.js';
import { label } from './labels.js';

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** `2026-11-22` → `22 November 2026` / `٢٢ نوفمبر ٢٠٢٦`. Pure: no locale data from the machine. */
export function formatDate(iso: string, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const months = MONTHS[primaryLanguage(lang)] ?? MONTHS.en!;
  return localizeDigits(`${Number(d)} ${months[Number(mo) - 1]} ${y}`, style);
}

/** `Version 2.1 — 22 November 2026` / `الإصدار ٢٫١ — ٢٢ نوفمبر ٢٠٢٦`: the running-header stamp. */
export function versionStamp(version: string, isoDate: string, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  return `${label('version', lang)} ${localizeDigits(version, style)} — ${formatDate(isoDate, lang, style)}`;
}

/** `Page 3 of 40` / `صفحة ٣ من ٤٠`. */
export function pageOf(page: number, total: number, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  return `${label('page', lang)} ${formatNumber(page, style)} ${label('of', lang)} ${formatNumber(total, style)}`;
}
