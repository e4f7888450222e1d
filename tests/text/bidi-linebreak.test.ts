import { describe, expect, it } from 'vitest';
import { layoutParagraph, reorderByLevel, type Line } from '../../src/text/index.js';
import { formatHeadingNumber } from '../../src/layout/blocks.js';

/** The text of each run of a line, left to right, in logical order within the run. */
/** Runs left to right on the page (by x; `line.runs` is in logical order). */
function visualRuns(line: Line): string[] {
  return [...line.runs].sort((a, b) => a.x - b.x).map((r) => {
    const texts = r.glyphs.map((g) => g.text);
    return (r.rtl ? texts.reverse() : texts).join('');
  });
}

describe('bidi (UAX #9)', () => {
  it('reorders runs by level (L2)', () => {
    const runs = [{ level: 1, t: 'a' }, { level: 2, t: 'b' }, { level: 2, t: 'c' }, { level: 1, t: 'd' }];
    expect(reorderByLevel(runs).map((r) => r.t).join('')).toBe('dbca');
  });

  it('puts a Latin word inside Arabic text at the right place, reading left to right', () => {
    const { lines } = layoutParagraph('مرحبا SOP عالم', 'ar', { width: 500, fontSize: 11 });
    const runs = visualRuns(lines[0]!).map((s) => s.trim()).filter(Boolean);
    // Right to left: مرحبا, SOP, عالم → visually (left to right): عالم, SOP, مرحبا.
    expect(runs).toEqual(['عالم', 'SOP', 'مرحبا']);
    const rtl = lines[0]!.runs.find((r) => r.glyphs.some((g) => g.text === 'S'))!;
    expect(rtl.rtl).toBe(false);
  });

  it('hands out the runs of a right-to-left line in logical order (extractors read stream order)', () => {
    const { lines } = layoutParagraph('مرحبا SOP عالم', 'ar', { width: 500, fontSize: 12 });
    const texts = (r: Line['runs'][number]) => (r.rtl ? r.glyphs.map((g) => g.text).reverse() : r.glyphs.map((g) => g.text)).join('').trim();
    // Three faces (Naskh, Noto Sans, Naskh): three groups, first the rightmost.
    expect(lines[0]!.runs.map(texts).filter(Boolean)).toEqual(['مرحبا', 'SOP', 'عالم']);
    const xs = lines[0]!.runs.filter((r) => texts(r)).map((r) => r.x);
    expect(xs[0]).toBeGreaterThan(xs[1]!);
    expect(xs[1]).toBeGreaterThan(xs[2]!);
  });

  it('keeps an English paragraph left to right and starts it at the left edge', () => {
    const { lines } = layoutParagraph('Version 2.1 of the SOP', 'en', { width: 500, fontSize: 11 });
    expect(lines[0]!.runs[0]!.x).toBe(0);
    expect(visualRuns(lines[0]!).join('')).toBe('Version 2.1 of the SOP');
  });

  it('aligns an Arabic paragraph to the right edge', () => {
    const { lines } = layoutParagraph('نص قصير', 'ar', { width: 500, fontSize: 11 });
    const l = lines[0]!;
    const right = Math.max(...l.runs.map((r) => r.x + r.width));
    expect(right).toBeCloseTo(500, 3);
  });
});

describe('line breaking (UAX #14) with shaped widths', () => {
  const text = 'توجه اجراءات العمل الموحدة المشتركة بين الوكالات برامج إدارة حالة حماية الطفل في الاوضاع الإنسانية من خلال تمكين مقدمي الخدمات';

  it('breaks between words, every line within the width, no text lost', () => {
    const { lines } = layoutParagraph(text, 'ar', { width: 150, fontSize: 11 });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150.01);
    const words = lines.flatMap((l) => [...l.runs].reverse().map((r) => [...r.glyphs].reverse().map((g) => g.text).join('')).join('').split(/\s+/)).filter(Boolean);
    expect(words.join(' ')).toBe(text);
  });

  it('justifies all lines but the last to the full width', () => {
    const { lines } = layoutParagraph(text, 'ar', { width: 150, fontSize: 11, align: 'justify' });
    for (const l of lines.slice(0, -1)) expect(l.width).toBeCloseTo(150, 1);
    expect(lines[lines.length - 1]!.width).toBeLessThan(150);
  });

  it('breaks a 5,000-character word anywhere instead of overflowing', () => {
    const { lines } = layoutParagraph('x'.repeat(5000), 'en', { width: 200, fontSize: 11 });
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(200.01);
  });

  it('never draws a newline or an isolate control as a .notdef box (regression: box after phone numbers in cells)', () => {
    for (const text of ['one\ntwo', '+964 750 000 0281\nlegal@unhcr.example.org', 'اتصل +964 750 000 0281\nثم']) {
      const { lines } = layoutParagraph(text, 'ar', { width: 300, fontSize: 10 });
      for (const l of lines) for (const r of l.runs) expect(r.glyphs.map((g) => g.gid)).not.toContain(0);
    }
  });

  it('honours hard line breaks', () => {
    const { lines } = layoutParagraph('one\ntwo', 'en', { width: 500, fontSize: 11 });
    expect(lines).toHaveLength(2);
  });
});

describe('generated numbers', () => {
  it('numbers sub-headings 8.1 in Latin digits and ٨-١ in Arabic-Indic digits', () => {
    expect(formatHeadingNumber([8, 1, 2], { digits: 'latn' })).toBe('8.1.2');
    expect(formatHeadingNumber([8, 1], { digits: 'arab' })).toBe('٨-١');
  });

  it('draws "٨-١" right to left: 8 on the right of 1', () => {
    const { lines } = layoutParagraph('٨-١ العنوان', 'ar', { width: 300, fontSize: 11 });
    const glyphs = lines[0]!.runs.flatMap((r) => r.glyphs.map((g, i) => ({ t: g.text, x: r.x + i })));
    const eight = lines[0]!.runs.find((r) => r.glyphs.some((g) => g.text === '٨'))!;
    const one = lines[0]!.runs.find((r) => r.glyphs.some((g) => g.text === '١'))!;
    expect(eight.x).toBeGreaterThan(one.x);
    expect(glyphs.length).toBeGreaterThan(3);
  });
});
