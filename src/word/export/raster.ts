/**
 * One PDF page → PNG, for Word: Word shows vector pictures only as SVG with a PNG beside
 * it, and sopkit draws its diagrams as PDF (the one drawing module, src/pdf/). pdf.js
 * (a dependency already, for `verify`) renders the page on the canvas it uses in Node
 * (`@napi-rs/canvas`, pdf.js's own optional dependency); where that canvas is not
 * installed, `rasterise` says why and the caller keeps the text version alone.
 */
import { dataDir, loadPdfJs } from '../../verify/extract.js';

export type Raster = { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; reason: string };

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}
interface Context2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Page 1 of `pdf` at `dpi`, on white (Word draws a transparent PNG on any page colour). */
export async function rasterise(pdf: Uint8Array, dpi: number): Promise<Raster> {
  try {
    const pdfjs = await loadPdfJs();
    const doc = await pdfjs.getDocument({
      // pdf.js detaches the buffer it is given: hand it a copy.
      data: new Uint8Array(pdf),
      standardFontDataUrl: dataDir('standard_fonts'),
      // The fonts are embedded; drawn as glyph outlines, not through a system font.
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    try {
      const page = await doc.getPage(1);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const w = Math.ceil(viewport.width);
      const h = Math.ceil(viewport.height);
      const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: NodeCanvas; context: Context2d } } }).canvasFactory;
      const { canvas, context } = factory.create(w, h);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, w, h);
      await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
      return { ok: true, png: new Uint8Array(canvas.toBuffer('image/png')), width: w, height: h };
    } finally {
      await doc.destroy();
    }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
