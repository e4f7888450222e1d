import { describe, expect, it } from 'vitest';
import { lcsLength, locateSpan, pageWordOrder, textWordOrder, toWords, wordOrderReport, wordOrderScore } from '../../src/verify/word-order.js';

describe('toWords', () => {
  it('drops punctuation, bidi controls and presentation forms differences', () => {
    expect(toWords('(SOP) إدارة، الحالات')).toEqual(['SOP', 'إدارة', 'الحالات']);
    expect(toWords('\u200f( )SOP\u200e')).toEqual(['SOP']);
    // U+FEFB is the isolated lam-alef ligature an extractor may emit; NFKC gives لا.
    expect(toWords('\uFEFB')).toEqual(['لا']);
  });
});

describe('word order metric', () => {
  const src = 'the quick brown fox jumps over the lazy dog'.split(' ');

  it('is 1 for the same words in the same order, whatever is around them', () => {
    expect(wordOrderScore(src, ['Header', ...src, 'page', '3']).fraction).toBe(1);
  });

  it('counts reversed and missing words as not recovered', () => {
    expect(lcsLength(src, [...src].reverse())).toBe(3); // "the over the" survives the reversal
    expect(wordOrderScore(src, src.slice(0, 6)).recovered).toBe(6);
    expect(textWordOrder('واحد اثنان ثلاثة أربعة', 'أربعة ثلاثة اثنان واحد').fraction).toBe(0.25);
  });

  it('locates the source stretch a page comes from', () => {
    const source = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const page = ['HEADER', ...source.slice(100, 150), '7'];
    expect(locateSpan(source, page)).toEqual({ start: 100, end: 149, overlap: 50, candidates: 50 });
    // Order does not matter for finding the stretch, only for scoring it.
    expect(locateSpan(source, [...page].reverse())).toEqual({ start: 100, end: 149, overlap: 50, candidates: 50 });
  });

  it('charges words lost at a page break to both pages', () => {
    const source = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const p1 = source.slice(0, 100);
    const p2 = source.slice(110, 200); // w100..w109 were lost between pages 1 and 2
    const p3 = ['Contents', 'only'];
    const r = pageWordOrder(source, [p1, p2, p3]);
    expect(r[0]).toMatchObject({ page: 1, span: { start: 0, end: 109 }, recovered: 100, sourceWords: 110 });
    expect(r[1]).toMatchObject({ page: 2, span: { start: 100, end: 199 }, recovered: 90, sourceWords: 100 });
    expect(r[2]).toMatchObject({ page: 3, scored: false, sourceWords: 0 });
    expect(r[2]!.span).toBeUndefined();
  });

  it('does not charge the source of an unscored page in between to its neighbours', () => {
    const source = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const r = pageWordOrder(source, [source.slice(0, 100), ['Figure', '1'], source.slice(150, 250)]);
    expect(r[0]).toMatchObject({ span: { start: 0, end: 99 }, fraction: 1 });
    expect(r[2]).toMatchObject({ span: { start: 150, end: 249 }, fraction: 1 });
  });

  it('agrees with the whole-document LCS, page by page', () => {
    const source = 'a b c d e f g h i j k l m n o p q r s t u v w x y z'.split(' ').flatMap((w) => [w, `${w}2`, `${w}3`]);
    const p1 = source.slice(0, 30);
    const p2 = [...source.slice(30, 50)].reverse().concat(source.slice(50, 78));
    const r = wordOrderReport(source, [p1, p2], { minWords: 5 });
    expect(r.document.recovered).toBe(lcsLength(source, [...p1, ...p2]));
    expect(r.pages[0]).toMatchObject({ fraction: 1 });
    expect(r.pages[1]!.fraction).toBeLessThan(0.75);
  });

  it('scores a page whose lines come back in reverse order low', () => {
    const source = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const lines = Array.from({ length: 20 }, (_, i) => source.slice(i * 10, i * 10 + 10));
    const reversedWords = lines.map((l) => [...l].reverse()).flat();
    expect(pageWordOrder(source, [reversedWords])[0]!.fraction).toBeLessThan(0.3);
    expect(pageWordOrder(source, [lines.flat()])[0]!.fraction).toBe(1);
  });

  it('scores floating runs (footnotes) in their own order on the page that has them', () => {
    const source = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const note = Array.from({ length: 15 }, (_, i) => `n${i}`);
    // The note at the foot of page 1, after text written later than its definition.
    const pages = [[...source.slice(0, 100), ...note], source.slice(100, 200)];
    const r = wordOrderReport(source, pages, { floating: [note] });
    expect(r.pages[0]).toMatchObject({ sourceWords: 115, recovered: 115, fraction: 1 });
    expect(r.pages[1]).toMatchObject({ sourceWords: 100, fraction: 1 });
    expect(r.document).toMatchObject({ sourceWords: 215, recovered: 215 });
    // A note set backwards is charged to its page; a lost note to the document.
    const backwards = wordOrderReport(source, [[...source.slice(0, 100), ...[...note].reverse()], pages[1]!], { floating: [note] });
    expect(backwards.pages[0]!.recovered).toBe(101);
    const lost = wordOrderReport(source, [source.slice(0, 100), pages[1]!], { floating: [note] });
    expect(lost.document).toMatchObject({ sourceWords: 215, recovered: 200 });
  });
});
