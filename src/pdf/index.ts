export { renderPdf, saveDocument } from './render.js';
export { PdfWriter, RenderCache, setMetadata } from './writer.js';
export { CidFontSet, DocFonts } from './cid-font.js';
export { stampDocument, STAMP_STRIP } from './stamp.js';
