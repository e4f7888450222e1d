/**
 * Digits as readers of each language expect them. Used by everything generated (page
 * numbers, heading numbers, dates, running headers) in the PDF, the site and the posters,
 * so the three agree.
 */
import type { Manifest } from '../model/types.js';
import { primaryLanguage } from './direction.js';

export type DigitStyle = 'arab' | 'latn';

const ARABIC_INDIC = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

/** Default digit style of a language when sop.yaml does not say: Arabic-Indic for Arabic. */
export function defaultDigits(lang: string): DigitStyle {
  return primaryLanguage(lang) === 'ar' ? 'arab' : 'latn';
}

/** The digit style the SOP wants for `lang` (sop.yaml `digits`, else the language's default). */
export function digitsFor(manifest: Pick<Manifest, 'digits'>, lang: string): DigitStyle {
  return manifest.digits?.[lang] ?? defaultDigits(lang);
}

/** Replaces ASCII digits in `text` by the style's digits (and `.` between digits by `٫`). */
export function localizeDigits(text: string, style: DigitStyle): string {
  if (style === 'latn') return text;
  return text
    .replace(/(\d)\.(\d)/g, '$1٫$2')
    .replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
}

export function formatNumber(n: number, style: DigitStyle): string {
  return localizeDigits(String(n), style);
}
