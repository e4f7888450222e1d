import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPdfs, stampBytes } from '../../src/build/pdfs.js';
import { annexHeader, layoutParagraph, runningHeader } from '../../src/layout/index.js';
import { linesToItems } from '../../src/frame/items.js';
import { renderPdf } from '../../src/pdf/index.js';
import { arabicParagraph, section, sopWith } from '../layout/sop-fixture.js';
import { pdfLines } from './read-back.js';

// As sopkit verify compares: white space collapsed, no space before a combining mark.
const normalize = (s: string) => s.replace(/\s+/g, ' ').replace(/ (?=\p{M})/gu, '').trim();

async function onePage(text: string, lang: string): Promise<Uint8Array> {
  const { lines } = layoutParagraph(text, lang, { width: 450, fontSize: 12 });
  return renderPdf({ pages: [{ width: 595, height: 842, items: linesToItems(lines, 60, 80) }], outline: [], meta: { title: 't', lang, date: '2026-11-22' } });
}

describe('PDF text read back (ToUnicode from HarfBuzz clusters)', () => {
  it('round-trips Arabic with marks, lam-alef and digits in logical order', async () => {
    const text = 'لا إِلَهَ إلا الحماية قريبًا يُتوقع — الإصدار ٢٫١';
    const [page] = await pdfLines(await onePage(text, 'ar'));
    expect(normalize(page!.join(' '))).toBe(text);
  });

  it('keeps the words of a Latin acronym in brackets inside Arabic (pdf.js may move the bracket)', async () => {
    const text = 'إدارة الحالات (CPCM) في المخيمات';
    const [page] = await pdfLines(await onePage(text, 'ar'));
    const words = (s: string) => s.match(/[\p{L}\p{M}\p{N}]+/gu);
    expect(words(page!.join(' '))).toEqual(words(text));
  });

  it('keeps phone numbers and e-mail addresses left to right inside Arabic', async () => {
    const text = 'اتصل على +964 750 000 0201 أو cp.unit@dsd.example.org الآن';
    const [page] = await pdfLines(await onePage(text, 'ar'));
    const line = normalize(page!.join(' '));
    expect(line).toContain('+964 750 000 0201');
    expect(line).toContain('cp.unit@dsd.example.org');
    expect(line.startsWith('اتصل على')).toBe(true);
  });

  it('round-trips English with ligatures and kerning', async () => {
    const text = 'Office affiliates AVAWAY: fi fl ffi 2.1';
    const [page] = await pdfLines(await onePage(text, 'en'));
    expect(normalize(page!.join(' '))).toBe(text);
  });

  it('keeps Arabic words of a justified paragraph in source order', async () => {
    const bytes = await onePage(arabicParagraph, 'ar');
    const words = normalize((await pdfLines(bytes))[0]!.join(' ')).split(' ');
    const source = arabicParagraph.split(' ');
    let inOrder = 0;
    for (let i = 1; i < words.length; i++) if (source.join(' ').includes(`${words[i - 1]} ${words[i]}`)) inOrder++;
    expect(inOrder / (words.length - 1)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('buildPdfs', () => {
  const files = {
    'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف والنطاق', `## مقدمة\n\n${(arabicParagraph + '[^1]\n\n').repeat(12)}[^1]: حاشية.\n`),
    'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose and scope', '## Intro\n\nSome text.\n\n::signatures\n'),
    'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  };

  it('writes every PDF, with the running header on every page, twice byte-identical', async () => {
    const model = await sopWith(files);
    const a = await mkdtemp(path.join(os.tmpdir(), 'sopkit-pdf-'));
    const b = await mkdtemp(path.join(os.tmpdir(), 'sopkit-pdf-'));
    const written = await buildPdfs(model, a);
    await buildPdfs(model, b);
    expect(written).toEqual(['pdf/annex-1-v2.1-en.pdf', 'pdf/pack-v2.1-ar.pdf', 'pdf/pack-v2.1-en.pdf', 'pdf/sop-v2.1-ar.pdf', 'pdf/sop-v2.1-en.pdf']);
    for (const f of await readdir(path.join(a, 'pdf'))) {
      expect(Buffer.compare(await readFile(path.join(a, 'pdf', f)), await readFile(path.join(b, 'pdf', f))), f).toBe(0);
    }
    const ar = await pdfLines(await readFile(path.join(a, 'pdf/sop-v2.1-ar.pdf')));
    expect(ar.length).toBeGreaterThan(3);
    for (const page of ar) expect(normalize(page[0]!)).toBe(runningHeader(model, 'ar'));
    // The fixture is a draft: the watermark is drawn on every page but is not text.
    for (const page of ar.slice(1)) expect(page.join(' ')).not.toContain('مسودة');
    const annex = await pdfLines(await readFile(path.join(a, 'pdf/annex-1-v2.1-en.pdf')));
    for (const page of annex) expect(normalize(page[0]!)).toBe(annexHeader(model, 'en', 1));
    const pack = await PDFDocument.load(await readFile(path.join(a, 'pdf/pack-v2.1-en.pdf')), { updateMetadata: false });
    expect(pack.getTitle()).toBe('Test SOP');
    expect(pack.getProducer()).toBe('sopkit');
    expect(pack.getCreationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });
});

describe('images, links, outline', () => {
  it('embeds a PNG, links to a later heading, and writes bookmarks', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const body = 'See [the last part](#last-part).\n\n![dot](dot.png)\n\n::pagebreak\n\n## Last part\n\nEnd.\n';
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', body), 'sections/en/dot.png': png });
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-pdf-'));
    await buildPdfs(model, out);
    const doc = await PDFDocument.load(await readFile(path.join(out, 'pdf/sop-v2.1-en.pdf')), { updateMetadata: false });
    const objects = doc.context.enumerateIndirectObjects().map(([, o]) => o.toString());
    expect(objects.some((o) => o.includes('/Subtype /Image'))).toBe(true);
    const links = objects.filter((o) => o.includes('/Subtype /Link'));
    expect(links.length).toBe(3); // two contents entries (component 3, generated 17) and the link in the text
    for (const l of links) expect(l).toMatch(/\/Dest \[ \d+ 0 R \/XYZ/);
    expect(objects.some((o) => o.includes('/Type /Outlines'))).toBe(true);
    // The link target is the page after the ::pagebreak.
    const pages = doc.getPages().map((p) => p.ref.objectNumber);
    const targets = links.map((l) => pages.indexOf(Number(/\/Dest \[ (\d+) 0 R/.exec(l)![1])));
    // Contents → component 3 (page 3) and 17 (last page); the text link → the page after ::pagebreak.
    expect(targets.sort((a, b) => a - b)).toEqual([2, 3, pages.length - 1]);
  });
});

describe('stamp', () => {
  it('adds the Arabic annex header to every page of a loaded PDF and keeps its text', async () => {
    const src = await PDFDocument.create();
    const font = await src.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 3; i++) src.addPage([400, 500]).drawText(`Original page ${i + 1}`, { x: 40, y: 450, size: 12, font });
    const model = await sopWith({});
    const header = annexHeader(model, 'ar', 2);
    const stamped = await stampBytes(await src.save(), header, 'ar');
    const pages = await pdfLines(stamped);
    expect(pages).toHaveLength(3);
    pages.forEach((lines, i) => {
      expect(lines.map(normalize)).toContain(`Original page ${i + 1}`);
      // The whole Arabic header, "v٢٫١" included, reads back exactly as one line.
      expect(lines.map(normalize)).toContain(header);
    });
    const again = await stampBytes(await src.save(), header, 'ar');
    expect(Buffer.compare(Buffer.from(stamped), Buffer.from(again))).toBe(0);
  });
});
