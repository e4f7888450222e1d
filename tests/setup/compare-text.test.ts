/**
 * compareText's own ASCII path (src/order.ts) orders as the en-US collator does: on every
 * pair of characters, every pair of short strings over a small alphabet full of ties
 * (case, punctuation, prefixes), and random strings; strings with other characters take
 * the collator's path and give its answer too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/order.js';

const collator = new Intl.Collator('en-US');
const sign = (n: number) => Math.sign(n);
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function mismatches(pairs: Iterable<[string, string]>): Array<[string, string, number, number]> {
  const bad: Array<[string, string, number, number]> = [];
  for (const [a, b] of pairs) {
    const want = sign(collator.compare(a, b));
    const got = sign(compareText(a, b));
    if (want !== got) bad.push([a, b, want, got]);
  }
  return bad;
}

function* allPairs(list: string[]): Generator<[string, string]> {
  for (const a of list) for (const b of list) yield [a, b];
}

describe('compareText', () => {
  it('orders every pair of ASCII characters as Intl.Collator("en-US")', () => {
    expect(mismatches(allPairs(ASCII))).toEqual([]);
  });

  it('orders every pair of strings up to 3 characters over a tie-heavy alphabet as the collator', () => {
    const alphabet = ['a', 'A', 'b', 'B', '-', '_', ' ', '.', '0', '1', '\t', '\u0001', 'é'];
    const strings = [''];
    for (let len = 1; len <= 3; len++) for (const s of strings.filter((x) => x.length === len - 1)) for (const c of alphabet) strings.push(s + c);
    expect(strings.length).toBe(1 + 13 + 169 + 2197);
    // Every pair of the strings up to 2 characters, and each 3-character string against all of them.
    const short = strings.filter((s) => s.length <= 2);
    expect(mismatches(allPairs(short))).toEqual([]);
    const long = strings.filter((s) => s.length === 3);
    expect(mismatches((function* () { for (const a of long) for (const b of short) { yield [a, b] as [string, string]; yield [b, a] as [string, string]; } })())).toEqual([]);
  });

  it('orders random strings (ASCII, and some with other characters) as the collator', () => {
    const printable = fc.string({ unit: fc.constantFrom(...ASCII.slice(9, 14), ...ASCII.slice(32, 127)), maxLength: 16 });
    const names = fc.string({ unit: fc.constantFrom(...'aAbBzZ09-_. /'), maxLength: 12 });
    const mixed = fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'ب', 'é', 'ǅ', '\u0000', '-', '1'), maxLength: 8 });
    for (const arb of [printable, names, mixed]) {
      fc.assert(fc.property(arb, arb, (a, b) => sign(compareText(a, b)) === sign(collator.compare(a, b))), { numRuns: 20000 });
    }
  });

  it('is a total order on file names as sections use it', () => {
    const names = ['b.md', 'aa.md', 'B.md', '10-x.md', '02-y.md', 'a-b.md', 'a_b.md', 'a.md', 'A.md'];
    expect([...names].sort(compareText)).toEqual([...names].sort(collator.compare));
  });
});
