import { describe, expect, it } from 'vitest';
import { artworkOps, itemsToOps, type ResourceSink } from '../../src/pdf/draw.js';
import { arrowHead, chamferedPoints, hexagonPoints, polygon, polygonItem, polylineItem, roundedRect, through } from '../../src/frame/shapes.js';
import { shiftItems } from '../../src/frame/items.js';
import type { FrameItem, PathItem } from '../../src/frame/types.js';

/** Shapes only: a sink that fails the test if the drawing asks for fonts or images. */
const noText: ResourceSink = {
  code: () => { throw new Error('no text expected'); },
  font: () => { throw new Error('no text expected'); },
  glyph: () => { throw new Error('no text expected'); },
  image: () => undefined,
};

const H = 800;
const draw = (items: FrameItem[]) => itemsToOps(items, H, noText).split('\n');

describe('frame drawing: page content (SOP pages, redline)', () => {
  it('draws a line with an arrowhead: the shaft stroked, the head a filled closed triangle, each in its own graphics state', () => {
    const from = { x: 10, y: 20 };
    const tip = { x: 110, y: 20 };
    const head = arrowHead(from, tip, 10);
    // Tip first, then the two base corners 4.5 pt either side of the line, 10 pt back.
    expect(head).toEqual([tip, { x: 100, y: 24.5 }, { x: 100, y: 15.5 }]);
    const ops = draw([
      polylineItem([from, { x: 100, y: 20 }], { stroke: [0, 0, 0], lineWidth: 0.8 }),
      polygonItem(head, { fill: [0.2, 0.2, 0.2] }),
    ]);
    expect(ops).toEqual([
      'q', '0 0 0 RG', '0.8 w', '10 780 m 100 780 l', 'S', 'Q',
      'q', '0.2 0.2 0.2 rg', '110 780 m 100 775.5 l 100 784.5 l h', 'f', 'Q',
    ]);
  });

  it('a hexagonal box closes its path: six corners, back to the start, filled and stroked in one operator', () => {
    const pts = hexagonPoints(0, 0, 100, 40, 12);
    expect(pts).toHaveLength(6);
    // Points at mid-height on both sides, flat top and bottom between the insets.
    expect(pts[2]).toEqual({ x: 100, y: 20 });
    expect(pts[5]).toEqual({ x: 0, y: 20 });
    const seg = polygon(pts);
    expect(seg[0]!.op).toBe('move');
    expect(seg[seg.length - 1]!.op).toBe('close');
    const ops = draw([{ kind: 'path', x: 50, y: 100, segments: seg, fill: [1, 1, 1], stroke: [0, 0, 0], lineWidth: 1 }]);
    expect(ops[ops.length - 3]).toBe('62 700 m 138 700 l 150 680 l 138 660 l 62 660 l 50 680 l h');
    expect(ops[ops.length - 2]).toBe('B');
  });

  it('a rounded box is four straight sides and four quarter-circle curves, closed', () => {
    const seg = roundedRect(0, 0, 60, 20, 4);
    expect(seg.filter((s) => s.op === 'curve')).toHaveLength(4);
    expect(seg.filter((s) => s.op === 'line')).toHaveLength(4);
    expect(seg[seg.length - 1]!.op).toBe('close');
    // A radius larger than half the height makes a pill: the curves meet at mid-height.
    const pill = roundedRect(0, 0, 60, 20, 50);
    expect(pill[2]).toMatchObject({ op: 'curve', x: 60, y: 10 });
  });

  it('a group moves and scales its children with one matrix and clips them to its box', () => {
    const child: PathItem = polylineItem([{ x: 0, y: 0 }, { x: 10, y: 0 }], { stroke: [0, 0, 0] });
    const ops = draw([{ kind: 'group', x: 30, y: 40, scale: 0.5, clip: { x: 0, y: 0, w: 100, h: 50 }, items: [child] }]);
    // A child point (cx, H - cy) lands on (30 + 0.5 cx, H - 40 - 0.5 cy): ty = H - y - s·H.
    expect(ops[0]).toBe('q');
    expect(ops[1]).toBe(`0.5 0 0 0.5 30 ${H - 40 - 0.5 * H} cm`);
    expect(ops[2]).toBe(`0 ${H - 50} 100 50 re W n`);
    expect(ops).toContain('0 800 m 10 800 l');
    expect(ops[ops.length - 1]).toBe('Q');
    // Every q has its Q: nothing the group sets leaks to what follows.
    expect(ops.filter((o) => o === 'q').length).toBe(ops.filter((o) => o === 'Q').length);
  });

  it('an open path is only stroked, and moving an item moves every point of it', () => {
    const moved = shiftItems([polylineItem(through([{ x: 0, y: 0 }, { x: 5, y: 5 }, { x: 10, y: 0 }]).map((s) => ('x' in s ? { x: s.x, y: s.y } : { x: 0, y: 0 })), { stroke: [0, 0, 0], dash: [2, 1] })], 100, 10);
    const ops = draw(moved);
    expect(ops).toContain('[2 1] 0 d');
    expect(ops).toContain('100 790 m 105 785 l 110 790 l');
    expect(ops).toContain('S');
    expect(ops).not.toContain('h');
  });

  it('draws nothing for a path with neither fill nor stroke', () => {
    expect(itemsToOps([polygonItem(chamferedPoints(0, 0, 40, 20, 5), {})], H, noText)).toBe('');
  });
});

describe('frame drawing: poster artwork layer', () => {
  it('closes a closed path with the closing paint operator and isolates every shape with butt caps and mitred joins', () => {
    const ops = artworkOps([polygonItem(hexagonPoints(0, 0, 100, 40, 12), { fill: [1, 1, 1], stroke: [0, 0, 0], lineWidth: 1.5 })], H).split('\n');
    expect(ops).toEqual(['q', '1 1 1 rg', '0 0 0 RG', '1.5 w', '0 J 0 j', '12 800 m 88 800 l 100 780 l 88 760 l 12 760 l 0 780 l b', 'Q']);
  });

  it('draws an arrow as a stroked shaft and a filled head, and printer\'s marks as black hairlines', () => {
    const head = arrowHead({ x: 0, y: 0 }, { x: 0, y: 100 }, 10);
    const ops = artworkOps([
      polylineItem([{ x: 0, y: 0 }, { x: 0, y: 90 }], { stroke: [0, 0, 0], lineWidth: 1.4 }),
      polygonItem(head, { fill: [0, 0, 0] }),
      { kind: 'rule', role: 'fold', x1: 0, y1: 400, x2: 20, y2: 400, width: 0.25, color: [0, 0, 0], dash: [3, 2] },
    ], H).split('\n');
    expect(ops.slice(0, 5)).toEqual(['q', '0 0 0 RG', '1.4 w', '0 J 0 j', '0 800 m 0 710 l S']);
    expect(ops).toContain('0 700 m -4.5 710 l 4.5 710 l f');
    expect(ops.slice(-7)).toEqual(['q', '0 0 0 RG', '0.25 w', '[3 2] 0 d', '0 J 0 j', '0 400 m 20 400 l S', 'Q']);
  });

  it('leaves text to the layer above it', () => {
    expect(artworkOps([{ kind: 'lines', x: 0, y: 0, width: 100, lines: [] }], H)).toBe('');
  });
});

describe('frame drawing: dashes stay with their item', () => {
  it('a dashed rule or box is wrapped in its own graphics state; a solid one is written bare', () => {
    const rule = { kind: 'rule' as const, x1: 0, y1: 10, x2: 50, y2: 10, width: 0.5, color: [0, 0, 0] as [number, number, number] };
    expect(draw([rule])).toEqual(['0 0 0 RG', '0.5 w', '0 790 m 50 790 l S']);
    expect(draw([{ ...rule, dash: [3, 2] }])).toEqual(['q', '0 0 0 RG', '0.5 w', '[3 2] 0 d', '0 790 m 50 790 l S', 'Q']);
    const box = draw([{ kind: 'rect', x: 0, y: 0, w: 10, h: 10, stroke: [0, 0, 0], dash: [1, 1] }]);
    expect(box[0]).toBe('q');
    expect(box).toContain('[1 1] 0 d');
    expect(box[box.length - 1]).toBe('Q');
  });
});
