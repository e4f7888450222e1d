/**
 * verify and the words-in-order metric on PDFs built by sopkit itself (the example SOP
 * in sop-sources/).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs } from '../../src/build/pdfs.js';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';
import { treeOf } from '../../src/document/index.js';
import { markdownFootnotes, markdownWords, pageText, pageWordOrder, readPdfText, toWords, verifyPdfs } from '../../src/verify/index.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

describe('on PDFs built by sopkit', () => {
  let model: SopModel;
  let out: string;
  beforeAll(async () => {
    model = (await loadSop(EXAMPLE)).model;
    out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-verify-'));
    await buildPdfs(model, out);
  });

  const sopPdf = (lang: string) => path.join(out, 'pdf', `sop-v${model.manifest.version}-${lang}.pdf`);

  it('passes the built Arabic SOP', async () => {
    const r = await verifyPdfs(sopPdf('ar'), { cwd: out, dir: EXAMPLE });
    expect(r.files[0]!.failures.map((f) => f.message)).toEqual([]);
    expect(r.files[0]!.pages).toBeGreaterThan(10);
    expect(r.exitCode).toBe(0);
  });

  it('passes the built English SOP', async () => {
    const r = await verifyPdfs(sopPdf('en'), { cwd: out, dir: EXAMPLE });
    expect(r.files[0]!.failures.map((f) => f.message)).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('passes every built PDF: annexes carry the annex header, the pack both', async () => {
    const r = await verifyPdfs(path.join(out, 'pdf'), { cwd: out, dir: EXAMPLE });
    const failing = r.files.filter((f) => !f.passed).map((f) => `${f.file}: ${f.failures[0]?.message ?? f.problems[0]} (top reads "${f.failures[0]?.found ?? ''}")`);
    expect(failing).toEqual([]);
  });

  it('fails a built Arabic PDF once a page loses its header', async () => {
    // Doctor the real PDF: page 3 replaced by an empty page of the same size.
    const doc = await PDFDocument.load(await readFile(sopPdf('ar')));
    const { width, height } = doc.getPage(2).getSize();
    doc.removePage(2);
    doc.insertPage(2, [width, height]);
    const doctored = path.join(out, 'doctored', `sop-v${model.manifest.version}-ar.pdf`);
    await mkdir(path.dirname(doctored), { recursive: true });
    await writeFile(doctored, await doc.save());
    const r = await verifyPdfs(doctored, { cwd: out, dir: EXAMPLE });
    expect(r.exitCode).toBe(1);
    expect(r.files[0]!.failures.map((f) => f.page)).toEqual([3]);
  });

  it('gives back ≥ 90% of the source words in order on every Arabic body page (pdf.js)', async () => {
    const ar = model.sections.filter((s) => s.lang === 'ar');
    const source = ar.flatMap((s) => markdownWords(treeOf(model, s)));
    // Footnotes are read at the foot of their reference's page: scored as floating runs.
    const notes = ar.flatMap((s) => markdownFootnotes(treeOf(model, s)));
    expect(notes.length).toBeGreaterThan(5);
    const pages = await readPdfText(await readFile(sopPdf('ar')), 'sop-ar.pdf');
    const scores = pageWordOrder(source, pages.map((p) => toWords(pageText(p))), { floating: notes });
    const body = scores.filter((s) => s.scored);
    expect(body.length).toBeGreaterThan(pages.length / 2);
    const below = body.filter((s) => s.fraction < 0.9).map((s) => `page ${s.page}: ${(s.fraction * 100).toFixed(1)}%`);
    expect(below).toEqual([]);
  });
});
