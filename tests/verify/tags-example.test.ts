/**
 * The tagged structure of the example SOP's PDFs, read back with pdf.js (issue 16): the
 * roles a screen reader navigates by, every page's text inside tags or artifacts, Alt on
 * every figure, footnotes as Notes, and the Arabic SOP read in structure-tree order
 * giving back the source words in order (the text layer's measure, src/verify/word-order).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs } from '../../src/build/pdfs.js';
import { buildPosters } from '../../src/posters/index.js';
import { PDFDocument, PDFName, PDFRawStream } from '../../src/vendor/pdf-lib.js';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';
import { treeOf } from '../../src/document/index.js';
import {
  checkTags, markdownFootnotes, markdownWords, readTaggedPdf, roleCounts, structureText, toWords, verifyTags, wordOrderReport, wordOrderScore,
  type PdfStructLeaf, type PdfStructNode, type TaggedPdf,
} from '../../src/verify/index.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

describe('tagged PDFs of the example SOP', () => {
  let model: SopModel;
  let out: string;
  const pdfs = new Map<string, TaggedPdf>();
  beforeAll(async () => {
    model = (await loadSop(EXAMPLE)).model;
    out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-tags-'));
    await buildPdfs(model, out);
    await buildPosters(model, out);
    for (const lang of ['ar', 'en']) pdfs.set(lang, await readTaggedPdf(new Uint8Array(await readFile(path.join(out, 'pdf', `sop-v${model.manifest.version}-${lang}.pdf`)))));
  });

  for (const lang of ['ar', 'en']) {
    it(`${lang}: has the roles of a structured document, and nothing a reader would miss`, () => {
      const pdf = pdfs.get(lang)!;
      const roles = [...roleCounts(pdf).keys()];
      expect(roles).toEqual(expect.arrayContaining([
        'Document', 'Sect', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Note', 'Link', 'Figure', 'TOC', 'TOCI',
      ]));
      expect(pdf.lang).toBe(lang);
      expect(pdf.marked).toBe(true);
      // Every page has a tree, its text is tagged or an artifact, every figure has Alt.
      expect(pdf.pages.filter((p) => !p.tree).map((p) => p.number)).toEqual([]);
      expect(pdf.pages.filter((p) => p.untagged.length).map((p) => `page ${p.number}: ${p.untagged.slice(0, 3).join(' | ')}`)).toEqual([]);
      expect(checkTags(pdf).map((f) => f.message)).toEqual([]);
      // The running header and page number are artifacts on every page.
      expect(pdf.pages.filter((p) => p.artifacts.length < 2).map((p) => p.number)).toEqual([]);
    });
  }

  it('ar: Latin stretches are Spans with their own language', () => {
    const spans: PdfStructNode[] = [];
    const walk = (n: PdfStructNode) => {
      if (n.role === 'Span') spans.push(n);
      for (const c of n.children ?? []) if ('role' in c) walk(c);
    };
    for (const p of pdfs.get('ar')!.pages) if (p.tree) walk(p.tree);
    expect(spans.length).toBeGreaterThan(10);
    expect(new Set(spans.map((s) => s.lang))).toEqual(new Set(['en']));
  });

  it('ar: read in structure-tree order, gives back ≥ 97% of the source words in order; footnotes are Notes', () => {
    const pdf = pdfs.get('ar')!;
    const ar = model.sections.filter((s) => s.lang === 'ar');
    const source = ar.flatMap((s) => markdownWords(treeOf(model, s)));
    const notes = ar.flatMap((s) => markdownFootnotes(treeOf(model, s)));
    const r = wordOrderReport(source, pdf.pages.map((p) => toWords(structureText(p))), { floating: notes });
    expect(r.document.fraction).toBeGreaterThanOrEqual(0.97);
    // The words of the Notes' content are the footnotes' words.
    const noteText: string[] = [];
    for (const page of pdf.pages) {
      const walk = (n: PdfStructNode, inNote: boolean) => {
        for (const c of n.children ?? []) {
          if ('role' in c) walk(c, inNote || c.role === 'Note');
          else if (inNote && (c as PdfStructLeaf).type === 'content') noteText.push(page.content.get(c.id) ?? '');
        }
      };
      if (page.tree) walk(page.tree, false);
    }
    expect(notes.length).toBeGreaterThan(5);
    expect(wordOrderScore(notes.flat(), toWords(noteText.join(' '))).fraction).toBeGreaterThanOrEqual(0.95);
  });

  it('every PDF of the example build passes verify --tags: SOP, annexes (the external one with its own tags), packs, posters, cards, pocket guide', async () => {
    const r = await verifyTags(out);
    expect(r.files.filter((f) => !f.passed).map((f) => `${f.file}: ${f.findings.slice(0, 2).map((x) => x.message).join(' | ')}`)).toEqual([]);
    expect(r.exitCode).toBe(0);
    const names = r.files.map((f) => path.relative(out, f.file).split(path.sep).join('/'));
    // Every kind of product is among them.
    for (const re of [/^pdf\/sop-/, /^pdf\/pack-/, /^pdf\/annex-2-/, /^posters\/eligibility-/, /^posters\/prioritisation-/, /^posters\/urgent-card-4up-/, /^posters\/pocket-guide-/]) {
      expect(names.some((n) => re.test(n)), String(re)).toBe(true);
    }
  });

  it('a poster read with pdf.js: the flowchart is a Figure whose Alt is the flow as text, the matrix a Table with row headers, the booklet lists', async () => {
    const read = async (f: string) => readTaggedPdf(new Uint8Array(await readFile(path.join(out, 'posters', f))));
    const nodes = (pdf: TaggedPdf) => {
      const all: PdfStructNode[] = [];
      const walk = (n: PdfStructNode) => {
        all.push(n);
        for (const c of n.children ?? []) if ('role' in c) walk(c);
      };
      for (const p of pdf.pages) if (p.tree) walk(p.tree);
      return all;
    };
    const eligibility = await read('eligibility-a3-en.pdf');
    const figures = nodes(eligibility).filter((n) => n.role === 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    const flow = (model.data.eligibility!.value as { flow: { nodes: Array<{ label: { en: string } | string }> } }).flow;
    const label = (l: { en: string } | string) => (typeof l === 'string' ? l : l.en);
    for (const f of figures) {
      // Every step of the flow is in the Alt, not only the part drawn on this sheet.
      for (const n of flow.nodes) expect(f.alt).toContain(label(n.label));
    }
    expect([...roleCounts(eligibility).keys()]).toEqual(expect.arrayContaining(['Document', 'Sect', 'H1', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'Figure']));
    const matrix = nodes(await read('prioritisation-a3-ar.pdf'));
    expect(matrix.some((n) => n.role === 'Table')).toBe(true);
    expect(matrix.filter((n) => n.role === 'TH').length).toBeGreaterThanOrEqual((model.data.prioritisation!.value as { levels: unknown[] }).levels.length);
    const guide = await read('pocket-guide-a4-ar.pdf');
    expect(guide.lang).toBe('ar');
    expect([...roleCounts(guide).keys()]).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Span']));
    // The stamp at the top of every booklet page is an artifact, never read as content.
    expect(guide.pages.every((p) => p.artifacts.length > 0)).toBe(true);
  });

  it('the tagged PDFs say PDF/UA-1 in their XMP metadata, the stamped author\'s annex does not', async () => {
    const xmp = async (rel: string) => {
      const doc = await PDFDocument.load(await readFile(path.join(out, rel)), { updateMetadata: false });
      const m = doc.catalog.lookup(PDFName.of('Metadata'));
      return m instanceof PDFRawStream ? Buffer.from(m.contents).toString('utf8') : '';
    };
    const v = model.manifest.version;
    for (const rel of [`pdf/sop-v${v}-ar.pdf`, `pdf/pack-v${v}-en.pdf`, 'posters/eligibility-a3-en.pdf']) {
      const x = await xmp(rel);
      expect(x, rel).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(x, rel).toContain('<dc:title>');
    }
    expect(await xmp(`pdf/annex-2-v${v}.pdf`)).not.toContain('sopkit');
  });
});
