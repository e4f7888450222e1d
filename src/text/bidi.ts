import { bidiModule } from '../vendor/unicode.js';
import type { Bidi } from '../vendor/unicode.js';

// bidi-js is CommonJS: under NodeNext the default import is module.exports, which is
// the factory itself at run time; the typings describe an ES default export.
type Factory = () => Bidi;
const factory: Factory = (bidiModule as unknown as { default?: Factory }).default ?? (bidiModule as unknown as Factory);
const bidi = factory();

/** UAX #9 embedding levels of `text` with the paragraph direction given by the language. */
export function embeddingLevels(text: string, dir: 'rtl' | 'ltr'): Uint8Array {
  return (dir === 'rtl' ? arabicNumberLevels(text) : undefined) ?? bidi.getEmbeddingLevels(text, dir).levels;
}

/**
 * Bidi classes of the characters `arabicNumberLevels` handles, -1 for the rest (tests
 * check every one against bidi-js). Other: white space and neutrals (WS, ON, ET, ES),
 * which end up at level 1 whatever is around them in such text.
 */
export const SimpleClass = { Other: 0, NSM: 1, AN: 2, EN: 3, CS: 4, AL: 5 } as const;

export const SIMPLE_CLASSES = new Int8Array(0x2100).fill(-1);
const SIMPLE = SIMPLE_CLASSES;
function classify(from: number, to: number, c: number): void {
  for (let cp = from; cp <= to; cp++) SIMPLE[cp] = c;
}
// Unset (-1): anything else (Latin letters, controls, newlines…) goes to bidi-js.
classify(0x20, 0x2f, SimpleClass.Other); // space (WS) and punctuation: ON, ET (#$%), ES (+-)…
classify(0x3a, 0x40, SimpleClass.Other); // :;<=>?@
classify(0x5b, 0x60, SimpleClass.Other);
classify(0x7b, 0x7e, SimpleClass.Other);
classify(0x30, 0x39, SimpleClass.EN);
for (const cp of [0x2c, 0x2e, 0x2f, 0x3a, 0xa0, 0x60c]) SIMPLE[cp] = SimpleClass.CS;
classify(0xab, 0xab, SimpleClass.Other);
classify(0xbb, 0xbb, SimpleClass.Other);
classify(0x61b, 0x61b, SimpleClass.AL);
classify(0x61f, 0x64a, SimpleClass.AL);
classify(0x64b, 0x65f, SimpleClass.NSM);
classify(0x660, 0x669, SimpleClass.AN);
classify(0x66a, 0x66a, SimpleClass.Other); // ARABIC PERCENT SIGN (ET)
classify(0x66b, 0x66c, SimpleClass.AN);
classify(0x66d, 0x66f, SimpleClass.AL);
classify(0x670, 0x670, SimpleClass.NSM);
classify(0x671, 0x6d5, SimpleClass.AL);
classify(0x6d6, 0x6dc, SimpleClass.NSM);
classify(0x610, 0x61a, SimpleClass.NSM);
classify(0x6fa, 0x6ff, SimpleClass.AL);
classify(0x2010, 0x2015, SimpleClass.Other); // dashes (ON)
classify(0x2018, 0x201f, SimpleClass.Other); // quotation marks (ON)
classify(0x2026, 0x2026, SimpleClass.Other); // …

/**
 * UAX #9 levels of a right-to-left paragraph of Arabic letters and marks, white space,
 * punctuation and digits, without calling bidi-js; undefined for anything else.
 *
 * Why: Arabic SOP text is full of numbers (heading numbers, dates, counts), and bidi-js
 * costs ~1.3 µs per character plus ~10 ms to build its tables; 500 of the bench
 * paragraphs need levels only because of their digits. For such text the algorithm comes
 * down to: every character is at level 1 except the numbers, which are at level 2. W1: a
 * mark takes the class of the character before it (R at the start); W2: a European digit
 * after an Arabic letter is an Arabic number (a European digit before any Arabic letter
 * stays EN, with its own separator rules: left to bidi-js); W4: one common separator
 * between two Arabic numbers joins them; W6, N0–N2: every other neutral, bracket and
 * separator resolves to R, as numbers count as R and there is no L; I1: R stays at 1,
 * AN goes to 2. Tests compare the result with bidi-js on thousands of generated strings.
 */
export function arabicNumberLevels(text: string): Uint8Array | undefined {
  const n = text.length;
  const cls = new Uint8Array(n);
  let seenArabic = false;
  let prev: number = SimpleClass.Other; // sos is R: like "Other" for everything below
  for (let i = 0; i < n; i++) {
    const cp = text.charCodeAt(i);
    let c = cp < 0x2100 ? SIMPLE[cp]! : -1;
    if (c < 0) return undefined;
    if (c === SimpleClass.NSM) c = prev; // W1
    else if (c === SimpleClass.AL) {
      seenArabic = true;
      c = SimpleClass.Other; // W3: AL → R
    } else if (c === SimpleClass.EN) {
      if (!seenArabic) return undefined; // stays EN: other rules apply
      c = SimpleClass.AN; // W2
    }
    cls[i] = c;
    prev = c;
  }
  const levels = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    // W4 (single separator between two numbers); marks after a separator took its class.
    if (c === SimpleClass.AN || (c === SimpleClass.CS && i > 0 && i + 1 < n && cls[i - 1] === SimpleClass.AN && cls[i + 1] === SimpleClass.AN)) levels[i] = 2;
  }
  return levels;
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
