/** JSZip: reads and writes .docx packages (bundled: see ./index.ts). Loaded only by the Word bridge. */
export { default as JSZip } from 'jszip';
