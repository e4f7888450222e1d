/**
 * The prioritisation matrix (component 9) as a table poster: one row per risk level, the
 * level's name, pattern swatch and response time on the start side, its definition,
 * follow-up and examples beside. All rows share one font size, the largest that fits.
 */
import { digitsFor, directionOf, label, localized, localizeDigits } from '../i18n/index.js';
import type { PrioritisationData } from '../document/data-types.js';
import { layoutColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { fitLayout } from './fit.js';
import { INK } from './page.js';
import { hexToRgb, levelSwatch } from './pattern.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { tagBlocks } from './struct.js';
import { polylineItem } from '../frame/shapes.js';

const GREYS: Array<[number, number, number]> = [[0.35, 0.35, 0.35], [0.6, 0.6, 0.6], [0.85, 0.85, 0.85]];

export function hoursText(hours: number, lang: string, digits: 'arab' | 'latn'): string {
  const n = (v: number) => localizeDigits(String(v), digits);
  if (hours % 24 === 0 && hours >= 48) return label('hoursDays', lang, { n: n(hours / 24) });
  return label('hoursShort', lang, { n: n(hours) });
}

type RowBlocks = { left: Block[]; right: Block[]; examples: Block[] };

function rowBlocks(ctx: PosterContext, name: string, d: PrioritisationData, i: number, lang: string): RowBlocks {
  const m = ctx.model.manifest;
  const lv = d.levels[i]!;
  const p = `/levels/${i}`;
  const digits = digitsFor(m, lang);
  const left: Block[] = [
    { text: localized(lv.label, lang, m.languages), lang, bold: true, scale: 1.3, src: { data: name, pointer: `${p}/label` } },
    { text: label('responseTime', lang), lang, gap: 0.4 },
    { text: hoursText(lv.response_time.hours, lang, digits), lang, bold: true, scale: 1.6, src: { data: name, pointer: `${p}/response_time/hours` } },
  ];
  const right: Block[] = [
    { text: localized(lv.definition, lang, m.languages), lang, bold: true, src: { data: name, pointer: `${p}/definition` } },
    { text: `${label('responseTime', lang)}: ${localized(lv.response_time.text, lang, m.languages)}`, lang, gap: 0.35, src: { data: name, pointer: `${p}/response_time/text` } },
  ];
  if (lv.follow_up) right.push({ text: `${label('followUp', lang)}: ${localized(lv.follow_up, lang, m.languages)}`, lang, gap: 0.35, src: { data: name, pointer: `${p}/follow_up` } });
  const examples: Block[] = [];
  if (lv.examples?.length) {
    examples.push({ text: label('examples', lang), lang, bold: true });
    lv.examples.forEach((e, k) => examples.push({ text: localized(e, lang, m.languages), lang, marker: '•', src: { data: name, pointer: `${p}/examples/${k}` } }));
  }
  return { left, right, examples };
}

interface TableLayout {
  items: FrameItem[];
  spill: { row: number; block?: Block } | undefined;
}

/**
 * The matrix as a Table: a row per level, the level (name and response time) its row
 * header (TH, scope Row), the details a TD, the examples (when there are) a TD.
 */
function tableBlocks(ctx: PosterContext, name: string, d: PrioritisationData, lang: string, parent: StructNode | undefined): RowBlocks[] {
  const table = parent && structNode('Table', parent);
  return d.levels.map((_, i) => {
    const rb = rowBlocks(ctx, name, d, i, lang);
    if (!table) return rb;
    const tr = structNode('TR', table);
    const th = structNode('TH', tr, { scope: 'Row' });
    const td = structNode('TD', tr);
    const ex = rb.examples.length ? structNode('TD', tr) : undefined;
    return { left: tagBlocks(rb.left, th), right: tagBlocks(rb.right, td), examples: ex ? tagBlocks(rb.examples, ex) : [] };
  });
}

function layoutTable(rows: RowBlocks[], d: PrioritisationData, lang: string, box: Box, size: number): TableLayout {
  const dir = directionOf(lang);
  const items: FrameItem[] = [];
  const pad = size * 0.5;
  const swatchW = size * 1.6;
  const leftW = Math.max(box.w * 0.2, size * 7);
  let y = box.y;
  let spill: TableLayout['spill'];
  d.levels.forEach((lv, i) => {
    const rb = rows[i]!;
    const left = rb.left;
    // Wide boxes get a third column for the examples; narrow ones stack them under the details.
    const three = box.w >= size * 48 && rb.examples.length > 0;
    const right = three ? rb.right : [...rb.right, ...rb.examples.map((b, k) => (k === 0 ? { ...b, gap: 0.35 } : b))];
    const rest = box.w - leftW - swatchW - (three ? 4 : 3) * pad;
    const rightW = three ? rest / 2 : rest;
    // Start side (left in English, right in Arabic): swatch, then level cell, then details.
    const at = (offset: number, w: number) => (dir === 'rtl' ? box.x + box.w - offset - w : box.x + offset);
    const lBox: Box = { x: at(swatchW + pad, leftW), y: y + pad, w: leftW, h: 1e6 };
    const rBox: Box = { x: at(swatchW + leftW + 2 * pad, rightW), y: y + pad, w: rightW, h: 1e6 };
    const eBox: Box = { x: at(swatchW + leftW + rightW + 3 * pad, rightW), y: y + pad, w: rightW, h: 1e6 };
    const l = layoutColumn(left, lBox, size, dir);
    const r = layoutColumn(right, rBox, size, dir);
    const e = three ? layoutColumn(rb.examples, eBox, size, dir) : undefined;
    if (e) {
      items.push(...e.items);
      const ex = dir === 'rtl' ? eBox.x + eBox.w + pad / 2 : eBox.x - pad / 2;
      items.push(polylineItem([{ x: ex, y: y + pad }, { x: ex, y: y + Math.max(l.height, r.height, e.height) + pad }], { stroke: [0.5, 0.5, 0.5], lineWidth: 0.5, dash: [2, 2] }));
    }
    const h = Math.max(l.height, r.height, e?.height ?? 0) + 2 * pad;
    const colour = hexToRgb(lv.colour, GREYS[Math.min(i, 2)]!);
    items.push(...levelSwatch({ x: at(0, swatchW), y, w: swatchW, h }, i, colour, size));
    items.push(...l.items, ...r.items);
    items.push({ kind: 'rect', x: box.x, y, w: box.w, h, stroke: INK, lineWidth: Math.max(1, size * 0.08) });
    const sepX = dir === 'rtl' ? rBox.x + rBox.w + pad : rBox.x - pad;
    items.push(polylineItem([{ x: sepX, y }, { x: sepX, y: y + h }], { stroke: INK, lineWidth: Math.max(0.5, size * 0.04) }));
    const bad = l.firstSpill >= 0 ? left[l.firstSpill] : r.firstSpill >= 0 ? right[r.firstSpill] : e && e.firstSpill >= 0 ? rb.examples[e.firstSpill] : undefined;
    if (!spill && (bad || y + h > box.y + box.h + 0.01)) spill = { row: i, block: bad ?? left[0] };
    y += h + size * 0.6;
  });
  return { items, spill };
}

/** The matrix for one language in `box`, at the largest size ≥ `min` that fits (reported when none does). */
export function prioritisationBody(ctx: PosterContext, name: string, lang: string, box: Box, min: number, max: number, where: string, sect: StructNode): FrameItem[] {
  const d = ctx.model.data[name]!.value as PrioritisationData;
  const rows = tableBlocks(ctx, name, d, lang, sect);
  const t = fitLayout(max, min, (s) => layoutTable(rows, d, lang, box, s));
  if (!t.fits) {
    reportSpill(ctx, t.spill?.block?.src ?? { data: name, pointer: `/levels/${t.spill?.row ?? 0}` }, where, min,
      `Shorten the definitions and examples in data/${name}.yaml, or print the larger poster size.`);
  }
  return t.items;
}
