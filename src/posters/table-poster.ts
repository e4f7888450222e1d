/**
 * A rows × columns data table as a poster (data/relationships.yaml: the graded
 * relationships): the column labels in a header row, the row labels on the start side,
 * one cell per column. Every cell is set at one size, the largest at which the table fits.
 */
import { directionOf, localized } from '../i18n/index.js';
import type { RelationshipsData } from '../document/data-types.js';
import { layoutColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { fitLayout } from './fit.js';
import { INK } from './page.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { tagBlocks } from './struct.js';

interface Laid {
  items: FrameItem[];
  /** The first cell that did not fit, when the table does not. */
  spill: Block | undefined;
}

/**
 * The cells as blocks, each tagged (under `parent`): the header row's cells TH with scope
 * Column, each row's label a TH with scope Row, the other cells TD.
 */
function gridBlocks(ctx: PosterContext, name: string, d: RelationshipsData, lang: string, parent: StructNode): Block[][] {
  const m = ctx.model.manifest;
  const L = (x: unknown) => localized(x, lang, m.languages);
  const rows: Block[][] = [
    [{ text: L(d.corner), lang, bold: true, src: { data: name, pointer: '/corner' } },
      ...d.columns.map((c, k): Block => ({ text: L(c.label), lang, bold: true, align: 'center', src: { data: name, pointer: `/columns/${k}/label` } }))],
    ...d.rows.map((r, i) => [
      { text: L(r.label), lang, bold: true, src: { data: name, pointer: `/rows/${i}/label` } } as Block,
      ...d.columns.map((_c, k): Block => ({ text: L(r.cells[k]), lang, src: { data: name, pointer: `/rows/${i}/cells/${k}` } })),
    ]),
  ];
  const table = structNode('Table', parent);
  const head = structNode('THead', table);
  const body = structNode('TBody', table);
  return rows.map((row, i) => {
    const tr = structNode('TR', i === 0 ? head : body);
    return row.map((b, k) => {
      const cell = i === 0 ? structNode('TH', tr, { scope: 'Column' }) : k === 0 ? structNode('TH', tr, { scope: 'Row' }) : structNode('TD', tr);
      return tagBlocks([b], cell)[0]!;
    });
  });
}

function layoutGrid(rows: Block[][], lang: string, box: Box, size: number): Laid {
  const dir = directionOf(lang);
  const pad = size * 0.45;
  const cols = rows[0]!.length;
  const colW = box.w / cols;
  // Column k counted from the start side (left in English, right in Arabic).
  const xOf = (k: number) => (dir === 'rtl' ? box.x + box.w - (k + 1) * colW : box.x + k * colW);
  const items: FrameItem[] = [];
  let spill: Block | undefined;
  let y = box.y;
  rows.forEach((row, i) => {
    const laid = row.map((b, k) => layoutColumn([b], { x: xOf(k) + pad, y: y + pad, w: colW - 2 * pad, h: 1e6 }, size, dir));
    const h = Math.max(...laid.map((c) => c.height)) + 2 * pad;
    if (i === 0) items.push({ kind: 'rect', x: box.x, y, w: box.w, h, fill: [0.9, 0.9, 0.9] });
    laid.forEach((c, k) => {
      items.push(...c.items);
      items.push({ kind: 'rect', x: xOf(k), y, w: colW, h, stroke: INK, lineWidth: Math.max(0.5, size * 0.05) });
      if (!spill && c.firstSpill >= 0) spill = row[k];
    });
    if (!spill && y + h > box.y + box.h + 0.01) spill = row[0];
    y += h;
  });
  return { items, spill };
}

/** The table of data file `name` for one language in `box`, at the largest size ≥ `min` that fits (reported when none does). */
export function tableBody(ctx: PosterContext, name: string, lang: string, box: Box, min: number, max: number, where: string, sect: StructNode): FrameItem[] {
  const d = ctx.model.data[name]!.value as RelationshipsData;
  const rows = gridBlocks(ctx, name, d, lang, sect);
  const t = fitLayout(max, min, (s) => layoutGrid(rows, lang, box, s));
  if (!t.fits) reportSpill(ctx, t.spill?.src ?? { data: name, pointer: '/rows' }, where, min, `Shorten the cells of data/${name}.yaml, or print the larger poster size.`);
  return t.items;
}
