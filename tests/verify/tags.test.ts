/**
 * The tag checker (`sopkit verify --tags`) on small tagged PDFs written by the frame
 * writer: it passes a well-tagged page and reports, with the page number, each thing a
 * screen reader would miss.
 */
// The writer's own pdf-lib (the bundled one): objects of two copies do not mix.
import { PDFDocument } from '../../src/vendor/pdf-lib.js';
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../src/layout/index.js';
import { PdfWriter, saveDocument, setMetadata } from '../../src/pdf/index.js';
import { HEADER_ARTIFACT, structNode } from '../../src/frame/struct.js';
import type { FrameItem, ItemTag, PageFrame, StructNode } from '../../src/frame/types.js';
import { checkTags, readTaggedPdf, roleCounts, structureText } from '../../src/verify/index.js';
import { stampBytes } from '../../src/build/pdfs.js';
import { graftStructure } from '../../src/pdf/graft-tags.js';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

function line(text: string, lang: string, y: number, tag?: ItemTag): FrameItem {
  const { lines } = layoutParagraph(text, lang, { width: 450, fontSize: 12 });
  return { kind: 'text', x: 60, y, runs: lines[0]!.runs, ...(tag ? { tag } : {}) };
}

async function tagged(pages: FrameItem[][], lang = 'en'): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const w = new PdfWriter(doc, undefined, { tagged: true });
  for (const items of pages) w.addPage({ width: 595, height: 842, items } satisfies PageFrame);
  await w.finish([]);
  setMetadata(doc, { title: 't', lang, date: '2026-11-22' });
  return saveDocument(doc);
}

describe('verify --tags', () => {
  it('passes a tagged page: headings in order, a described figure, a table with header cells, the header an artifact', async () => {
    const sect = structNode('Sect');
    const table = structNode('Table', sect);
    const head = structNode('TR', structNode('THead', table));
    const row = structNode('TR', structNode('TBody', table));
    const figure = structNode('Figure', sect, { alt: 'A flowchart of the case steps' });
    const bytes = await tagged([[
      line('Test SOP — version 1.0', 'en', 40, HEADER_ARTIFACT),
      line('Introduction', 'en', 100, structNode('H1', sect)),
      line('Every child is heard.', 'en', 130, structNode('P', sect)),
      line('Scope', 'en', 160, structNode('H2', sect)),
      line('Level', 'en', 190, structNode('TH', head, { scope: 'Column' })),
      line('High', 'en', 210, structNode('TD', row)),
      { kind: 'rect', x: 60, y: 240, w: 100, h: 50, stroke: [0, 0, 0], tag: figure },
      line('Step 1', 'en', 260, figure),
    ]]);
    const pdf = await readTaggedPdf(bytes);
    expect(checkTags(pdf)).toEqual([]);
    expect([...roleCounts(pdf).keys()]).toEqual(expect.arrayContaining(['Document', 'Sect', 'H1', 'H2', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Figure']));
    expect(pdf.lang).toBe('en');
    // Read in tree order, the header (an artifact) is not there and the body is.
    expect(structureText(pdf.pages[0]!)).not.toContain('version');
    expect(structureText(pdf.pages[0]!).replace(/\s+/g, ' ')).toContain('Introduction Every child is heard. Scope Level High');
  });

  it('reports untagged text, a figure without Alt, a table without header cells and a skipped heading level, with their pages', async () => {
    const sect = structNode('Sect');
    const table = structNode('Table', sect);
    const row = structNode('TR', structNode('TBody', table));
    const bytes = await tagged([
      [line('Title', 'en', 100, structNode('H1', sect)), line('Forgotten text', 'en', 130)],
      [line('Deep heading', 'en', 100, structNode('H3', sect)), line('Cell', 'en', 130, structNode('TD', row)), line('Drawn', 'en', 160, structNode('Figure', sect))],
    ]);
    const found = checkTags(await readTaggedPdf(bytes)).map((f) => [f.kind, f.page]);
    expect(found).toEqual(expect.arrayContaining([['untagged-text', 1], ['heading-skip', 2], ['table-header', 2], ['figure-alt', 2]]));
    expect(found).toHaveLength(4);
  });

  it('reports Latin text in Arabic without a /Lang of its own, and not once it has one', async () => {
    const sect = structNode('Sect');
    const p = structNode('P', sect);
    const bare = await tagged([[line('إدارة الحالات CPCM', 'ar', 100, p)]], 'ar');
    expect(checkTags(await readTaggedPdf(bare)).map((f) => f.kind)).toEqual(['lang']);
    const span: StructNode = structNode('Span', structNode('P', structNode('Sect')), { lang: 'en' });
    const ok = await tagged([[line('CPCM', 'en', 100, span)]], 'ar');
    expect(checkTags(await readTaggedPdf(ok))).toEqual([]);
  });

  it('says a PDF without a structure tree is not tagged', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const found = checkTags(await readTaggedPdf(await doc.save()));
    expect(found.map((f) => f.kind)).toEqual(['not-tagged']);
  });
});

describe('verify --tags on an external annex (the author\'s PDF, stamped by sopkit)', () => {
  const fixture = (name: string) => readFile(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
  const example = () => readFile(fileURLToPath(new URL('../../sop-sources/annexes/02-dpia.pdf', import.meta.url)));

  it('names an untagged one as the author\'s PDF, and still counts it as a finding', async () => {
    const stamped = await stampBytes(new Uint8Array(await fixture('untagged-annex.pdf')), 'Annex 2 — SOP v2.1', 'en', { file: 'annexes/02-dpia.pdf', date: '2026-11-22' });
    const f = checkTags(await readTaggedPdf(stamped));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'not-tagged', external: 'annexes/02-dpia.pdf' });
    expect(f[0]!.message).toContain("the author's PDF annexes/02-dpia.pdf");
    // Without the stamp's record, the same PDF is simply untagged.
    const plain = checkTags(await readTaggedPdf(new Uint8Array(await fixture('untagged-annex.pdf'))));
    expect(plain.map((x) => x.external)).toEqual([undefined]);
  });

  it('keeps a tagged one\'s tags whole under the stamp, and in a document that copies its pages', async () => {
    const stamped = await stampBytes(new Uint8Array(await example()), 'Annex 2 — SOP v2.1', 'en', { file: 'annexes/02-dpia.pdf', date: '2026-11-22' });
    const own = await readTaggedPdf(stamped);
    expect(checkTags(own)).toEqual([]);
    // The stamp is an artifact on every page.
    expect(own.pages.filter((p) => !p.artifacts.join('').includes('Annex 2')).map((p) => p.number)).toEqual([]);
    // Copied after a page of ours, with its structure grafted: one tree, the annex a Sect with its language.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const w = new PdfWriter(doc, undefined, { tagged: true });
    const sect = structNode('Sect', undefined, { lang: 'en' });
    w.addPage({ width: 595, height: 842, items: [line('Our own page', 'en', 100, structNode('H1', sect))] });
    const src = await PDFDocument.load(stamped, { updateMetadata: false });
    const copied = await doc.copyPages(src, src.getPageIndices());
    copied.forEach((p) => doc.addPage(p));
    w.graft(graftStructure(src, doc, copied)!);
    await w.finish([]);
    setMetadata(doc, { title: 't', lang: 'ar', date: '2026-11-22' });
    const pack = await readTaggedPdf(await saveDocument(doc));
    expect(checkTags(pack).map((x) => x.message)).toEqual([]);
    expect(pack.pages.slice(1).map((p) => p.tree?.children?.[0] && 'role' in p.tree.children[0] ? (p.tree.children[0].children?.[0] as { lang?: string }).lang : null))
      .toEqual(copied.map(() => 'en-GB'));
  });
});
