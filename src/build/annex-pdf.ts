/**
 * Opens an external annex PDF and says, in sopkit's own words, why it cannot be used:
 * encrypted (password-protected or restricted), damaged, or without pages. `check` (rule
 * `annex-pdf`), `build` (which stops before writing anything) and `stamp` share it, so the
 * three say the same thing. pdf-lib's own messages (library advice such as
 * `PDFDocument.load(..., { ignoreEncryption: true })`, parser offsets) and the lines it
 * prints on the console never reach the user.
 */
import type { PDFDocument as PdfDoc } from '../vendor/pdf-lib.js';

export interface PdfProblem {
  kind: 'not-pdf' | 'encrypted' | 'damaged' | 'no-pages';
  /** Completes "<file> …", e.g. "is password-protected (encrypted)". */
  message: string;
  hint: string;
}

const HINTS = {
  encrypted: 'Export an unprotected copy from the program that made it (save or print it as PDF without a password or restrictions), then put that copy in its place.',
  damaged: 'The file is damaged or incomplete (an interrupted copy or download?). Export it again as PDF from the program that made it.',
  notPdf: 'Export the annex as PDF from the program that made it (sopkit stamps PDF files only).',
};

/** pdf-lib reports some broken objects with console.warn instead of an error: keep them off the user's terminal. */
async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  try {
    return await f();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}

function hasEncryptEntry(bytes: Uint8Array): boolean {
  return /\/Encrypt\s*\d+\s+\d+\s+R/.test(Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64 * 1024))).toString('latin1'));
}

/**
 * Loads `bytes` as a PDF that sopkit can stamp, or gives the problem. No encryption
 * bypass: a stamped copy of an encrypted file would be unreadable.
 */
export async function openAnnexPdf(bytes: Uint8Array): Promise<{ doc: PdfDoc; problem?: undefined } | { doc?: undefined; problem: PdfProblem }> {
  // The PDF spec allows junk before the header; readers look within the first KB.
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    return { problem: { kind: 'not-pdf', message: 'is not a PDF file (it does not start with %PDF-)', hint: HINTS.notPdf } };
  }
  const { PDFDocument, EncryptedPDFError } = await import('../vendor/pdf-lib.js');
  const encrypted: PdfProblem = { kind: 'encrypted', message: 'is password-protected (encrypted), so sopkit cannot stamp its pages', hint: HINTS.encrypted };
  let doc: PdfDoc;
  try {
    doc = await quietly(() => PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false }));
  } catch (e) {
    // pdf-lib is compiled to ES5: its error subclasses fail `instanceof`, hence the message
    // test; a file too broken to parse still says whether its trailer names an /Encrypt dictionary.
    if (e instanceof EncryptedPDFError || /is encrypted/.test(String((e as Error)?.message)) || hasEncryptEntry(bytes)) return { problem: encrypted };
    return { problem: { kind: 'damaged', message: 'is damaged and cannot be opened (its PDF structure cannot be read)', hint: HINTS.damaged } };
  }
  if (doc.isEncrypted) return { problem: encrypted };
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    pages = 0;
  }
  if (pages < 1) return { problem: { kind: 'no-pages', message: 'is damaged and cannot be opened (no pages found)', hint: HINTS.damaged } };
  return { doc };
}
