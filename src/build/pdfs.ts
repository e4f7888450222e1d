/**
 * Builds every PDF of an SOP into `outDir/pdf/`: the SOP per language, each Markdown
 * annex, each external PDF annex stamped with its annex header, and a full pack per
 * language. Layout problems come back through `onDiagnostic`; they never stop a build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readSourceBytes } from '../fs/index.js';
import path from 'node:path';
import { PDFDocument } from '../vendor/pdf-lib.js';
import type { Diagnostic } from '../diag/index.js';
import { diagnostic } from '../diag/index.js';
import { annexHeader, annexNumber, layoutMarkdownAnnex, layoutSop, type SopLayout } from '../layout/index.js';
import type { DocumentFrames, OutlineEntry } from '../frame/types.js';
import type { MarkdownAnnex, PdfAnnex, SopModel } from '../model/types.js';
import { PdfWriter, RenderCache, saveDocument, setMetadata, stampDocument } from '../pdf/index.js';
import { label } from '../i18n/index.js';
import { openAnnexPdf, type PdfProblem } from './annex-pdf.js';
import { graftStructure } from '../pdf/graft-tags.js';
import type { StampSource } from '../pdf/stamp.js';
import type { ProgressFn } from '../diag/progress.js';

export interface BuildPdfsOptions {
  onProgress?: ProgressFn;
  onDiagnostic?: (d: Diagnostic) => void;
}

function annexTitle(a: PdfAnnex, lang: string): string {
  const t = a.title ?? a.frontMatter.title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object') return (t as Record<string, string>)[lang] ?? Object.values(t as Record<string, string>)[0] ?? '';
  return '';
}

/** Reads an external annex PDF and stamps it; undefined (with a diagnostic) when unusable. */
async function stampedAnnex(model: SopModel, a: PdfAnnex, n: number, lang: string, report: (d: Diagnostic) => void): Promise<Uint8Array | undefined> {
  // The links-and-paths policy: nothing outside the SOP folder is published (an error, never a silent drop).
  const read = await readSourceBytes(model.root, a.pdf);
  if (!read.ok && !read.missing) {
    report(read.diagnostic);
    return undefined;
  }
  if (!read.ok) {
    report(diagnostic('pdf-annex-missing', 'warning', `the annex PDF "${a.pdf}" does not exist: annex ${n} is left out of the PDFs`, { file: a.file, line: 1, column: 1 }, 'Put the PDF next to its .yaml sidecar, or fix the `file:` name.'));
    return undefined;
  }
  const bytes: Uint8Array = read.bytes;
  try {
    return await stampBytes(bytes, annexHeader(model, lang, n), lang, { file: a.pdf, date: model.manifest.date });
  } catch (e) {
    // `sopkit build` stops before this on the same test (check rule annex-pdf); an error,
    // never a warning: a release must not ship without one of its annexes.
    const problem = (e as { problem?: PdfProblem }).problem;
    report(diagnostic('pdf-annex-unreadable', 'error', `the annex PDF "${a.pdf}" ${problem?.message ?? 'cannot be read'}: annex ${n} is left out`, { file: a.file, line: 1, column: 1 }, problem?.hint ?? 'Export the PDF again from the program that made it.'));
    return undefined;
  }
}

/**
 * Stamps `header` on every page of a PDF (used by `sopkit stamp` and the build). An
 * encrypted or damaged PDF throws an error whose `problem` says why in sopkit's words.
 */
export async function stampBytes(bytes: Uint8Array, header: string, lang: string, source?: StampSource): Promise<Uint8Array> {
  const opened = await openAnnexPdf(bytes);
  if (opened.problem) throw Object.assign(new Error(opened.problem.message), { problem: opened.problem });
  const doc = opened.doc;
  const writer = new PdfWriter(doc, 'SopkitF', { artifactsOnly: true });
  stampDocument(doc, writer, header, lang, source);
  await writer.finish();
  return saveDocument(doc);
}

async function renderInto(writer: PdfWriter, frames: DocumentFrames, onPage?: (done: number, total: number) => void): Promise<void> {
  for (const [i, p] of frames.pages.entries()) {
    writer.addPage(p);
    onPage?.(i + 1, frames.pages.length);
  }
}

/**
 * The SOP PDF of one language from its layout: what `build` writes as `sop-v…-<lang>.pdf`
 * (and `serve` previews). `cache` is shared with the pack, which reuses the pages.
 */
export async function renderSopPdf(sop: SopLayout, cache = new RenderCache(), onPage?: (done: number, total: number) => void): Promise<Uint8Array> {
  const sopDoc = await PDFDocument.create({ updateMetadata: false });
  const sopWriter = new PdfWriter(sopDoc, cache, { tagged: true });
  await renderInto(sopWriter, sop.frames, onPage);
  await sopWriter.finish(sop.frames.outline);
  setMetadata(sopDoc, sop.frames.meta, { pdfua: true });
  return saveDocument(sopDoc);
}

export async function buildPdfs(model: SopModel, outDir: string, opts: BuildPdfsOptions = {}): Promise<string[]> {
  const progress = opts.onProgress ?? (() => {});
  const report = opts.onDiagnostic ?? (() => {});
  const m = model.manifest;
  const v = m.version;
  const dir = path.join(outDir, 'pdf');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, bytes: Uint8Array) => {
    await writeFile(path.join(dir, name), bytes);
    written.push(`pdf/${name}`);
  };
  // External PDF annexes: stamped once, in the annex's own language.
  const pdfAnnexes = model.annexes.filter((a): a is PdfAnnex => a.kind === 'pdf-annex');
  const stamped = new Map<PdfAnnex, { n: number; bytes: Uint8Array }>();
  for (const [i, a] of pdfAnnexes.entries()) {
    const n = annexNumber(model, a, i + 1);
    const lang = a.language && m.languages.includes(a.language) ? a.language : m.languages[0]!;
    const bytes = await stampedAnnex(model, a, n, lang, report);
    if (!bytes) continue;
    stamped.set(a, { n, bytes });
    await write(`annex-${n}-v${v}.pdf`, bytes);
    progress(`stamped annex ${n}`, { stage: 'pdf annexes', done: i + 1, total: pdfAnnexes.length });
  }
  for (const lang of m.languages) {
    progress(`sop-v${v}-${lang}.pdf: laying out`, { stage: 'pdf', lang });
    const sop = await layoutSop(model, lang);
    sop.diagnostics.forEach(report);
    // One cache per language: every page is turned into content bytes once, and the
    // pack reuses the SOP's and the annexes' pages.
    const cache = new RenderCache();
    const sopBytes = await renderSopPdf(sop, cache, (done, total) => progress(`sop-v${v}-${lang}.pdf: page ${done} of ${total}`, { stage: 'pdf', lang, done, total, unit: 'pages' }));
    await write(`sop-v${v}-${lang}.pdf`, sopBytes);

    // The pack: SOP, then every annex in number order (Markdown in this language, PDFs).
    const mdAnnexes = model.annexes
      .map((a, i) => ({ a, i }))
      .filter((x): x is { a: MarkdownAnnex; i: number } => x.a.kind === 'markdown-annex' && x.a.lang === lang);
    if (mdAnnexes.length === 0 && stamped.size === 0) {
      // Nothing to append: the pack is the SOP itself (same pages, outline and metadata),
      // so its bytes are written again instead of being rebuilt page by page.
      await write(`pack-v${v}-${lang}.pdf`, sopBytes);
      continue;
    }
    const packDoc = await PDFDocument.create({ updateMetadata: false });
    const pack = new PdfWriter(packDoc, cache, { tagged: true });
    progress(`pack-v${v}-${lang}.pdf`, { stage: 'pdf pack', lang });
    await renderInto(pack, sop.frames);
    const outline: OutlineEntry[] = [...sop.frames.outline];
    const parts: Array<{ n: number; run: () => Promise<void> }> = [];
    let untaggedAnnex = false;
    for (const { a, i } of mdAnnexes) {
      const n = annexNumber(model, a, i + 1);
      const res = await layoutMarkdownAnnex(model, a, n);
      res.diagnostics.forEach(report);
      const annexDoc = await PDFDocument.create({ updateMetadata: false });
      const w = new PdfWriter(annexDoc, cache, { tagged: true });
      await renderInto(w, res.frames);
      await w.finish(res.frames.outline);
      setMetadata(annexDoc, res.frames.meta, { pdfua: true });
      await write(`annex-${n}-v${v}-${lang}.pdf`, await saveDocument(annexDoc));
      parts.push({ n, run: async () => { await renderInto(pack, res.frames); outline.push(...res.frames.outline); } });
    }
    for (const [a, s] of stamped) {
      parts.push({
        n: s.n,
        run: async () => {
          const src = await PDFDocument.load(s.bytes, { updateMetadata: false });
          const copied = await packDoc.copyPages(src, src.getPageIndices());
          copied.forEach((p) => packDoc.addPage(p));
          // A tagged annex keeps its structure in the pack; an untagged one has none to give.
          const g = graftStructure(src, packDoc, copied);
          if (g) pack.graft(g);
          else untaggedAnnex = true;
          const dest = `annex:${s.n}:pdf`;
          if (copied[0]) pack.addAnchor(dest, copied[0], copied[0].getHeight());
          const t = annexTitle(a, lang);
          outline.push({ title: `${label('annex', lang)} ${s.n}${t ? `: ${t}` : ''}`, dest, children: [] });
        },
      });
    }
    parts.sort((x, y) => x.n - y.n);
    for (const p of parts) await p.run();
    await pack.finish(outline);
    // PDF/UA only when every annex brought its tags: an untagged author's PDF is not ours to claim for.
    setMetadata(packDoc, { ...sop.frames.meta, subject: `${sop.frames.meta.subject ?? ''}` }, { pdfua: !untaggedAnnex });
    await write(`pack-v${v}-${lang}.pdf`, await saveDocument(packDoc));
  }
  return written.sort();
}
