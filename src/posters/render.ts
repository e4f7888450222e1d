/**
 * Scene pages → PDF bytes on the PDF engine (`render/pdf`). Shapes (boxes, arrows,
 * hatching, printer's marks) are written as one content stream per page; the text is
 * then drawn over them by the engine's writer, which owns fonts and glyph encoding.
 */
import { PDFDocument, PDFName } from '../vendor/pdf-lib.js';
import { linesToItems, type DocumentMeta, type FrameItem } from '../layout/frame.js';
import { PdfWriter, saveDocument, setMetadata } from '../render/pdf/index.js';
import type { Rgb } from '../text/index.js';
import type { SceneDoc, SceneItem, Point } from './scene.js';

function num(n: number): string {
  if (Math.abs(n) < 0.0005) return '0';
  return n.toFixed(3).replace(/\.?0+$/, '');
}

const col = (c: Rgb, op: 'rg' | 'RG') => `${num(c[0])} ${num(c[1])} ${num(c[2])} ${op}`;

/** PDF operators for the non-text items of a page (y flipped: PDF's origin is bottom-left). */
export function shapeOps(items: SceneItem[], pageHeight: number): string {
  const out: string[] = [];
  const pt = (p: Point) => `${num(p.x)} ${num(pageHeight - p.y)}`;
  const style = (stroke: Rgb | undefined, fill: Rgb | undefined, lw: number | undefined, dash: number[] | undefined) => {
    out.push('q');
    if (fill) out.push(col(fill, 'rg'));
    if (stroke) out.push(col(stroke, 'RG'), `${num(lw ?? 1)} w`);
    if (dash?.length) out.push(`[${dash.map(num).join(' ')}] 0 d`);
    // Joins stay sharp on boxes but never spike on acute arrowheads.
    out.push('0 J 0 j');
  };
  const paint = (stroke: Rgb | undefined, fill: Rgb | undefined, closed: boolean) =>
    fill && stroke ? (closed ? 'b' : 'B') : fill ? 'f' : closed ? 's' : 'S';
  for (const it of items) {
    switch (it.kind) {
      case 'rect':
        if (!it.fill && !it.stroke) break;
        style(it.stroke, it.fill, it.lineWidth, it.dash);
        out.push(`${num(it.x)} ${num(pageHeight - it.y - it.h)} ${num(it.w)} ${num(it.h)} re ${paint(it.stroke, it.fill, false)}`, 'Q');
        break;
      case 'path': {
        if (it.points.length < 2 || (!it.fill && !it.stroke)) break;
        style(it.stroke, it.fill, it.lineWidth, it.dash);
        const [first, ...rest] = it.points;
        out.push(`${pt(first!)} m ${rest.map((p) => `${pt(p)} l`).join(' ')} ${paint(it.stroke, it.fill, !!it.closed)}`, 'Q');
        break;
      }
      case 'mark':
        style([0, 0, 0], undefined, it.lineWidth, it.dash);
        out.push(`${pt(it.from)} m ${pt(it.to)} l S`, 'Q');
        break;
      default:
        break;
    }
  }
  return out.join('\n');
}

/** Text items of a page as the engine's frame items (one per line, at its baseline). */
export function textFrames(items: SceneItem[]): FrameItem[] {
  const out: FrameItem[] = [];
  for (const it of items) if (it.kind === 'text') out.push(...linesToItems(it.lines, it.x, it.y));
  return out;
}

/** Renders a scene document; dates and ids come from `meta` only, so output is reproducible. */
export async function renderScene(scene: SceneDoc, meta: DocumentMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const writer = new PdfWriter(doc);
  const ctx = doc.context;
  for (const p of scene.pages) {
    const page = doc.addPage([p.width, p.height]);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(shapeOps(p.items, p.height))));
    // Overlay mode: the writer wraps our shapes in q/Q and draws the text on top.
    writer.draw(page, textFrames(p.items), p.height, true);
  }
  await writer.finish([]);
  setMetadata(doc, meta);
  return saveDocument(doc);
}
