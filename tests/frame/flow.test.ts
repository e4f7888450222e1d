import { describe, expect, it } from 'vitest';
import { flow, type FlowBlock } from '../../src/frame/flow.js';

const R = { top: 10, bottom: 110 }; // 100 pt per region
type B = FlowBlock & { id: string };
const blocks = (...hs: Array<number | Partial<B>>): B[] =>
  hs.map((h, i) => (typeof h === 'number' ? { id: String(i), height: h } : { id: String(i), height: 10, ...h }));
/** [region, id, y] of every body block. */
const where = (bs: B[], keep?: (b: B) => boolean) =>
  flow(bs, R, keep).regions.flatMap((r, k) => r.body.map((p) => [k, p.block.id, p.y]));

describe('flow', () => {
  it('stacks blocks and opens a new region when the next one does not fit', () => {
    expect(where(blocks(60, 30, 20))).toEqual([[0, '0', 10], [0, '1', 70], [1, '2', 10]]);
  });

  it('drops space before a block at the top of a region and keeps it elsewhere', () => {
    expect(where(blocks({ height: 50, spaceBefore: 8 }, { height: 30, spaceBefore: 8 }, { height: 30, spaceBefore: 8 })))
      .toEqual([[0, '0', 10], [0, '1', 68], [1, '2', 10]]);
  });

  it('moves a keep-with-next chain on with the block after it (a heading never ends a region)', () => {
    const bs = blocks(70, { height: 10 }, { height: 10 }, 15);
    expect(where(bs)).toEqual([[0, '0', 10], [0, '1', 80], [0, '2', 90], [1, '3', 10]]);
    // Blocks 1 and 2 keep with what follows: all three go on together.
    expect(where(bs, (b) => b.id === '1' || b.id === '2')).toEqual([[0, '0', 10], [1, '1', 10], [1, '2', 20], [1, '3', 30]]);
    // The same rule read from the blocks themselves.
    expect(where(blocks(70, { keepWithNext: true }, { keepWithNext: true }, 15))).toEqual([[0, '0', 10], [1, '1', 10], [1, '2', 20], [1, '3', 30]]);
  });

  it('starts a region on request, but never leaves an empty one', () => {
    expect(where(blocks({ pageBreakBefore: true }, {}, { pageBreakBefore: true }))).toEqual([[0, '0', 10], [0, '1', 20], [1, '2', 10]]);
  });

  it('places a block taller than a region at its top and reports it', () => {
    const bs = blocks(20, 150, 10);
    const r = flow(bs, R);
    expect(r.regions.map((x) => x.body.map((p) => [p.block.id, p.y]))).toEqual([[['0', 10]], [['1', 10]], [['2', 10]]]);
    expect(r.tooTall).toEqual([bs[1]]);
  });

  it('uses each region as given (pages of different heights)', () => {
    const regions = (i: number) => (i === 0 ? { top: 50, bottom: 100 } : { top: 0, bottom: 200 });
    const r = flow(blocks(40, 40, 40), regions);
    expect(r.regions.map((x) => x.body.map((p) => p.y))).toEqual([[50], [0, 40]]);
  });

  it('repeats a header block at the top of the region its block opens', () => {
    const head: B = { id: 'h', height: 10 };
    const bs = blocks(85, { repeatHeader: [head] }, { repeatHeader: [head] });
    expect(where(bs)).toEqual([[0, '0', 10], [0, '1', 95], [1, 'h', 10], [1, '2', 20]]);
  });

  it('sets a block\'s notes at the foot of its region under the separator, and moves the block when they do not fit', () => {
    const note: B = { id: 'n', height: 20 };
    const r = flow(blocks(30, { footnotes: [note] }), R, undefined, { noteSeparator: 5 });
    expect(r.regions).toHaveLength(1);
    expect(r.regions[0]!.separatorY).toBe(110 - 25);
    expect(r.regions[0]!.notes.map((p) => [p.block.id, p.y])).toEqual([['n', 90]]);
    // 70 + 10 of body and 25 of notes do not fit in 100: the referencing block moves on.
    const moved = flow(blocks(70, { footnotes: [note] }), R, undefined, { noteSeparator: 5 });
    expect(moved.regions.map((x) => x.body.map((p) => p.block.id))).toEqual([['0'], ['1']]);
    expect(moved.regions[1]!.notes.map((p) => p.block.id)).toEqual(['n']);
  });
});
