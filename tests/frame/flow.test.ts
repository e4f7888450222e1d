import { describe, expect, it } from 'vitest';
import { flow, type FlowBlock } from '../../src/frame/flow.js';

const R = { top: 10, bottom: 110 }; // 100 pt per region
const where = (blocks: FlowBlock[], keep: (i: number) => boolean = () => false) =>
  flow(blocks, R, keep).placements.map((p) => [p.region, p.y]);

describe('flow', () => {
  it('stacks blocks and opens a new region when the next one does not fit', () => {
    expect(where([{ height: 60 }, { height: 30 }, { height: 20 }])).toEqual([[0, 10], [0, 70], [1, 10]]);
  });

  it('drops space before a block at the top of a region and keeps it elsewhere', () => {
    const r = where([{ height: 50, spaceBefore: 8 }, { height: 30, spaceBefore: 8 }, { height: 30, spaceBefore: 8 }]);
    expect(r).toEqual([[0, 10], [0, 68], [1, 10]]);
  });

  it('moves a keep-with-next chain on with the block after it (a heading never ends a region)', () => {
    const blocks = [{ height: 70 }, { height: 10 }, { height: 10 }, { height: 15 }];
    // Without keeping, the two headings stay at the bottom of the first region.
    expect(where(blocks)).toEqual([[0, 10], [0, 80], [0, 90], [1, 10]]);
    // Blocks 1 and 2 keep with what follows: all three go on together.
    expect(where(blocks, (i) => i === 1 || i === 2)).toEqual([[0, 10], [1, 10], [1, 20], [1, 30]]);
  });

  it('starts a region on request, but never leaves an empty one', () => {
    expect(where([{ height: 10, breakBefore: true }, { height: 10 }, { height: 10, breakBefore: true }])).toEqual([[0, 10], [0, 20], [1, 10]]);
  });

  it('places a block taller than a region at its top and reports it', () => {
    const r = flow([{ height: 20 }, { height: 150 }, { height: 10 }], R);
    expect(r.placements.map((p) => [p.region, p.y])).toEqual([[0, 10], [1, 10], [2, 10]]);
    expect(r.tooTall).toEqual([1]);
    expect(r.regions).toBe(3);
  });

  it('uses each region as given (pages of different heights)', () => {
    const regions = (i: number) => (i === 0 ? { top: 50, bottom: 100 } : { top: 0, bottom: 200 });
    const r = flow([{ height: 40 }, { height: 40 }, { height: 40 }], regions);
    expect(r.placements.map((p) => [p.region, p.y])).toEqual([[0, 50], [1, 0], [1, 40]]);
  });
});
