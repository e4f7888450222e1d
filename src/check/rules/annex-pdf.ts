import { open, readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic, type SourcePosition } from '../../diag/index.js';
import { checkSourcePath } from '../../fs/index.js';
import { memoizedAsync } from '../../cache/memo.js';
import type { PdfAnnex, SopModel } from '../../model/index.js';
import type { Rule } from '../types.js';

/** PDFs larger than this are not parsed (only their header is checked). */
const MAX_PARSE_BYTES = 200 * 1024 * 1024;

function where(a: PdfAnnex): SourcePosition {
  if (a.positions.has('/file')) return { ...a.positions.at('/file'), file: a.file };
  return { file: a.file, line: 1, column: 1 };
}

async function problemWith(root: string, a: PdfAnnex): Promise<{ message: string; hint?: string } | undefined> {
  // The links-and-paths policy: a PDF outside the SOP folder is reported by the loader (path-outside).
  const c = await checkSourcePath(root, a.pdf);
  if (!c.ok) return c.missing ? { message: `${a.pdf} does not exist` } : undefined;
  if (!c.stats.isFile()) return { message: `${a.pdf} is not a file` };
  const size = c.stats.size;
  const abs = c.real;
  try {
    const fh = await open(abs, 'r');
    const head = Buffer.alloc(5);
    await fh.read(head, 0, 5, 0);
    await fh.close();
    if (head.toString('latin1') !== '%PDF-') return { message: `${a.pdf} is not a PDF file (it does not start with %PDF-)` };
  } catch (e) {
    return { message: `${a.pdf} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (size > MAX_PARSE_BYTES) return undefined;
  // The same test as `build` and `stamp` (encrypted, damaged, no pages), in sopkit's words.
  // Its verdict is a function of the bytes, kept in the cache folder (src/cache/memo.ts):
  // pdf-lib (700 KB of code, ~0.1 s to load and parse this PDF) is loaded only for a PDF
  // not seen before by this sopkit.
  const bytes = await readFile(abs);
  const problem = await memoizedAsync('annex-pdf', bytes, async () => {
    const { openAnnexPdf } = await import('../../build/annex-pdf.js');
    return (await openAnnexPdf(bytes)).problem ?? null;
  });
  if (problem) return { message: `${a.pdf} ${problem.message}`, hint: problem.hint };
  return undefined;
}

/** Every external annex PDF that cannot be used, as `annex-pdf` errors (also run by `build` before it writes anything). */
export async function pdfAnnexProblems(model: SopModel): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const a of model.annexes) {
    if (a.kind !== 'pdf-annex') continue;
    const problem = await problemWith(model.root, a);
    if (problem) out.push(diagnostic('annex-pdf', 'error', problem.message, where(a), problem.hint ?? `Put the annex PDF at ${a.pdf}, or correct \`file:\` in ${a.file}.`));
  }
  return out;
}

export const annexPdf: Rule = {
  id: 'annex-pdf',
  severity: 'error',
  description: 'an external annex\'s PDF is missing, is not a PDF, is password-protected, or is damaged',
  help: 'An external annex is a PDF plus a small .yaml beside it (annexes/01-dpia.pdf + annexes/01-dpia.yaml). The .yaml\'s `file:` (default: the same name with .pdf) must name a readable PDF in annexes/. A password-protected (encrypted) or damaged PDF cannot be stamped: export an unprotected copy again from the program that made it. `build` stops on these too, so a release never ships without its annexes.',
  async run(ctx, report) {
    for (const d of await pdfAnnexProblems(ctx.model)) report(d);
  },
};
