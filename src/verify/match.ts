import { compactText, normalizeText, toWords } from './normalize.js';

/**
 * Where an expected string was found on a page:
 * - `header`: in the header area (top of the page), as written or with different spacing,
 *   or (header area only) as all its words in another order, which is how some
 *   extractors return a right-to-left line that mixes scripts and digits;
 * - `page`: elsewhere on the page, as written or with different spacing;
 * - `missing`.
 */
export type Placement = 'header' | 'page' | 'missing';

export interface TextArea {
  /** Text of the header area. */
  header: string;
  /** Text of the whole page. */
  page: string;
}

/** Pre-normalized forms of one area's text, computed once per page. */
export interface PreparedArea {
  spaced: string;
  compact: string;
  words: Map<string, number>;
}

/**
 * Words cut where the script changes (Latin | Arabic | other): extractors reorder a
 * mixed-direction line run by run, so "v٢٫١" may come back with the "v" glued to the
 * Arabic word next to it ("vالملحق … ٢٫١"). Used only for the order-free comparison.
 */
function scriptWords(text: string): string[] {
  return toWords(text).flatMap((w) => w.match(/[\p{Script=Latin}\p{M}]+|[\p{Script=Arabic}\p{M}]+|[^\p{Script=Latin}\p{Script=Arabic}]+/gu) ?? [w]);
}

export function prepareArea(text: string): PreparedArea {
  const words = new Map<string, number>();
  for (const w of scriptWords(text)) words.set(w, (words.get(w) ?? 0) + 1);
  return { spaced: normalizeText(text), compact: compactText(text), words };
}

function containsText(area: PreparedArea, expected: string): boolean {
  const spaced = normalizeText(expected);
  if (!spaced) return true;
  return area.spaced.includes(spaced) || area.compact.includes(compactText(expected));
}

function containsWords(area: PreparedArea, expected: string): boolean {
  const need = new Map<string, number>();
  for (const w of scriptWords(expected)) need.set(w, (need.get(w) ?? 0) + 1);
  for (const [w, n] of need) if ((area.words.get(w) ?? 0) < n) return false;
  return need.size > 0;
}

export function placeText(expected: string, header: PreparedArea, page: PreparedArea): Placement {
  if (containsText(header, expected) || containsWords(header, expected)) return 'header';
  if (containsText(page, expected)) return 'page';
  return 'missing';
}
