import { describe, expect, it } from 'vitest';
import { countBodyPages, layoutSop, layoutMarkdownAnnex, runningHeader } from '../../src/layout/index.js';
import type { PageFrame, TextItem } from '../../src/frame/types.js';
import type { MarkdownAnnex } from '../../src/model/types.js';
import { arabicParagraph, section, sopWith } from './sop-fixture.js';

const textOf = (item: TextItem) =>
  item.runs.map((r) => (r.rtl ? [...r.glyphs].reverse() : r.glyphs).map((g) => g.text).join('')).join('');

/** Text items of a page in drawing order with their visual string (runs left to right). */
const texts = (p: PageFrame) => p.items.filter((i): i is TextItem => i.kind === 'text');

describe('document layout', () => {
  it('puts the running header and a page footer on every page, and starts each component on a new page', async () => {
    const model = await sopWith({
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف والنطاق', `## مقدمة\n\n${(arabicParagraph + '\n\n').repeat(30)}`),
      'sections/ar/07-stakeholder-roles.md': section('stakeholder-roles', 'الأدوار', `## الأدوار\n\n${arabicParagraph}\n`),
    });
    const { frames, bodyPages, tocPages } = await layoutSop(model, 'ar');
    expect(frames.pages.length).toBe(1 + tocPages + bodyPages);
    expect(bodyPages).toBeGreaterThanOrEqual(3);
    const header = runningHeader(model, 'ar');
    const headerGlyphs = header.replace(/\s/g, '').length;
    for (const p of frames.pages) {
      const first = texts(p).find((t) => t.y < 60 && !t.angle)!;
      expect(first).toBeDefined();
      // All header characters are on the page top (as glyph texts).
      expect(textOf(first).replace(/\s/g, '').length).toBe(headerGlyphs);
    }
    // Component 7 opens a page: its title is the first body text of that page.
    const titles = frames.pages.map((p) => texts(p).find((t) => t.y > 80 && t.y < 120)).filter(Boolean).map((t) => textOf(t!));
    expect(titles.some((t) => t.includes('الأدوار') && t.includes('٧'))).toBe(true);
    expect(await countBodyPages(model, 'ar')).toBe(bodyPages);
  });

  it('numbers the contents with the page each component starts on', async () => {
    const model = await sopWith({
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', `## A\n\n${'Text of the purpose. '.repeat(400)}\n`),
      'sections/en/07-stakeholder-roles.md': section('stakeholder-roles', 'Roles', '## B\n\nText.\n'),
    });
    const { frames, tocPages } = await layoutSop(model, 'en');
    const pageOfAnchor = (name: string) => frames.pages.findIndex((p) => p.items.some((i) => i.kind === 'anchor' && i.name === name)) + 1;
    const tocItems = frames.pages.slice(1, 1 + tocPages).flatMap((p) => p.items);
    const links = tocItems.filter((i): i is Extract<typeof i, { kind: 'link' }> => i.kind === 'link' && i.dest !== undefined && i.dest.startsWith('c:'));
    expect(links.map((l) => l.dest)).toEqual(expect.arrayContaining(['c:3', 'c:7']));
    for (const l of links) {
      const numbers = texts({ ...frames.pages[1]!, items: tocItems }).filter((t) => t.tag === l.tag && /^\d+$/.test(textOf(t)));
      expect(numbers.map(textOf)).toEqual([String(pageOfAnchor(l.dest!))]);
    }
    expect(pageOfAnchor('c:7')).toBeGreaterThan(pageOfAnchor('c:3'));
  });

  it('numbers sub-headings per component: "3.1" in English, "٣-١" in Arabic', async () => {
    const model = await sopWith({
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف', '## أ\n\nنص.\n\n### ب\n\nنص.\n'),
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', '## A\n\nText.\n\n### B\n\nText.\n'),
    });
    const en = (await layoutSop(model, 'en')).frames.outline.flatMap((o) => o.children.map((c) => c.title));
    expect(en).toEqual(['3.1 A']);
    const all = (await layoutSop(model, 'en')).frames.pages.flatMap(texts).map(textOf);
    expect(all).toContain('3.1.1 B');
    const ar = (await layoutSop(model, 'ar')).frames.outline.flatMap((o) => o.children.map((c) => c.title));
    expect(ar).toEqual(['٣-١ أ']);
  });

  it('writes what extractors read in stream order in logical order: list marker, then a bold label, then the rest', async () => {
    const model = await sopWith({
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف', '- **وحدة حماية الأسرة** تتلقى الشكاوى.\n'),
    });
    const items = (await layoutSop(model, 'ar')).frames.pages.flatMap(texts);
    const marker = items.findIndex((t) => textOf(t) === '•');
    const line = items.findIndex((t) => textOf(t).includes('تتلقى'));
    expect(marker).toBeGreaterThanOrEqual(0);
    expect(marker).toBeLessThan(line);
    const runs = items[line]!.runs.map((r) => (r.rtl ? [...r.glyphs].reverse() : r.glyphs).map((g) => g.text).join('').trim()).filter(Boolean);
    // Bold label (logically first) before the regular text, though it is drawn to its right.
    expect(runs).toEqual(['وحدة حماية الأسرة', 'تتلقى الشكاوى.']);
    expect(items[line]!.runs[0]!.x).toBeGreaterThan(items[line]!.runs[1]!.x);
  });

  it('lays table columns out right to left in Arabic and left to right in English', async () => {
    const table = '| الأول | الثاني |\n|---|---|\n| أ | ب |\n';
    const model = await sopWith({
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف', table),
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', '| first | second |\n|---|---|\n| a | b |\n'),
    });
    const x = async (lang: string, word: string) => {
      const items = (await layoutSop(model, lang)).frames.pages.flatMap(texts);
      return items.find((t) => textOf(t) === word)!.x;
    };
    expect(await x('ar', 'الأول')).toBeGreaterThan(await x('ar', 'الثاني'));
    expect(await x('en', 'first')).toBeLessThan(await x('en', 'second'));
  });

  it('repeats a table header on every page the table spans', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| r${i} | v |`).join('\n');
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', `| Head1 | Head2 |\n|---|---|\n${rows}\n`) });
    const { frames, bodyPages } = await layoutSop(model, 'en');
    expect(bodyPages).toBeGreaterThan(1);
    // Every page that shows table rows also shows the header row.
    const withRows = frames.pages.filter((p) => texts(p).some((t) => /^r\d+$/.test(textOf(t))));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(texts(p).map(textOf)).toContain('Head1');
  });

  it('splits a table row taller than a page across pages, nothing drawn below the bottom margin', async () => {
    const tall = Array.from({ length: 200 }, (_, i) => `line ${i} of a very tall cell`).join('<br>');
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', `| A | B |\n|---|---|\n| ${tall} | short |\n`) });
    const { frames, bodyPages } = await layoutSop(model, 'en');
    expect(bodyPages).toBeGreaterThan(1);
    const all = frames.pages.flatMap(texts).map(textOf).join(' ');
    expect(all).toContain('line 199 of a very tall cell');
    for (const p of frames.pages) for (const t of texts(p)) expect(t.y).toBeLessThan(p.height - 20);
  });

  it('keeps a one-line caption with the table that follows it', async () => {
    // Some filler length puts the caption on the last line of a page; try a range.
    const rows = Array.from({ length: 5 }, (_, i) => `| r${i} | v |`).join('\n');
    for (let n = 26; n <= 40; n++) {
      const filler = Array.from({ length: n }, (_, i) => `Paragraph ${i} with some words to fill the page.`).join('\n\n');
      const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', `${filler}\n\n**Table 1: caption**\n\n| H1 | H2 |\n|---|---|\n${rows}\n`) });
      const { frames } = await layoutSop(model, 'en');
      const pageOf = (s: string) => frames.pages.findIndex((p) => texts(p).some((t) => textOf(t) === s));
      expect(pageOf('Table 1: caption'), `${n} paragraphs`).toBe(pageOf('H1'));
    }
  });

  it('generates the signature page (component 17) when no section was written for it', async () => {
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', 'Text.\n') });
    const { frames } = await layoutSop(model, 'en');
    expect(frames.outline.map((o) => o.title)).toContain('17. Signatures of participating authorities and agencies, with endorsement date and version number');
    const all = frames.pages.flatMap(texts).map(textOf);
    expect(all).toContain('UNICEF');
    expect(all.some((t) => t.includes('Not yet endorsed'))).toBe(true);
  });

  it('gives the annex pages the annex header', async () => {
    const model = await sopWith({ 'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\nBody text.\n' });
    const annex = model.annexes.find((a) => a.kind === 'markdown-annex') as MarkdownAnnex;
    const { frames } = await layoutMarkdownAnnex(model, annex, 1);
    const head = textOf(texts(frames.pages[0]!).find((t) => !t.angle)!);
    expect(head).toBe('Annex 1 — Test SOP v2.1 — 22 November 2026');
  });
});

describe('bad input degrades gracefully with diagnostics', () => {
  it('survives a 40-column table, a 5,000-character word, an unknown directive, missing and fake images, deep nesting', async () => {
    const wide = `| ${Array.from({ length: 40 }, (_, i) => `column${i}`).join(' | ')} |\n|${'---|'.repeat(40)}\n| ${Array.from({ length: 40 }, () => 'value').join(' | ')} |\n`;
    let nested = '';
    for (let d = 0; d < 9; d++) nested += `${'  '.repeat(d)}- level ${d}\n`;
    const body = [
      '## Bad things', wide, 'x'.repeat(5000), '::unknown{data=foo}', '![missing](img/none.png)', '![fake](fake.png)',
      nested, '######### not a heading', '::flowchart{data=nothing}', '',
    ].join('\n\n');
    const source = section('purpose-scope', 'Purpose', body);
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': source, 'sections/en/fake.png': 'not an image' });
    const { frames, diagnostics } = await layoutSop(model, 'en');
    expect(frames.pages.length).toBeGreaterThan(2);
    const rules = diagnostics.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['pdf-table-too-wide', 'pdf-word-too-long', 'pdf-directive-unknown', 'pdf-image-unusable', 'pdf-data-missing']));
    const missing = diagnostics.find((d) => d.rule === 'pdf-image-unusable' && d.message.includes('none.png'))!;
    expect(missing.file).toBe('sections/en/03-purpose-scope.md');
    // mdast lines are body-relative: the diagnostic must point at the file line.
    expect(missing.line).toBe(source.split('\n').findIndex((l) => l.includes('none.png')) + 1);
    // Nothing is drawn outside the page.
    for (const p of frames.pages) for (const t of texts(p)) expect(t.x).toBeGreaterThanOrEqual(0);
  });
});
