/**
 * `build --only docx`: `docx/sop-vX.Y-<lang>.docx` per language and
 * `docx/annex-N-vX.Y-<lang>.docx` per Markdown annex, for consultation in Word.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentOf } from '../../document/index.js';
import type { SopModel } from '../../model/types.js';
import type { ProgressFn } from '../../diag/progress.js';
import { diagnostic, type Diagnostic } from '../../diag/index.js';
import { annexDocx, sopDocx } from './document.js';
import { packDocx } from './package.js';

export async function buildDocx(model: SopModel, outDir: string, opts: { onProgress?: ProgressFn; onDiagnostic?: (d: Diagnostic) => void } = {}): Promise<string[]> {
  const progress = opts.onProgress ?? (() => undefined);
  // What the Word files could not carry as asked (a chart without its picture), said once each.
  const warnings: string[] = [];
  const v = model.manifest.version;
  const dir = path.join(outDir, 'docx');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, bytes: Uint8Array) => {
    await writeFile(path.join(dir, name), bytes);
    written.push(`docx/${name}`);
  };
  for (const doc of documentOf(model).languages) {
    progress(`sop-v${v}-${doc.lang}.docx`, { stage: 'docx', lang: doc.lang });
    await write(`sop-v${v}-${doc.lang}.docx`, await packDocx(await sopDocx(model, doc, warnings), model.manifest.date));
    for (const a of doc.annexes) {
      // The number the PDFs use (layout/document.ts annexNumber), with the file's index as
      // the same last resort: the PDF build's position in model.annexes.
      const declared = a.source.number ?? a.source.frontMatter.annex;
      const n = typeof declared === 'number' && declared > 0 ? declared : model.annexes.indexOf(a.source) + 1;
      await write(`annex-${n}-v${v}-${doc.lang}.docx`, await packDocx(await annexDocx(model, doc.lang, a, n, warnings), model.manifest.date));
    }
  }
  for (const w of new Set(warnings)) {
    opts.onDiagnostic?.(diagnostic('docx-diagram', 'warning', w, undefined, 'Pictures of charts need pdf.js\'s canvas for Node (@napi-rs/canvas, an optional dependency of pdfjs-dist): reinstall sopkit\'s dependencies on this platform.'));
  }
  return written;
}
