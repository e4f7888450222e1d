import { PDFDocument } from '../vendor/pdf-lib.js';
import type { DocumentFrames } from '../frame/types.js';
import { PdfWriter, RenderCache, setMetadata } from './writer.js';

/** Saves with object streams and no yielding: the default `objectsPerTick` is 5x slower. */
export async function saveDocument(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * Renders frames of any page sizes into PDF bytes; `tagged`: as a tagged PDF, from the
 * elements the items carry (the redline).
 */
export async function renderPdf(frames: DocumentFrames, opts: { tagged?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const w = new PdfWriter(doc, new RenderCache(), { tagged: opts.tagged === true });
  for (const p of frames.pages) w.addPage(p);
  await w.finish(frames.outline);
  setMetadata(doc, frames.meta, { pdfua: opts.tagged === true });
  return saveDocument(doc);
}
