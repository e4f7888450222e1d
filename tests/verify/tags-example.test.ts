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

  it('every PDF sopkit lays out passes verify --tags (the external annex PDF is not tagged, and is reported)', async () => {
    const r = await verifyTags(path.join(out, 'pdf'));
    const failing = r.files.filter((f) => !f.passed).map((f) => path.basename(f.file));
    // Known gap: the external annex (an untagged PDF) and the packs that hold its pages.
    expect(failing.sort()).toEqual([`annex-2-v${model.manifest.version}.pdf`, `pack-v${model.manifest.version}-ar.pdf`, `pack-v${model.manifest.version}-en.pdf`]);
    expect(r.exitCode).toBe(1);
    for (const f of r.files.filter((x) => x.file.includes('pack-'))) {
      // The pack's own pages (SOP and Markdown annexes) are clean: only the external annex's pages are reported.
      expect(f.findings.every((x) => x.kind === 'untagged-text')).toBe(true);
    }
  });
});
