/**
 * Reads the text layer of a PDF back with pdf.js (the legacy build, the one meant for
 * Node). pdf.js normally parses in a Web Worker; in Node it falls back to a "fake
 * worker" on the main thread, which it finds through `globalThis.pdfjsWorker`. Setting
 * that ourselves avoids a dynamic import of a path relative to pdf.mjs, which breaks
 * under bundlers and test runners.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { diagnostic, SopkitError } from '../diag/index.js';

const require = createRequire(import.meta.url);

export interface PdfTextItem {
  str: string;
  /** Device space, origin at the top left of the page, in points. */
  x: number;
  /** Baseline, measured down from the top edge of the page, in points. */
  y: number;
  width: number;
  height: number;
  dir: string;
  hasEOL: boolean;
}

export interface PdfPageText {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js, loaded once (also used by the tag checker). */
export async function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/** pdf.js data folders (CMaps for non-embedded CJK encodings, metrics of the 14 standard fonts). */
export function dataDir(name: string): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name) + path.sep;
}

const PDF_MAGIC = '%PDF-';

/**
 * The text items of every page. Throws `SopkitError` (exit 2) with a hint when the
 * bytes are not a PDF, are encrypted or are too damaged to open; `shown` is the path
 * used in messages.
 */
export async function readPdfText(bytes: Uint8Array, shown: string): Promise<PdfPageText[]> {
  // The PDF spec allows junk before the header, readers look within the first KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes(PDF_MAGIC)) {
    throw new SopkitError(
      diagnostic('pdf-unreadable', 'error', `${shown} is not a PDF file (it does not start with "%PDF-")`, { file: shown }, 'Pass a PDF built by `sopkit build`, or a folder such as dist/ that contains them.'),
    );
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name ?? '';
    const detail = (e as Error)?.message ?? String(e);
    if (name === 'PasswordException') {
      throw new SopkitError(diagnostic('pdf-unreadable', 'error', `${shown} is password-protected, so its pages cannot be read`, { file: shown }, 'Verify the unprotected PDF that sopkit built; protect copies only after verifying them.'));
    }
    throw new SopkitError(diagnostic('pdf-unreadable', 'error', `${shown} cannot be read as a PDF (${detail})`, { file: shown }, 'The file is damaged or incomplete (an interrupted copy or download?). Rebuild it with `sopkit build` and verify again.'));
  }
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const m = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        items.push({ str: it.str, x: m[4]!, y: m[5]!, width: it.width, height: it.height, dir: it.dir, hasEOL: it.hasEOL });
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    throw new SopkitError(diagnostic('pdf-unreadable', 'error', `${shown} opens but a page cannot be read (${(e as Error)?.message ?? String(e)})`, { file: shown }, 'The file is damaged. Rebuild it with `sopkit build`; if it is an external annex, re-export it from its source program.'));
  } finally {
    await doc.destroy();
  }
}

/** Text of some items the way pdf.js viewers join them: items back to back, a newline at each end of line. */
export function itemsText(items: readonly PdfTextItem[]): string {
  let s = '';
  for (const it of items) s += it.str + (it.hasEOL ? '\n' : '');
  return s;
}

/** The whole page's text, in the order pdf.js reads it. */
export function pageText(page: PdfPageText): string {
  return itemsText(page.items);
}

/** Text of the items whose baseline lies in the top `fraction` of the page (where running headers sit). */
export function topText(page: PdfPageText, fraction = 0.15): string {
  return itemsText(page.items.filter((it) => it.y <= page.height * fraction));
}
