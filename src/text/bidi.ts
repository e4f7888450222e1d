import { bidiModule } from '../vendor/unicode.js';
import type { Bidi } from '../vendor/unicode.js';

// bidi-js is CommonJS: under NodeNext the default import is module.exports, which is
// the factory itself at run time; the typings describe an ES default export.
type Factory = () => Bidi;
const factory: Factory = (bidiModule as unknown as { default?: Factory }).default ?? (bidiModule as unknown as Factory);
const bidi = factory();

/** UAX #9 embedding levels of `text` with the paragraph direction given by the language. */
export function embeddingLevels(text: string, dir: 'rtl' | 'ltr'): Uint8Array {
  return bidi.getEmbeddingLevels(text, dir).levels;
}

/**
 * UAX #9 rule L2 on a line's runs: from the highest level down to the lowest odd level,
 * reverse every maximal sequence of runs at that level or higher. Returns visual order.
 */
export function reorderByLevel<T extends { level: number }>(runs: T[]): T[] {
  if (runs.length < 2) return runs.slice();
  let max = 0;
  let minOdd = 255;
  for (const r of runs) {
    if (r.level > max) max = r.level;
    if (r.level % 2 === 1 && r.level < minOdd) minOdd = r.level;
  }
  const out = runs.slice();
  for (let lvl = max; lvl >= minOdd && lvl > 0; lvl--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level >= lvl) {
        let j = i;
        while (j < out.length && out[j]!.level >= lvl) j++;
        const seg = out.slice(i, j).reverse();
        out.splice(i, j - i, ...seg);
        i = j;
      } else i++;
    }
  }
  return out;
}

/** Mirrors nothing itself: HarfBuzz mirrors brackets in right-to-left runs. */
export const BIDI_NOTE = 'mirroring by HarfBuzz';
