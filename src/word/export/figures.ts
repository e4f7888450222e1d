/**
 * Flowcharts (`::flowchart{data=eligibility}`, `case-steps`) as pictures for Word, made
 * by the PDF's own renderer: laid out by `prepareDiagram` (elkjs, boxes measured with the
 * PDF's fonts) for Word's text block, drawn by `drawDiagram` into frame items, written as
 * a one-page PDF by src/pdf/ and rasterised (./raster.ts). A chart taller than Word's text
 * block is cut between rows of boxes, as the PDF cuts it at a page break, into pictures
 * that each fit a page: Word cannot break one picture over two pages.
 */
import { drawDiagram, rowCuts, type DrawnDiagram } from '../../diagram/draw.js';
import type { FrameItem } from '../../frame/types.js';
import { isRightToLeft } from '../../i18n/index.js';
import { prepareDiagram } from '../../layout/diagram.js';
import type { SopModel } from '../../model/types.js';
import { renderPdf } from '../../pdf/index.js';
import { rasterise } from './raster.js';

/** One picture of a chart: PNG bytes and the size to show it at, in points. */
export interface DiagramPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

export type DiagramPictures = { ok: true; pictures: DiagramPicture[] } | { ok: false; reason: string };

/** Resolution of the pictures: sharp in print, about 150 KB a page-wide chart. */
const DPI = 200;
/** White margin around the drawing (points), so strokes at its edge are not cut. */
const MARGIN = 3;

/** Bands [top, bottom) each at most `height` tall where the cuts allow (a taller row is a band of its own). */
export function bandsOf(cuts: readonly number[], height: number): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let top = cuts[0]!;
  for (let i = 1; i < cuts.length; i++) {
    const next = cuts[i + 1];
    if (next === undefined || next - top > height) {
      bands.push([top, cuts[i]!]);
      top = cuts[i]!;
    }
  }
  return bands;
}

function shift(it: FrameItem, dx: number, dy: number): FrameItem {
  return { ...it, x: (it as { x: number }).x + dx, y: (it as { y: number }).y + dy } as FrameItem;
}

/** The frame items of band [a, b) of the drawing, on a page of its own size plus the margin. */
function bandPage(drawn: DrawnDiagram, a: number, b: number) {
  const items: FrameItem[] = [];
  // Edges under the boxes, clipped to the band: an edge crossing a cut continues in the next picture.
  if (drawn.edges.length) items.push({ kind: 'group', x: MARGIN, y: MARGIN - a, clip: { x: -MARGIN, y: a, w: drawn.width + 2 * MARGIN, h: b - a }, items: drawn.edges });
  for (const piece of [...drawn.nodes, ...drawn.labels]) {
    const mid = (piece.top + piece.bottom) / 2;
    if (mid >= a && mid < b) for (const it of piece.items) items.push(shift(it, MARGIN, MARGIN - a));
  }
  return { width: drawn.width + 2 * MARGIN, height: b - a + 2 * MARGIN, items };
}

const made = new WeakMap<SopModel, Map<string, Promise<DiagramPictures | undefined>>>();

/**
 * The pictures of the chart of data file `name` in `lang`, for a text block `width` ×
 * `height` points; undefined when the data holds no chart (the text version stands alone).
 * Made once per model, language and block: the SOP and its annexes share them.
 */
export function diagramPictures(model: SopModel, name: string, lang: string, width: number, height: number): Promise<DiagramPictures | undefined> {
  let byKey = made.get(model);
  if (!byKey) made.set(model, (byKey = new Map()));
  const key = `${name}\n${lang}\n${width}\n${height}`;
  let p = byKey.get(key);
  if (!p) byKey.set(key, (p = make(model, name, lang, width, height)));
  return p;
}

async function make(model: SopModel, name: string, lang: string, width: number, height: number): Promise<DiagramPictures | undefined> {
  const prepared = await prepareDiagram(model, name, lang, width, height, isRightToLeft(lang));
  if (!prepared) return undefined;
  const drawn = drawDiagram(prepared.diagram, prepared.spec, lang, prepared.look, prepared.scale);
  const pictures: DiagramPicture[] = [];
  for (const [a, b] of bandsOf(rowCuts(drawn), height)) {
    const page = bandPage(drawn, a, b);
    const pdf = await renderPdf({ pages: [page], outline: [], meta: { title: name, lang, date: model.manifest.date } });
    const r = await rasterise(pdf, DPI);
    if (!r.ok) return { ok: false, reason: r.reason };
    // A row taller than the block (reported by the PDF's diagram-fit check) is shrunk to fit.
    const fit = Math.min(1, height / page.height, width / page.width);
    pictures.push({ png: r.png, width: page.width * fit, height: page.height * fit });
  }
  return { ok: true, pictures };
}
