export { renderPdf, saveDocument } from './render.js';
export { PdfWriter, setMetadata } from './writer.js';
export { CidFontSet } from './cid-font.js';
export { itemsToOps } from './content.js';
export { stampDocument, STAMP_STRIP } from './stamp.js';
