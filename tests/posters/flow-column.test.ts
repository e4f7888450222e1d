import { describe, expect, it } from 'vitest';
import { flowColumn, layoutColumn, type Block } from '../../src/posters/column.js';

const SIZE = 10;
const heading = (text: string): Block => ({ text, lang: 'en', bold: true, band: [0, 0, 0], color: [1, 1, 1], gap: 0.6 });
const sub = (text: string): Block => ({ text, lang: 'en', bold: true, gap: 0.5 });
const para = (text: string): Block => ({ text, lang: 'en', gap: 0.3 });
const isHeading = (b: Block) => !!b.band || b.gap === 0.5;
const height = (b: Block) => layoutColumn([{ ...b, gap: 0 }], { x: 0, y: 0, w: 200, h: 1e6 }, SIZE, 'ltr').height;

describe('pocket-guide flow (flowColumn on frame/flow)', () => {
  const filler = para('Steps to follow when a child is at risk, in the order a caseworker takes them on the first day.');
  const blocks = [filler, heading('Urgent action'), sub('Within 24 hours'), para('Call the focal point and record the referral.')];
  const [, h, s, p] = blocks.map(height) as [number, number, number, number];
  const fillerH = height(filler);

  it('moves a heading and its subheading on together when the paragraph after them does not fit', () => {
    // Room for the filler, the heading and the subheading, not for the paragraph.
    const room = fillerH + 0.6 * SIZE + h + 0.5 * SIZE + s + p / 2;
    const out = flowColumn(blocks, { x: 0, y: 0, w: 200, h: room }, SIZE, 'ltr', isHeading);
    expect(out.pages).toHaveLength(2);
    expect(out.pages[0]!.every((it) => it.kind === 'lines')).toBe(true); // the filler alone
    expect(out.pages[1]![0]!.kind).toBe('rect'); // the heading's band opens page 2
    expect(out.pages[1]![0]!.kind === 'rect' && out.pages[1]![0]!.y).toBe(0); // its gap dropped at the top
    expect(out.tooTall).toEqual([]);
  });

  it('starts a fresh page at a form feed and reports a block taller than a page', () => {
    const out = flowColumn([filler, { text: '\f', lang: 'en' }, filler], { x: 0, y: 0, w: 200, h: 1000 }, SIZE, 'ltr', isHeading);
    expect(out.pages).toHaveLength(2);
    const tiny = flowColumn([filler], { x: 0, y: 0, w: 200, h: fillerH / 2 }, SIZE, 'ltr', isHeading);
    expect(tiny.tooTall).toEqual([filler]);
  });
});
