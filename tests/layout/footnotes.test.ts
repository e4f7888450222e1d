import { describe, expect, it } from 'vitest';
import { createTheme, layoutSop } from '../../src/layout/index.js';
import type { PageFrame, RuleItem, TextItem } from '../../src/frame/types.js';
import { arabicParagraph, section, sopWith } from './sop-fixture.js';

const textOf = (item: TextItem) =>
  item.runs.map((r) => (r.rtl ? [...r.glyphs].reverse() : r.glyphs).map((g) => g.text).join('')).join('');

type Theme = ReturnType<typeof createTheme>;

/** The short rule above a page's footnotes (0.3 of the column, 0.5 pt), if any. */
function separatorOf(p: PageFrame, th: Theme): RuleItem | undefined {
  const col = p.width - 2 * th.margin.side;
  return p.items.find((i): i is RuleItem => i.kind === 'rule' && i.y1 === i.y2 && i.width === 0.5 && Math.abs(i.x2 - i.x1 - col * 0.3) < 0.5);
}

/**
 * Everything that can go wrong with footnotes at the page foot, as a list of problems:
 * a note on another page than its first reference, a note printed twice or lost, note
 * and body text overlapping, a note below the column (into the running footer).
 */
function footnoteProblems(pages: PageFrame[], th: Theme): string[] {
  const problems: string[] = [];
  const anchors = new Map<string, number>();
  const firstRef = new Map<string, number>();
  pages.forEach((p, i) => {
    for (const it of p.items) {
      if (it.kind === 'anchor' && it.name.startsWith('fn:')) {
        if (anchors.has(it.name)) problems.push(`${it.name} printed twice`);
        anchors.set(it.name, i);
      }
      if (it.kind === 'link' && it.dest?.startsWith('fn:') && !firstRef.has(it.dest)) firstRef.set(it.dest, i);
    }
  });
  for (const [dest, page] of firstRef) {
    const at = anchors.get(dest);
    if (at === undefined) problems.push(`${dest} lost`);
    else if (at !== page) problems.push(`${dest} referenced on page ${page + 1}, printed on page ${at + 1}`);
  }
  pages.forEach((p, i) => {
    const sep = separatorOf(p, th);
    const hasNotes = p.items.some((it) => it.kind === 'anchor' && it.name.startsWith('fn:'));
    if (hasNotes && !sep) problems.push(`page ${i + 1}: notes without a separator`);
    if (!sep) return;
    const columnBottom = p.height - th.margin.bottom;
    for (const t of p.items.filter((it): it is TextItem => it.kind === 'text' && !it.angle)) {
      const size = Math.max(...t.runs.map((r) => r.size));
      if (t.y > columnBottom + 10) continue; // the running footer
      if (t.y < sep.y1) {
        // Body text: its descenders stay above the rule.
        if (t.y + size * 0.25 > sep.y1) problems.push(`page ${i + 1}: body line at ${t.y.toFixed(1)} runs into the notes (rule at ${sep.y1.toFixed(1)})`);
      } else {
        if (t.y - size < sep.y1) problems.push(`page ${i + 1}: note line at ${t.y.toFixed(1)} touches the rule`);
        if (t.y > columnBottom) problems.push(`page ${i + 1}: note line at ${t.y.toFixed(1)} below the column`);
        if (size > th.smallSize + 0.01) problems.push(`page ${i + 1}: text of size ${size} in the note area`);
      }
    }
  });
  return problems;
}

const filler = (i: number) => `Paragraph ${i} explains one step of the procedure for caseworkers and supervisors in some detail. `.repeat(1 + (i % 4));

describe('footnotes at the foot of the page', () => {
  it('sets each note on the page of its first reference, once, under a start-side rule, for paragraphs, list items and table cells', async () => {
    const paras = Array.from({ length: 36 }, (_, i) => `${filler(i)}Reference${i}[^n${i}] ends here.`).join('\n\n');
    const notes = Array.from({ length: 36 }, (_, i) => `[^n${i}]: Note ${i} gives the source of paragraph ${i}.${i % 5 === 0 ? ' It is longer, to take two lines at the foot of the page. '.repeat(3) : ''}`).join('\n');
    const body = `## Steps\n\n${paras}\n\n- an item with a note[^item]\n- a second item\n\n| Agency | Role |\n|---|---|\n| DSD | Leads[^cell] |\n\nThe first note again[^n0].\n\n${notes}\n[^item]: The note of the list item.\n[^cell]: The note of the table cell.\n[^unused]: A note nobody references.\n`;
    const model = await sopWith({ 'sections/en/08-steps.md': section('case-management-steps', 'Steps', body) });
    const th = createTheme(model.manifest.paper);
    const { frames } = await layoutSop(model, 'en');
    expect(frames.pages.length).toBeGreaterThan(5);
    expect(footnoteProblems(frames.pages, th)).toEqual([]);
    const anchors = frames.pages.flatMap((p) => p.items.filter((i) => i.kind === 'anchor' && i.name.startsWith('fn:')));
    // 36 + item + cell + the unreferenced one (still printed).
    expect(anchors).toHaveLength(39);
    // The cell's mark is clickable too.
    const links = frames.pages.flatMap((p) => p.items.filter((i) => i.kind === 'link' && i.dest?.startsWith('fn:')));
    const dests = new Set(links.map((l) => (l.kind === 'link' ? l.dest ?? '' : '')));
    const names = anchors.map((a) => (a.kind === 'anchor' ? a.name : ''));
    expect(names.filter((n) => !dests.has(n))).toEqual([names.find((n) => n.endsWith(':unused'))]);
    expect(dests.size).toBe(38);
    expect(links.some((l) => l.kind === 'link' && l.dest?.endsWith(':cell'))).toBe(true);
    // English: the rule starts at the left edge of the column.
    for (const p of frames.pages) {
      const sep = separatorOf(p, th);
      if (sep) expect(sep.x1).toBeCloseTo(th.margin.side, 1);
    }
  });

  it('gives each section file of a component its own notes: two files that both use [^1] link to two notes', async () => {
    const first = `## First part\n\nThe first file cites a law[^1].\n\n[^1]: The law of the first file.\n`;
    const second = `::pagebreak\n\n## Second part\n\nThe second file cites a decree[^1].\n\n[^1]: The decree of the second file.\n`;
    const model = await sopWith({
      'sections/en/08-steps-a.md': section('case-management-steps', 'Steps', first),
      'sections/en/08-steps-b.md': section('case-management-steps', 'Steps', second),
    });
    const th = createTheme(model.manifest.paper);
    const { frames } = await layoutSop(model, 'en');
    expect(footnoteProblems(frames.pages, th)).toEqual([]);
    const names = frames.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'anchor' && i.name.startsWith('fn:') ? [i.name] : [])));
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
  });

  it('never loses the words of a note taller than the room left: it continues on the next page', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}x`);
    const body = `## Long\n\n${filler(1).repeat(12)}\n\n${filler(2)}Mark[^long] here.\n\n${filler(3).repeat(10)}\n\n[^long]: ${words.join(' ')}\n`;
    const model = await sopWith({ 'sections/en/08-steps.md': section('case-management-steps', 'Steps', body) });
    const th = createTheme(model.manifest.paper);
    const { frames } = await layoutSop(model, 'en');
    expect(footnoteProblems(frames.pages, th)).toEqual([]);
    const small = frames.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text' && i.runs.every((r) => r.size <= th.smallSize + 0.01)));
    const printed = small.map(textOf).join(' ').match(/w\d+x/g) ?? [];
    expect(printed).toEqual(words);
    // More lines than one page foot holds: the note spans two pages or more.
    const pagesWithNote = frames.pages.filter((p) => p.items.some((i) => i.kind === 'text' && /w\d+x/.test(textOf(i)))).length;
    expect(pagesWithNote).toBeGreaterThanOrEqual(2);
  });

  it('sets Arabic notes right to left under a rule on the right, numbered in Arabic-Indic digits', async () => {
    const paras = Array.from({ length: 14 }, (_, i) => `${arabicParagraph} ملاحظة[^a${i}]`).join('\n\n');
    const notes = Array.from({ length: 14 }, (_, i) => `[^a${i}]: قانون حماية الطفل رقم ${i} لسنة 2017.`).join('\n');
    const model = await sopWith({ 'sections/ar/08-steps.md': section('case-management-steps', 'الخطوات', `## الخطوات\n\n${paras}\n\n${notes}\n`) });
    const th = createTheme(model.manifest.paper);
    const { frames } = await layoutSop(model, 'ar');
    expect(footnoteProblems(frames.pages, th)).toEqual([]);
    const withNotes = frames.pages.filter((p) => separatorOf(p, th));
    expect(withNotes.length).toBeGreaterThan(1);
    for (const p of withNotes) {
      const sep = separatorOf(p, th)!;
      expect(sep.x2).toBeCloseTo(p.width - th.margin.side, 1);
      const noteLines = p.items.filter((i): i is TextItem => i.kind === 'text' && i.y > sep.y1 && i.y < p.height - th.margin.bottom);
      expect(noteLines.length).toBeGreaterThan(0);
      for (const l of noteLines) {
        expect(l.runs.some((r) => r.rtl)).toBe(true);
        // Set against the right edge of the column.
        const right = l.x + Math.max(...l.runs.map((r) => r.x + r.width));
        expect(right).toBeCloseTo(p.width - th.margin.side, 0);
      }
    }
    const first = withNotes[0]!.items.filter((i): i is TextItem => i.kind === 'text' && i.y > separatorOf(withNotes[0]!, th)!.y1).map(textOf).join(' ');
    expect(first).toContain('١.');
    expect(first).not.toMatch(/[0-9]\./);
  });

  it('splits a long note rather than leaving the rest of its reference page empty', async () => {
    const note = Array.from({ length: 260 }, (_, i) => `v${i}y`).join(' ');
    for (const before of [3, 5, 7]) {
      const paras = Array.from({ length: 14 }, (_, i) => `${filler(i)}${i === before ? 'Mark[^big] here.' : ''}`).join('\n\n');
      const model = await sopWith({ 'sections/en/08-steps.md': section('case-management-steps', 'Steps', `## Long\n\n${paras}\n\n[^big]: ${note}\n`) });
      const th = createTheme(model.manifest.paper);
      const { frames } = await layoutSop(model, 'en');
      expect(footnoteProblems(frames.pages, th)).toEqual([]);
      // Every page of the component but the last is full: the gap between its text and
      // its notes (or the column bottom) is at most a few lines.
      const body = frames.pages.filter((p) => p.items.some((i) => i.kind === 'text' && textOf(i).includes('Paragraph'))).slice(0, -1);
      expect(body.length).toBeGreaterThan(0);
      for (const p of body) {
        const sep = separatorOf(p, th);
        const bottom = sep ? sep.y1 : p.height - th.margin.bottom;
        const last = Math.max(...p.items.filter((i): i is TextItem => i.kind === 'text' && i.y < bottom && i.y > th.margin.top).map((t) => t.y));
        expect(bottom - last, `page ${frames.pages.indexOf(p) + 1} with the note after paragraph ${before}`).toBeLessThan(50);
      }
    }
  });
});
