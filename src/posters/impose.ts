/**
 * Imposition as pure geometry: where each card or booklet page goes on an office sheet,
 * and where the printer's marks go. Drawing is separate (`draw-sheets.ts`), so the
 * geometry is testable without a PDF.
 *
 * Duplex convention: long-edge flip of a portrait sheet, the default of office printers.
 * Turning the sheet over about its long (vertical) edge swaps left and right and keeps
 * top and bottom, so the back of the slot in column c is drawn in column (cols - 1 - c).
 */
import { MM, type PaperSize } from './paper.js';
import type { Point } from '../frame/types.js';

export interface Placement {
  /** Which card or page goes here (0-based); -1 for a blank page. */
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  row: number;
  col: number;
}

export interface Mark {
  role: 'crop' | 'fold' | 'cut';
  from: Point;
  to: Point;
}

export interface SheetSide {
  placements: Placement[];
  marks: Mark[];
}

export interface ImposedSheet {
  front: SheetSide;
  back: SheetSide;
}

/** Length of a mark from the sheet edge; office printers leave about 4–5 mm unprinted. */
export const MARK_LENGTH = 12 * MM;
/** Half-length of the cross where inner cut lines meet. */
export const CROSS_HALF = 4 * MM;

export interface Grid {
  cols: number;
  rows: number;
  /** Left/top of the grid: the sheet's spare paper split evenly around the cards. */
  ox: number;
  oy: number;
  cell: { w: number; h: number };
  /** Cut-line positions, left to right and top to bottom (cols + 1 and rows + 1 values). */
  xs: number[];
  ys: number[];
}

/** The grid of `cell`-sized pieces that fits on `sheet`, centred. */
export function gridOf(sheet: PaperSize, cell: { width: number; height: number }): Grid {
  const eps = 0.01;
  const cols = Math.floor(sheet.width / cell.width + eps);
  const rows = Math.floor(sheet.height / cell.height + eps);
  if (cols < 1 || rows < 1) throw new Error(`a ${cell.width}×${cell.height} pt piece does not fit on ${sheet.id}`);
  const ox = Math.max(0, (sheet.width - cols * cell.width) / 2);
  const oy = Math.max(0, (sheet.height - rows * cell.height) / 2);
  const xs = Array.from({ length: cols + 1 }, (_, c) => ox + c * cell.width);
  const ys = Array.from({ length: rows + 1 }, (_, r) => oy + r * cell.height);
  return { cols, rows, ox, oy, cell: { w: cell.width, h: cell.height }, xs, ys };
}

/**
 * Crop marks for a grid with no gutter: short ticks on every cut line where it meets the
 * sheet edge, and a small cross where inner cut lines meet. Every mark lies exactly on a
 * cut line, so the cut removes it and no card shows a stray line. A cut line that falls on
 * the sheet edge needs no mark.
 */
export function cropMarks(sheet: PaperSize, g: Grid): Mark[] {
  const marks: Mark[] = [];
  const W = sheet.width;
  const H = sheet.height;
  const onEdge = (v: number, max: number) => v < 0.5 || v > max - 0.5;
  const L = Math.min(MARK_LENGTH, g.cell.w / 4, g.cell.h / 4);
  for (const x of g.xs) {
    if (onEdge(x, W)) continue;
    marks.push({ role: 'crop', from: { x, y: 0 }, to: { x, y: L } });
    marks.push({ role: 'crop', from: { x, y: H - L }, to: { x, y: H } });
  }
  for (const y of g.ys) {
    if (onEdge(y, H)) continue;
    marks.push({ role: 'crop', from: { x: 0, y }, to: { x: L, y } });
    marks.push({ role: 'crop', from: { x: W - L, y }, to: { x: W, y } });
  }
  const h = Math.min(CROSS_HALF, L / 2);
  for (const x of g.xs.slice(1, -1)) {
    for (const y of g.ys.slice(1, -1)) {
      marks.push({ role: 'crop', from: { x: x - h, y }, to: { x: x + h, y } });
      marks.push({ role: 'crop', from: { x, y: y - h }, to: { x, y: y + h } });
    }
  }
  return marks;
}

/**
 * Cards n-up on a sheet, front and back. `frontPage(slot)` / `backPage(slot)` say which
 * card goes in each front slot (default: card 0 everywhere, the usual "4 copies of one
 * card"). The back of the card in front slot (r, c) lands in back slot (r, cols-1-c).
 */
export function imposeCards(sheet: PaperSize, card: PaperSize, frontPage: (slot: number) => number = () => 0): ImposedSheet {
  const g = gridOf(sheet, card);
  const front: Placement[] = [];
  const back: Placement[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const page = frontPage(r * g.cols + c);
      front.push({ page, x: g.xs[c]!, y: g.ys[r]!, w: card.width, h: card.height, row: r, col: c });
      const mc = g.cols - 1 - c;
      back.push({ page, x: g.xs[mc]!, y: g.ys[r]!, w: card.width, h: card.height, row: r, col: mc });
    }
  }
  return { front: { placements: front, marks: cropMarks(sheet, g) }, back: { placements: back, marks: [] } };
}

/**
 * Booklet page order for `count` pages folded from nested sheets of 4 pages (saddle
 * stitch). Returns, per folded sheet from the outermost, the two pages of its front and
 * back as seen when looking at that side: [left, right]. Right-to-left booklets (Arabic)
 * bind on the right, so the cover sits left of the fold.
 */
export function bookletSpreads(count: number, rtl: boolean): Array<{ front: [number, number]; back: [number, number] }> {
  if (count % 4 !== 0) throw new Error('a folded booklet needs a multiple of 4 pages');
  const out: Array<{ front: [number, number]; back: [number, number] }> = [];
  for (let k = 0; k < count / 4; k++) {
    const outerLast = count - 1 - 2 * k;
    const first = 2 * k;
    const front: [number, number] = rtl ? [first, outerLast] : [outerLast, first];
    const back: [number, number] = rtl ? [outerLast - 1, first + 1] : [first + 1, outerLast - 1];
    out.push({ front, back });
  }
  return out;
}

export interface BookletImposition {
  /** Pages of the booklet after padding to a multiple of 8 (two folded sheets per office sheet). */
  pageCount: number;
  sheets: ImposedSheet[];
  /** For every office sheet, top half then bottom half: the nesting order of that half (1 = outermost). */
  halves: Array<[number, number]>;
}

/**
 * An A6 (or quarter-Letter) booklet on A4 (Letter): every office sheet holds two folded
 * sheets (top and bottom half, each two pages side by side). Print duplex (long-edge
 * flip), cut each sheet in half across, nest the halves in order, fold in the middle,
 * staple on the fold. Blank pages pad the end (before the back cover) as page -1.
 */
export function imposeBooklet(pages: number, sheet: PaperSize, rtl: boolean): BookletImposition {
  const pageCount = Math.max(8, Math.ceil(pages / 8) * 8);
  // Content pages first, then blanks, with the last content page (the back cover) kept last.
  const map = (p: number): number => {
    if (pages < 2) return p < pages ? p : -1;
    if (p < pages - 1) return p;
    if (p === pageCount - 1) return pages - 1;
    return -1;
  };
  const spreads = bookletSpreads(pageCount, rtl);
  const halfH = sheet.height / 2;
  const pageW = sheet.width / 2;
  const sheets: ImposedSheet[] = [];
  const halves: Array<[number, number]> = [];
  for (let s = 0; s < spreads.length; s += 2) {
    const front: Placement[] = [];
    const back: Placement[] = [];
    for (let half = 0; half < 2; half++) {
      const sp = spreads[s + half]!;
      const y = half * halfH;
      for (let c = 0; c < 2; c++) {
        front.push({ page: map(sp.front[c]!), x: c * pageW, y, w: pageW, h: halfH, row: half, col: c });
        back.push({ page: map(sp.back[c]!), x: c * pageW, y, w: pageW, h: halfH, row: half, col: c });
      }
    }
    const W = sheet.width;
    const H = sheet.height;
    const L = MARK_LENGTH;
    const marks: Mark[] = [
      // The one cut, across the middle.
      { role: 'cut', from: { x: 0, y: halfH }, to: { x: L, y: halfH } },
      { role: 'cut', from: { x: W - L, y: halfH }, to: { x: W, y: halfH } },
      // Fold lines down the middle of each half.
      { role: 'fold', from: { x: pageW, y: 0 }, to: { x: pageW, y: L } },
      { role: 'fold', from: { x: pageW, y: halfH - L }, to: { x: pageW, y: halfH + L } },
      { role: 'fold', from: { x: pageW, y: H - L }, to: { x: pageW, y: H } },
    ];
    sheets.push({ front: { placements: front, marks }, back: { placements: back, marks: [] } });
    halves.push([s + 1, s + 2]);
  }
  return { pageCount, sheets, halves };
}
