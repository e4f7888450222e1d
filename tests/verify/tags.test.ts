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
