/**
 * Poster and card pages → PDF bytes on the PDF engine (`pdf/`) and its
 * drawing module (`pdf/draw.ts`): the shapes (boxes, arrows, hatching, printer's marks) are
 * written as one artwork stream per page; the text is then drawn over them by the
 * engine's writer, which owns fonts and glyph encoding.
 */
import { PDFDocument, PDFName } from '../vendor/pdf-lib.js';
import type { DocumentMeta, FrameItem, PageFrame } from '../frame/types.js';
import { artworkOps, isArtwork } from '../pdf/draw.js';
import { PdfWriter, RenderCache, saveDocument, setMetadata } from '../pdf/index.js';

/** A poster product's pages, before they become PDF. */
export interface SceneDoc {
  /** Document title for the PDF's metadata. */
  title: string;
  /** BCP 47 language of the document (a bilingual one: its first language, the SOP's source). */
  lang: string;
  pages: PageFrame[];
}

/** The items of a page the writer draws over the artwork (text, images, links, groups). */
function overlayItems(items: FrameItem[]): FrameItem[] {
  return items.filter((it) => !isArtwork(it));
}

/**
 * Renders a poster product as a tagged PDF; dates and ids come from `meta` only, so output
 * is reproducible. The items carry their structure (`posters/struct.ts`); the tree is read
 * in the order its elements were made, since an imposed sheet draws pages out of order.
 */
export async function renderScene(scene: SceneDoc, meta: DocumentMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const writer = new PdfWriter(doc, new RenderCache(), { tagged: true, order: 'created' });
  const ctx = doc.context;
  for (const p of scene.pages) {
    const page = doc.addPage([p.width, p.height]);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(artworkOps(p.items, p.height, true))));
    // Overlay mode: the writer wraps the artwork in q/Q and draws the text on top, as
    // this document's own page (its content goes into the structure tree).
    writer.draw(page, overlayItems(p.items), p.height, true, 0, undefined, true);
  }
  await writer.finish([]);
  setMetadata(doc, meta, { pdfua: true });
  return saveDocument(doc);
}
