/**
 * Stamps a header line on every page of an existing PDF without touching its content:
 * the page box grows upwards by a strip that holds the header, the original content
 * stream is kept as is (wrapped in q/Q) and our text is drawn in a separate stream.
 */
import { PDFDocument, PDFName, PDFArray, PDFNumber } from '../../vendor/pdf-lib.js';
import { breakParagraph, prepareParagraph } from '../../text/index.js';
import type { FrameItem } from '../../layout/frame.js';
import { PdfWriter } from './writer.js';

export const STAMP_STRIP = 26;

function boxOf(page: ReturnType<PDFDocument['getPage']>, name: 'MediaBox' | 'CropBox'): number[] | undefined {
  const v = page.node.lookup(PDFName.of(name));
  if (!(v instanceof PDFArray)) return undefined;
  return v.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
}

/** Adds `header` (any script) at the top of every page of `doc`; returns the page count. */
export function stampDocument(doc: PDFDocument, writer: PdfWriter, header: string, lang: string): number {
  const pages = doc.getPages();
  for (const page of pages) {
    const media = boxOf(page, 'MediaBox') ?? [0, 0, page.getWidth(), page.getHeight()];
    const crop = boxOf(page, 'CropBox');
    const [x0, , x1, y1] = crop ?? media;
    const width = x1! - x0!;
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
    // Grow the boxes upward: the original content keeps its place, the strip is new.
    const grow = (name: 'MediaBox' | 'CropBox', b: number[] | undefined) => {
      if (!b) return;
      page.node.set(PDFName.of(name), doc.context.obj([b[0]!, b[1]!, b[2]!, b[3]! + STAMP_STRIP]));
    };
    grow('MediaBox', media);
    grow('CropBox', crop);
    for (const n of ['TrimBox', 'BleedBox', 'ArtBox'] as const) if (page.node.lookup(PDFName.of(n))) page.node.delete(PDFName.of(n));
    // Items are in top-down coordinates of a "page" whose top is the new box top.
    const top = y1! + STAMP_STRIP;
    const items: FrameItem[] = [
      { kind: 'rect', x: x0!, y: 0, w: width, h: STAMP_STRIP, fill: [1, 1, 1] },
      { kind: 'text', x: x0! + 20, y: STAMP_STRIP / 2 + fontSize * 0.35, runs: line.runs },
      { kind: 'rule', x1: x0!, x2: x1!, y1: STAMP_STRIP - 0.5, y2: STAMP_STRIP - 0.5, width: 0.5, color: [0.6, 0.6, 0.6] },
    ];
    writer.draw(page, items, top, true);
  }
  return pages.length;
}
