/**
 * One way to pick the text of a localized value (`{ar: …, en: …}`) for a language.
 *
 * Fallback order, first hit wins (an empty string counts as given):
 * 1. the exact tag (`ar-SY`), 2. its primary language (`ar`), 3. the `fallbacks` in order —
 * callers pass the SOP's languages, source language first, 4. the first text the value
 * holds, in the order it was written. So a missing translation never blanks a box.
 * A plain string is the same in every language; a number or boolean is printed as is;
 * null and undefined give ''.
 */
import { primaryLanguage } from './direction.js';

export function localized(value: unknown, lang: string, fallbacks: readonly string[] = []): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  const base = primaryLanguage(lang);
  for (const l of [lang, base, ...fallbacks]) if (typeof o[l] === 'string') return o[l] as string;
  const first = Object.values(o).find((x) => typeof x === 'string');
  return (first as string | undefined) ?? '';
}
