import { open, readFile } from 'node:fs/promises';
import { diagnostic, type SourcePosition } from '../../diag/index.js';
import { checkSourcePath } from '../../fs/index.js';
import type { PdfAnnex } from '../../model/index.js';
import type { Rule } from '../types.js';

/** PDFs larger than this are not parsed (only their header is checked). */
const MAX_PARSE_BYTES = 200 * 1024 * 1024;

function where(a: PdfAnnex): SourcePosition {
  if (a.positions.has('/file')) return { ...a.positions.at('/file'), file: a.file };
  return { file: a.file, line: 1, column: 1 };
}

async function problemWith(root: string, a: PdfAnnex): Promise<string | undefined> {
  // The links-and-paths policy: a PDF outside the SOP folder is reported by the loader (path-outside).
  const c = await checkSourcePath(root, a.pdf);
  if (!c.ok) return c.missing ? `${a.pdf} does not exist` : undefined;
  if (!c.stats.isFile()) return `${a.pdf} is not a file`;
  const size = c.stats.size;
  const abs = c.real;
  try {
    const fh = await open(abs, 'r');
    const head = Buffer.alloc(5);
    await fh.read(head, 0, 5, 0);
    await fh.close();
    if (head.toString('latin1') !== '%PDF-') return `${a.pdf} is not a PDF file (it does not start with %PDF-)`;
  } catch (e) {
    return `${a.pdf} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (size > MAX_PARSE_BYTES) return undefined;
  try {
    // pdf-lib is lenient with broken files; a PDF whose page tree cannot be read is as good as damaged.
    // Loaded only when there is a PDF annex: pdf-lib is large and most runs never need it.
    const { PDFDocument } = await import('../../vendor/pdf-lib.js');
    const doc = await PDFDocument.load(await readFile(abs), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    if (doc.getPageCount() < 1) return `${a.pdf} is damaged and cannot be opened (no pages found)`;
  } catch (e) {
    return `${a.pdf} is damaged and cannot be opened (${String((e as Error).message ?? e).split('\n')[0]!.slice(0, 120)})`;
  }
  return undefined;
}

export const annexPdf: Rule = {
  id: 'annex-pdf',
  severity: 'error',
  description: 'an external annex\'s PDF is missing, is not a PDF, or cannot be opened',
  help: 'An external annex is a PDF plus a small .yaml beside it (annexes/01-dpia.pdf + annexes/01-dpia.yaml). The .yaml\'s `file:` (default: the same name with .pdf) must name a readable PDF in annexes/.',
  async run(ctx, report) {
    for (const a of ctx.model.annexes) {
      if (a.kind !== 'pdf-annex') continue;
      const problem = await problemWith(ctx.model.root, a);
      if (problem) report(diagnostic('annex-pdf', 'error', problem, where(a), `Put the annex PDF at ${a.pdf}, or correct \`file:\` in ${a.file}.`));
    }
  },
};
