import { describe, expect, it } from 'vitest';
import { arabicNumberLevels, SIMPLE_CLASSES, SimpleClass } from '../../src/text/bidi.js';
import { bidiModule, type Bidi } from '../../src/vendor/unicode.js';

type Factory = () => Bidi;
const factory: Factory = (bidiModule as unknown as { default?: Factory }).default ?? (bidiModule as unknown as Factory);
const bidi = factory() as Bidi & { getBidiCharTypeName(ch: string): string };

const full = (text: string) => Array.from(bidi.getEmbeddingLevels(text, 'rtl').levels);

/** Deterministic pseudo-random numbers (no clock in tests). */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

describe('bidi levels of Arabic text with numbers, without bidi-js', () => {
  it('classifies every character it handles as bidi-js does', () => {
    const expected: Record<number, string[]> = {
      [SimpleClass.Other]: ['WS', 'ON', 'ET', 'ES'],
      [SimpleClass.NSM]: ['NSM'],
      [SimpleClass.AN]: ['AN'],
      [SimpleClass.EN]: ['EN'],
      [SimpleClass.CS]: ['CS'],
      [SimpleClass.AL]: ['AL'],
    };
    let handled = 0;
    for (let cp = 0; cp < SIMPLE_CLASSES.length; cp++) {
      const c = SIMPLE_CLASSES[cp]!;
      if (c < 0) continue;
      handled++;
      expect(expected[c], `U+${cp.toString(16)}`).toContain(bidi.getBidiCharTypeName(String.fromCharCode(cp)));
    }
    expect(handled).toBeGreaterThan(250);
  });

  it('gives the levels bidi-js gives, or leaves the text to bidi-js', () => {
    expect(arabicNumberLevels('القسم ٥-١-٢ من 2043 صفحة، ١٢,٥ ٪')).toBeDefined();
    for (const t of ['القسم ٥-١-٢ من 2043 صفحة، ١٢,٥ ٪', '(١٢) ب، 3.5 ج: 10/12 «د»', 'َ١ ب', 'ب ١،٢ ١,َ٢ ١َ,٢']) {
      expect(Array.from(arabicNumberLevels(t)!), t).toEqual(full(t));
    }
    // Not handled: Latin letters, a European number before any Arabic letter, newlines.
    for (const t of ['مرحبا SOP', '2043 صفحة', 'سطر\nسطر']) expect(arabicNumberLevels(t), t).toBeUndefined();
  });

  it('matches bidi-js on generated text', () => {
    const alphabet = [
      ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', 'ء', 'ة', 'ى', 'ـ', '؟', '؛', '،', '۔', 'ۀ',
      ...'َُِّْٰ', '\u0610', '\u06d6', ...'٠١٢٣٤٥٦٧٨٩', '٫', '٬', '٪', ...'0123456789',
      ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', '\u00a0', '«', '»', '–', '—', '‘', '’', '“', '”', '…',
      'a', 'Z', '\n', '\u06f5', '\u200c',
    ];
    const next = rng(9);
    let fast = 0;
    for (let n = 0; n < 6000; n++) {
      const len = 1 + Math.floor(next() * 30);
      let t = '';
      for (let k = 0; k < len; k++) t += alphabet[Math.floor(next() * alphabet.length)]!;
      const levels = arabicNumberLevels(t);
      if (!levels) continue;
      fast++;
      expect(Array.from(levels), JSON.stringify(t)).toEqual(full(t));
    }
    expect(fast).toBeGreaterThan(1000);
  });
});
