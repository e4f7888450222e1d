import { describe, expect, it } from 'vitest';
import { bookletSpreads, cropMarks, gridOf, imposeBooklet, imposeCards, PAPER, type Mark } from '../../src/posters/index.js';

const A4 = PAPER.a4;
const A6 = PAPER.a6;
const TOL = 0.5;

/** Multiples of the card size, offset by the grid's centring margin. */
function onGrid(v: number, origin: number, step: number): boolean {
  const k = Math.round((v - origin) / step);
  return Math.abs(origin + k * step - v) <= TOL;
}

function markOnGridLine(m: Mark, xs: number[], ys: number[]): boolean {
  const vertical = Math.abs(m.from.x - m.to.x) <= 1e-9;
  const horizontal = Math.abs(m.from.y - m.to.y) <= 1e-9;
  if (vertical) return xs.some((x) => Math.abs(x - m.from.x) <= TOL);
  if (horizontal) return ys.some((y) => Math.abs(y - m.from.y) <= TOL);
  return false;
}

describe('4-up card imposition (pure geometry)', () => {
  const imp = imposeCards(A4, A6);
  const g = gridOf(A4, A6);

  it('A4 holds a 2 × 2 grid of A6 cards, centred (A4 is 1 mm taller than two A6)', () => {
    expect(g.cols).toBe(2);
    expect(g.rows).toBe(2);
    expect(g.ox).toBeCloseTo(0, 3);
    expect(g.oy).toBeCloseTo((297 - 296) / 2 * 72 / 25.4, 3);
  });

  it('every card lies on the A6 grid within 0.5 pt and has the A6 size', () => {
    expect(imp.front.placements).toHaveLength(4);
    for (const p of [...imp.front.placements, ...imp.back.placements]) {
      expect(onGrid(p.x, g.ox, A6.width)).toBe(true);
      expect(onGrid(p.y, g.oy, A6.height)).toBe(true);
      expect(Math.abs(p.w - 105 * 72 / 25.4)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(p.h - 148 * 72 / 25.4)).toBeLessThanOrEqual(TOL);
      expect(p.x + p.w).toBeLessThanOrEqual(A4.width + TOL);
      expect(p.y + p.h).toBeLessThanOrEqual(A4.height + TOL);
    }
    // No two cards overlap.
    const keys = imp.front.placements.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`);
    expect(new Set(keys).size).toBe(4);
  });

  it('every crop mark lies on a cut line of the A6 grid and the inner cut lines are all marked', () => {
    expect(imp.front.marks.length).toBeGreaterThan(0);
    for (const m of imp.front.marks) {
      expect(markOnGridLine(m, g.xs, g.ys), JSON.stringify(m)).toBe(true);
      for (const p of [m.from, m.to]) {
        expect(p.x).toBeGreaterThanOrEqual(-TOL);
        expect(p.x).toBeLessThanOrEqual(A4.width + TOL);
        expect(p.y).toBeGreaterThanOrEqual(-TOL);
        expect(p.y).toBeLessThanOrEqual(A4.height + TOL);
      }
    }
    // The vertical cut between the columns and the three horizontal cuts each get marks at both ends.
    const middleX = g.xs[1]!;
    expect(imp.front.marks.filter((m) => m.from.x === middleX && m.to.x === middleX && (m.from.y === 0 || m.to.y === A4.height))).toHaveLength(2);
    for (const y of g.ys) {
      expect(imp.front.marks.filter((m) => m.from.y === y && m.to.y === y && (m.from.x === 0 || m.to.x === A4.width))).toHaveLength(2);
    }
    // Backs are not marked (cutting is done from the front).
    expect(imp.back.marks).toEqual([]);
  });

  it('the back mirrors the front columns for a long-edge flip', () => {
    const fronts = imposeCards(A4, A6, (slot) => slot); // a different card in each slot, to tell them apart
    for (const f of fronts.front.placements) {
      const b = fronts.back.placements.find((p) => p.page === f.page)!;
      expect(b.row).toBe(f.row);
      expect(b.col).toBe(g.cols - 1 - f.col);
      // Mirrored about the sheet's vertical centre line: the card's back is right behind it.
      expect(Math.abs(b.x - (A4.width - f.x - f.w))).toBeLessThanOrEqual(TOL);
      expect(Math.abs(b.y - f.y)).toBeLessThanOrEqual(TOL);
    }
  });

  it('Letter paper takes quarter-Letter cards, 4-up exactly', () => {
    const l = gridOf(PAPER.letter, PAPER.quarterLetter);
    expect([l.cols, l.rows, l.ox, l.oy]).toEqual([2, 2, 0, 0]);
    const marks = cropMarks(PAPER.letter, l);
    for (const m of marks) expect(markOnGridLine(m, l.xs, l.ys)).toBe(true);
  });

  it('refuses a card larger than the sheet', () => {
    expect(() => gridOf(PAPER.a6, PAPER.a3)).toThrow(/does not fit/);
  });
});

describe('booklet imposition', () => {
  it('orders 8 pages for saddle stitching (left-to-right binding)', () => {
    expect(bookletSpreads(8, false)).toEqual([
      { front: [7, 0], back: [1, 6] },
      { front: [5, 2], back: [3, 4] },
    ]);
  });

  it('puts the cover left of the fold for right-to-left booklets', () => {
    expect(bookletSpreads(8, true)[0]).toEqual({ front: [0, 7], back: [6, 1] });
  });

  for (const rtl of [false, true]) {
    it(`every page appears once and each leaf carries consecutive pages (rtl=${rtl})`, () => {
      const spreads = bookletSpreads(16, rtl);
      const all = spreads.flatMap((s) => [...s.front, ...s.back]).sort((a, b) => a - b);
      expect(all).toEqual([...Array(16).keys()]);
      for (const s of spreads) {
        // Long-edge flip: the back of front column c is back column 1 - c.
        for (const c of [0, 1]) {
          const pair = [s.front[c]!, s.back[1 - c]!].sort((a, b) => a - b);
          expect(pair[1]! - pair[0]!).toBe(1);
          expect(pair[0]! % 2).toBe(0);
        }
      }
    });
  }

  it('pads to whole sheets, keeps the back cover last, and marks one cut and the folds', () => {
    const b = imposeBooklet(11, A4, false);
    expect(b.pageCount).toBe(16);
    expect(b.sheets).toHaveLength(2);
    const pages = b.sheets.flatMap((s) => [...s.front.placements, ...s.back.placements].map((p) => p.page));
    expect(pages.filter((p) => p === -1)).toHaveLength(5);
    expect([...new Set(pages.filter((p) => p >= 0))].sort((x, y) => x - y)).toEqual([...Array(11).keys()]);
    // Outer sheet, top half, front: back cover (page 10) left, cover (page 0) right.
    const top = b.sheets[0]!.front.placements.filter((p) => p.row === 0).sort((x, y) => x.col - y.col);
    expect(top.map((p) => p.page)).toEqual([10, 0]);
    const marks = b.sheets[0]!.front.marks;
    expect(marks.filter((m) => m.role === 'cut').every((m) => m.from.y === A4.height / 2 && m.to.y === A4.height / 2)).toBe(true);
    expect(marks.filter((m) => m.role === 'fold').every((m) => m.from.x === A4.width / 2 && m.to.x === A4.width / 2)).toBe(true);
  });
});
