/**
 * The two-way-flow poster: two actors side by side (the front office and the back office,
 * the national and the community level), one row per pair of what each does, and between
 * them an arrow each way with what flows along it. The first actor is on the start side
 * (left in English, right in Arabic), so every arrow is mirrored with the text. Drawn with
 * the column helpers like the matrix: every row at one size, the largest at which all fit.
 */
import { digitsFor, directionOf, localized, localizeDigits } from '../i18n/index.js';
import type { TwoWayFlowData } from '../document/data-types.js';
import { layoutColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { fitLayout } from './fit.js';
import { INK, WHITE } from './page.js';
import { arrowItems } from './pathways.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { tagBlocks } from './struct.js';

/** Each row's blocks, tagged: the side cells and the middle cell (number and topic, then each way's flow). */
interface RowBlocks {
  first: Block[];
  second: Block[];
  label: Block[];
  toSecond: Block[];
  toFirst: Block[];
}

/**
 * The blocks as a Table under `parent`: a header row with the two actors (TH, scope
 * Column; the middle cell an empty TD), then per pair a TR of three TDs in reading order:
 * the first actor's part, the topic with what flows each way, the second actor's part.
 */
function flowBlocks(ctx: PosterContext, name: string, d: TwoWayFlowData, lang: string, parent: StructNode): { head: [Block[], Block[]]; rows: RowBlocks[] } {
  const m = ctx.model.manifest;
  const L = (x: unknown) => localized(x, lang, m.languages);
  const digits = digitsFor(m, lang);
  const table = structNode('Table', parent);
  const htr = structNode('TR', structNode('THead', table));
  const heading = (text: string, pointer: string): Block => ({ text, lang, bold: true, scale: 1.2, align: 'center', band: INK, color: WHITE, src: { data: name, pointer } });
  const firstHead = tagBlocks([heading(L(d.first), '/first')], structNode('TH', htr, { scope: 'Column' }), { band: 'P' });
  structNode('TD', htr);
  const secondHead = tagBlocks([heading(L(d.second), '/second')], structNode('TH', htr, { scope: 'Column' }), { band: 'P' });
  const body = structNode('TBody', table);
  const rows = d.rows.map((r, i): RowBlocks => {
    const p = `/rows/${i}`;
    const tr = structNode('TR', body);
    const cell = (text: string, pointer: string): Block => ({ text, lang, src: { data: name, pointer } });
    const first = tagBlocks([cell(L(r.first), `${p}/first`)], structNode('TD', tr));
    const mid = structNode('TD', tr);
    const n = localizeDigits(String(i + 1), digits);
    const label = tagBlocks([{ text: r.topic ? `${n}. ${L(r.topic)}` : n, lang, bold: true, align: 'center', src: { data: name, pointer: r.topic ? `${p}/topic` : p } }], mid);
    const flow = (v: unknown, key: string) => (v ? tagBlocks([{ ...cell(L(v), `${p}/${key}`), align: 'center' }], mid) : []);
    const toSecond = flow(r.to_second, 'to_second');
    const toFirst = flow(r.to_first, 'to_first');
    const second = tagBlocks([cell(L(r.second), `${p}/second`)], structNode('TD', tr));
    return { first, second, label, toSecond, toFirst };
  });
  return { head: [firstHead, secondHead], rows };
}

interface Laid {
  items: FrameItem[];
  /** The first block that did not fit, when the poster does not. */
  spill: Block | undefined;
}

function layoutFlow(t: ReturnType<typeof flowBlocks>, lang: string, box: Box, size: number): Laid {
  const dir = directionOf(lang);
  const pad = size * 0.45;
  const sideW = box.w * 0.34;
  const midW = box.w - 2 * sideW;
  // The first actor on the start side: left in English, right in Arabic.
  const xFirst = dir === 'rtl' ? box.x + box.w - sideW : box.x;
  const xSecond = dir === 'rtl' ? box.x : box.x + box.w - sideW;
  const xMid = box.x + sideW;
  const items: FrameItem[] = [];
  let spill: Block | undefined;
  const place = (blocks: Block[], x: number, y: number, w: number) => {
    const c = layoutColumn(blocks, { x, y, w, h: 1e6 }, size, dir);
    if (!spill && c.firstSpill >= 0) spill = blocks[c.firstSpill];
    return c;
  };
  let y = box.y;
  const heads = [place(t.head[0], xFirst, y, sideW), place(t.head[1], xSecond, y, sideW)];
  items.push(...heads.flatMap((h) => h.items));
  y += Math.max(...heads.map((h) => h.height)) + size * 0.6;
  // Arrows run between the two boxes, a little inside the middle column, towards the actor that receives.
  const startEdge = dir === 'rtl' ? xFirst - pad : xFirst + sideW + pad;
  const endEdge = dir === 'rtl' ? xSecond + sideW + pad : xSecond - pad;
  const arrowGap = size * 1.1;
  t.rows.forEach((r, i) => {
    const measure = (blocks: Block[], w: number) => layoutColumn(blocks, { x: 0, y: 0, w, h: 1e6 }, size, dir).height;
    const innerMid = midW - 2 * pad;
    const midH = measure(r.label, innerMid) + measure(r.toSecond, innerMid) + measure(r.toFirst, innerMid) + 2 * arrowGap;
    const firstH = measure(r.first, sideW - 2 * pad);
    const secondH = measure(r.second, sideW - 2 * pad);
    const h = Math.max(firstH, secondH, midH) + 2 * pad;
    items.push(...place(r.first, xFirst + pad, y + pad + (h - 2 * pad - firstH) / 2, sideW - 2 * pad).items);
    items.push(...place(r.second, xSecond + pad, y + pad + (h - 2 * pad - secondH) / 2, sideW - 2 * pad).items);
    items.push({ kind: 'rect', x: xFirst, y, w: sideW, h, stroke: INK, lineWidth: Math.max(1, size * 0.08) });
    items.push({ kind: 'rect', x: xSecond, y, w: sideW, h, stroke: INK, lineWidth: Math.max(1, size * 0.08) });
    // The middle, centred in the row: number and topic, what goes to the second actor
    // over its arrow, the arrow back, and what comes back under it.
    let my = y + pad + (h - 2 * pad - midH) / 2;
    for (const part of ['label', 'toSecond', 'arrows', 'toFirst'] as const) {
      if (part === 'arrows') {
        const a = my + arrowGap * 0.5;
        const b = my + arrowGap * 1.5;
        items.push(...arrowItems({ x: startEdge, y: a }, { x: endEdge, y: a }, size));
        items.push(...arrowItems({ x: endEdge, y: b }, { x: startEdge, y: b }, size));
        my += 2 * arrowGap;
        continue;
      }
      const c = place(r[part], xMid + pad, my, innerMid);
      items.push(...c.items);
      my += c.height;
    }
    if (!spill && y + h > box.y + box.h + 0.01) spill = r.first[0];
    y += h + (i < t.rows.length - 1 ? size * 0.6 : 0);
  });
  return { items, spill };
}

/** The two-way flow of data file `name` for one language in `box`, at the largest size ≥ `min` that fits (reported when none does). */
export function twoWayFlowBody(ctx: PosterContext, name: string, lang: string, box: Box, min: number, max: number, where: string, sect: StructNode): FrameItem[] {
  const d = ctx.model.data[name]!.value as TwoWayFlowData;
  const t = flowBlocks(ctx, name, d, lang, sect);
  const laid = fitLayout(max, min, (s) => layoutFlow(t, lang, box, s));
  if (!laid.fits) reportSpill(ctx, laid.spill?.src ?? { data: name, pointer: '/rows' }, where, min, `Shorten the texts of data/${name}.yaml (a row holds about 12 words per part), or print the larger poster size.`);
  return laid.items;
}
