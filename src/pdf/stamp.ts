/**
 * Stamps a header line on every page of an existing PDF without touching its content:
 * the page box grows by a strip that holds the header, the original content stream is
 * kept as is (wrapped in q/Q) and our text is drawn in a separate stream.
 *
 * The strip goes on the edge that is the top of the page *as displayed*: a page with
 * /Rotate 90 is shown turned a quarter clockwise, so its top is the left edge of the
 * page box, and the header is drawn turned the other way to read upright.
 */
import { PDFDocument, PDFName, PDFArray, PDFNumber, PDFString, PDFHexString } from '../vendor/pdf-lib.js';
import { breakParagraph, prepareParagraph } from '../text/index.js';
import type { FrameItem } from '../frame/types.js';
import { PdfWriter, type Matrix } from './writer.js';
import { HEADER_ARTIFACT } from '../frame/struct.js';

export const STAMP_STRIP = 26;

type Page = ReturnType<PDFDocument['getPage']>;
type Box = [number, number, number, number];

/** A page box, inherited from the page tree as the spec allows; corners put in order. */
function boxOf(page: Page, name: 'MediaBox' | 'CropBox'): Box | undefined {
  let v;
  try {
    v = name === 'MediaBox' ? page.node.MediaBox() : page.node.CropBox();
  } catch {
    return undefined; // a MediaBox that is not an array: pdf-lib throws, we fall back
  }
  if (!(v instanceof PDFArray) || v.size() < 4) return undefined;
  const [a, b, c, d] = v.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

/**
 * The page's /Rotate (inherited too) as 0, 90, 180 or 270. Values that are not a
 * multiple of 90 are invalid; pdf.js shows such pages unrotated, and so do we.
 */
export function pageRotation(page: Page): 0 | 90 | 180 | 270 {
  const r = page.node.Rotate()?.asNumber() ?? 0;
  if (!Number.isFinite(r) || r % 90 !== 0) return 0;
  return (((r % 360) + 360) % 360) as 0 | 90 | 180 | 270;
}

/**
 * Where the strip goes for a visible box `b` and a rotation: the grown box, the width
 * of the strip as read, and the matrix from the strip's upright frame (origin at its
 * start-side inner corner, x along the header, y away from the page) to page space.
 */
export function stripPlacement(b: Box, rotation: 0 | 90 | 180 | 270, strip = STAMP_STRIP): { grow: Box; width: number; matrix: Matrix } {
  const [x0, y0, x1, y1] = b;
  switch (rotation) {
    case 90: // displayed top = left edge; reading runs up the page
      return { grow: [-strip, 0, 0, 0], width: y1 - y0, matrix: [0, 1, -1, 0, x0, y0] };
    case 180: // displayed top = bottom edge; reading runs right to left on the box
      return { grow: [0, -strip, 0, 0], width: x1 - x0, matrix: [-1, 0, 0, -1, x1, y0] };
    case 270: // displayed top = right edge; reading runs down the page
      return { grow: [0, 0, strip, 0], width: y1 - y0, matrix: [0, -1, 1, 0, x1, y1] };
    default:
      return { grow: [0, 0, 0, strip], width: x1 - x0, matrix: [1, 0, 0, 1, x0, y1] };
  }
}

/** Where stamped pages come from: the author's PDF in the SOP folder, and the SOP's date. */
export interface StampSource {
  /** The PDF's path in the SOP folder (`annexes/02-dpia.pdf`). */
  file: string;
  /** ISO date (YYYY-MM-DD): the page-piece dictionary's LastModified. */
  date: string;
}

/**
 * Adds `header` (any script) at the top of every page of `doc`, as displayed; returns
 * the page count. With `source`, each page says where it comes from in its page-piece
 * dictionary (/PieceInfo /Sopkit, ISO 32000-1 14.5): `verify --tags` names such a page's
 * missing tags as the author's PDF's, in the stamped copy and in the pack that copies it.
 */
export function stampDocument(doc: PDFDocument, writer: PdfWriter, header: string, lang: string, source?: StampSource): number {
  const pages = doc.getPages();
  for (const page of pages) {
    if (source) {
      const d = source.date.replace(/-/g, '');
      page.node.set(PDFName.of('PieceInfo'), doc.context.obj({
        Sopkit: { LastModified: PDFString.of(`D:${/^\d{8}$/.test(d) ? d : '19700101'}000000Z`), Private: { Source: PDFHexString.fromText(source.file) } },
      }));
    }
    const media = boxOf(page, 'MediaBox') ?? [0, 0, page.getWidth(), page.getHeight()];
    const crop = boxOf(page, 'CropBox');
    const { grow, width, matrix } = stripPlacement(crop ?? media, pageRotation(page));
    const size = 8.5;
    let fontSize = size;
    let line;
    for (;;) {
      const p = prepareParagraph(header, lang, { size: fontSize, color: [0.25, 0.25, 0.25] }, { lineHeight: 1.2, singleFace: true });
      line = breakParagraph(p, 1e6, 'center')[0]!;
      if (line.width <= width - 40 || fontSize <= 5) {
        line = breakParagraph(p, width - 40, 'center')[0]!;
        break;
      }
      fontSize = Math.max(5, fontSize * ((width - 40) / line.width) * 0.98);
    }
    // Grow the boxes on the displayed top edge: the original content keeps its place, the strip is new.
    const setBox = (name: 'MediaBox' | 'CropBox', b: Box | undefined) => {
      if (!b) return;
      page.node.set(PDFName.of(name), doc.context.obj(b.map((v, i) => v + grow[i]!)));
    };
    setBox('MediaBox', media);
    setBox('CropBox', crop);
    for (const n of ['TrimBox', 'BleedBox', 'ArtBox'] as const) if (page.node.lookup(PDFName.of(n))) page.node.delete(PDFName.of(n));
    // Items are in top-down coordinates of the strip as read (height STAMP_STRIP); the matrix places it.
    const items: FrameItem[] = [
      // A pagination artifact: a reader of a tagged annex skips it, and its tags stay whole.
      { kind: 'rect', x: 0, y: 0, w: width, h: STAMP_STRIP, fill: [1, 1, 1], tag: HEADER_ARTIFACT },
      { kind: 'text', x: 20, y: STAMP_STRIP / 2 + fontSize * 0.35, runs: line.runs, tag: HEADER_ARTIFACT },
      { kind: 'rule', x1: 0, x2: width, y1: STAMP_STRIP - 0.5, y2: STAMP_STRIP - 0.5, width: 0.5, color: [0.6, 0.6, 0.6], tag: HEADER_ARTIFACT },
    ];
    writer.draw(page, items, STAMP_STRIP, true, 0, matrix);
  }
  return pages.length;
}
