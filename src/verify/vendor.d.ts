// pdf.js ships no declarations for its worker module; verify only needs to know it exists.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
