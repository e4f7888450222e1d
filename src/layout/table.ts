/**
 * GFM tables: column widths from content (min = widest word, max = one line, as HTML's
 * auto layout), columns right to left in RTL, header repeated on every page, rows taller
 * than a page split into pieces. Too-wide tables shrink their type, then break words.
 */
import { diagnostic } from '../diag/index.js';
import { breakParagraph, measureParagraph, prepareParagraph, type Line, type PreparedParagraph, type Span, type TextStyle } from '../text/index.js';
import { lineOf, type Box, type LayoutContext, type MdNode } from './context.js';
import type { FrameItem } from '../frame/types.js';
import { collectSpans } from './inline.js';
import { linkAreas, reportMissing } from './paragraph.js';
import { structNode } from '../frame/struct.js';
import type { StructNode } from '../frame/types.js';
import { LineTagger } from './tags.js';
import type { Slice } from './slice.js';

const PAD = 4;

export interface TableInput {
  rows: Span[][][];
  /** Per column: 'left' | 'right' | 'center' | null (start). */
  align: Array<'left' | 'right' | 'center' | null>;
  header: boolean;
  node?: MdNode;
  /** Column width weights to prefer (e.g. signature line columns); optional. */
  minWidths?: number[];
}

function prepareAll(input: TableInput, size: number, ctx: LayoutContext, anywhere: boolean): PreparedParagraph[][] {
  return input.rows.map((row, r) =>
    row.map((spans) => {
      const sized = spans.map((s) => ({ text: s.text, style: { ...s.style, size: (s.style.size / ctx.theme.tableSize) * size, bold: s.style.bold || (input.header && r === 0) } }));
      const base: TextStyle = { size, color: ctx.theme.text, bold: input.header && r === 0 };
      return prepareParagraph(sized.length ? sized : [{ text: '', style: base }], ctx.lang, base, { dir: ctx.dir, lineHeight: 1.45, breakAnywhere: anywhere });
    }),
  );
}

function columnWidths(cells: PreparedParagraph[][], cols: number, avail: number, minWidths?: number[]): { widths: number[]; fits: boolean } {
  const min = new Array<number>(cols).fill(8);
  const max = new Array<number>(cols).fill(8);
  for (const row of cells) {
    row.forEach((p, c) => {
      const m = measureParagraph(p);
      min[c] = Math.max(min[c]!, m.min + 2 * PAD + 0.5);
      max[c] = Math.max(max[c]!, m.max + 2 * PAD + 0.5);
    });
  }
  if (minWidths) minWidths.forEach((w, c) => { min[c] = Math.max(min[c]!, w); max[c] = Math.max(max[c]!, w); });
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= avail) {
    // Everything fits on one line: spread the spare room in proportion to content.
    const extra = avail - sumMax;
    return { widths: max.map((m) => m + (extra * m) / sumMax), fits: true };
  }
  if (sumMin <= avail) {
    const room = avail - sumMin;
    const want = sumMax - sumMin;
    return { widths: min.map((m, c) => m + (want > 0 ? (room * (max[c]! - m)) / want : 0)), fits: true };
  }
  return { widths: min.map((m) => (m * avail) / sumMin), fits: false };
}

function alignOf(a: 'left' | 'right' | 'center' | null | undefined): 'left' | 'right' | 'center' | 'start' {
  return a ?? 'start';
}

export function layoutTable(input: TableInput, box: Box, ctx: LayoutContext): Slice[] {
  const th = ctx.theme;
  const cols = Math.max(1, ...input.rows.map((r) => r.length));
  for (const row of input.rows) while (row.length < cols) row.push([]);
  let size = th.tableSize;
  let cells = prepareAll(input, size, ctx, false);
  let { widths, fits } = columnWidths(cells, cols, box.width, input.minWidths);
  if (!fits) {
    // Shrink the type, down to 6 pt; then let cells break inside words.
    const sumMin = widths.reduce((a, b) => a + b, 0);
    void sumMin;
    let lo = 6;
    const tryAt = (s: number) => {
      const c = prepareAll(input, s, ctx, false);
      return { c, r: columnWidths(c, cols, box.width, input.minWidths) };
    };
    let best = tryAt(lo);
    for (const s of [8.5, 7.5, 6.5]) {
      const t = tryAt(s);
      if (t.r.fits) { best = t; lo = s; break; }
    }
    size = lo;
    cells = best.c;
    ({ widths, fits } = best.r);
    if (!fits) {
      cells = prepareAll(input, size, ctx, true);
      widths = new Array(cols).fill(box.width / cols);
      ctx.diagnostics.push(diagnostic('pdf-table-too-wide', 'warning', `this table has ${cols} columns and does not fit the page width; it is printed in ${size} pt with words broken inside`,
        { file: ctx.file, ...lineOf(ctx, input.node) }, 'Split the table, drop columns, or move it to an annex.'));
    } else if (size < th.tableSize) {
      ctx.diagnostics.push(diagnostic('pdf-table-shrunk', 'info', `this table is too wide for ${th.tableSize} pt type and is printed in ${size} pt`,
        { file: ctx.file, ...lineOf(ctx, input.node) }, 'Shorten the longest words or drop a column to print it at the normal size.'));
    }
  }
  for (const row of cells) for (const p of row) reportMissing(ctx, p.missing, input.node);
  // Column x positions: first column on the start side.
  const rtl = ctx.dir === 'rtl';
  const xs: number[] = [];
  let acc = 0;
  for (let c = 0; c < cols; c++) {
    xs.push(rtl ? box.x + box.width - acc - widths[c]! : box.x + acc);
    acc += widths[c]!;
  }
  const tableW = acc;
  const maxRowH = ctx.columnHeight * 0.8;
  const slices: Slice[] = [];
  let header: Slice[] | undefined;
  // Table → THead (the header row, its cells TH with Scope Column) and TBody → TR → TD.
  const table = structNode('Table', ctx.struct);
  let body: StructNode | undefined;
  cells.forEach((row, r) => {
    const lines: Line[][] = row.map((p, c) => breakParagraph(p, Math.max(widths[c]! - 2 * PAD, 4), alignOf(input.align[c]) as never));
    const isHeader = input.header && r === 0;
    const group = isHeader ? structNode('THead', table) : (body ??= structNode('TBody', table));
    const tr = structNode('TR', group);
    const taggers = row.map(() => new LineTagger(structNode(isHeader ? 'TH' : 'TD', tr, isHeader ? { scope: 'Column' } : {}), ctx));
    // Split rows taller than most of a page into pieces of at most maxRowH.
    const pieces: Line[][][] = [];
    let rest = lines;
    while (true) {
      const h = Math.max(...rest.map((ls) => ls.reduce((a, l) => a + l.height, 0)));
      if (h + 2 * PAD <= maxRowH || isHeader) {
        pieces.push(rest);
        break;
      }
      const head: Line[][] = [];
      const tail: Line[][] = [];
      for (const ls of rest) {
        let used = 0;
        let k = 0;
        while (k < ls.length && used + ls[k]!.height <= maxRowH - 2 * PAD) used += ls[k++]!.height;
        if (k === 0) k = 1;
        head.push(ls.slice(0, k));
        tail.push(ls.slice(k));
      }
      pieces.push(head);
      rest = tail;
      if (!tail.some((t) => t.length)) break;
    }
    for (const piece of pieces) {
      const h = Math.max(...piece.map((ls) => ls.reduce((a, l) => a + l.height, 0)), th.tableSize) + 2 * PAD;
      const items: FrameItem[] = [];
      if (isHeader) items.push({ kind: 'rect', x: rtl ? box.x + box.width - tableW : box.x, y: 0, w: tableW, h, fill: th.headerFill });
      piece.forEach((ls, c) => {
        let y = PAD;
        for (const l of ls) {
          const tagger = taggers[c]!;
          const runTags = l.runs.length ? tagger.line(l) : undefined;
          if (l.runs.length) items.push({ kind: 'text', x: xs[c]! + PAD, y: y + l.baseline, runs: l.runs, separate: true, tag: tagger.node, ...(runTags ? { runTags } : {}) });
          // Clickable marks (footnotes, links); the footnote pass also finds a cell's references by them.
          for (const a of linkAreas(l, xs[c]! + PAD, tagger.nodeOf)) items.push({ ...a, y: a.y + y });
          y += l.height;
        }
        items.push({ kind: 'rect', x: xs[c]!, y: 0, w: widths[c]!, h, stroke: th.ruleColor, lineWidth: 0.5 });
      });
      const s: Slice = { height: h, items };
      if (isHeader) s.keepWithNext = true;
      slices.push(s);
    }
    if (isHeader) header = slices.slice();
  });
  if (header) for (const s of slices) if (!header.includes(s)) s.repeatHeader = header;
  if (slices[0]) slices[0].spaceBefore = th.paraGap + 2;
  return slices;
}

/** A GFM table node → slices. */
export function tableSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const style: TextStyle = { size: ctx.theme.tableSize, color: ctx.theme.text };
  const rows = (node.children ?? []).map((row) => (row.children ?? []).map((cell) => collectSpans(cell.children, style, ctx)));
  return layoutTable({ rows, align: node.align ?? [], header: true, node }, box, ctx);
}
