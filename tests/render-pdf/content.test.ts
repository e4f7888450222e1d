import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../src/layout/index.js';
import { linesToItems } from '../../src/frame/items.js';
import { itemsToOps } from '../../src/pdf/draw.js';
import { CidFontSet } from '../../src/pdf/index.js';
import type { GlyphRun } from '../../src/text/index.js';

async function ops(text: string, size: number): Promise<string> {
  const book = new CidFontSet();
  const { lines } = layoutParagraph(text, 'ar', { width: 400, fontSize: size });
  return itemsToOps(linesToItems(lines, 50, 50), 800, {
    code: (face, gid, t, zero) => book.code(face, gid, t, zero),
    font: (run: GlyphRun) => book.fontName(run.face),
    glyph: (run: GlyphRun, gid: number) => book.formName(run.face, gid),
    image: () => undefined,
  });
}

describe('content streams', () => {
  it('paints Naskh dots as paths at the exact scale of odd sizes (regression: 8.5 pt header dots drifted)', async () => {
    const out = await ops('تثبيت', 8.5);
    expect(out).toMatch(/ 0\.0085 0 0 0\.0085 [\d.]+ [\d.]+ cm/);
    expect(out).toMatch(/\/G\w+ Do/);
    // The dots are not text: no code for a text-less glyph is written inside TJ.
    expect(out).not.toMatch(/<(FE0\d|206\d)>/);
  });

  it('writes marks with zero width so extractors attach them to their letter', async () => {
    const fonts = new CidFontSet();
    const { lines } = layoutParagraph('بَ', 'ar', { width: 400, fontSize: 11 });
    const mark = lines[0]!.runs[0]!.glyphs.find((g) => g.text === 'َ')!;
    expect(mark.advance).toBe(0);
    const a = fonts.code(lines[0]!.runs[0]!.face, mark.gid, mark.text, true);
    const b = fonts.code(lines[0]!.runs[0]!.face, mark.gid, mark.text, true);
    expect(a).toBe(b); // one code per (glyph, text)
  });

  it('gives a table cell line a leading space in its extracted text, on the glyph pdf.js keeps it with', () => {
    const texts = (text: string, lang: string, separate: boolean) => {
      const book = new CidFontSet();
      const seen: string[] = [];
      const { lines } = layoutParagraph(text, lang, { width: 400, fontSize: 10 });
      const items = linesToItems(lines, 50, 50).map((it) => (it.kind === 'text' ? { ...it, separate } : it));
      itemsToOps(items, 800, {
        code: (face, gid, t, zero) => (seen.push(t), book.code(face, gid, t, zero)),
        font: (run: GlyphRun) => book.fontName(run.face),
        glyph: (run: GlyphRun, gid: number) => book.formName(run.face, gid),
        image: () => undefined,
      });
      return seen;
    };
    // Right to left: stream order is visual, so the logically first letter is written last;
    // pdf.js reverses the piece, which brings "letter + space" to the front as " letter".
    expect(texts('الموقع', 'ar', true).at(-1)).toBe('ا ');
    // Left to right: the leftmost glyph, behind an invisible ZWSP (pdf.js drops a glyph whose text starts with a space).
    expect(texts('1,300', 'ar', true)[0]).toBe('\u200B 1');
    // Other lines are unchanged.
    expect(texts('الموقع', 'ar', false).join('')).not.toMatch(/\s/);
    // Inside a line: a Latin word and the Arabic left of it start after a leftward jump of
    // the pen, and the source has a space before each.
    const mixed = texts('في مجال GBV وتحدد', 'ar', false);
    expect(mixed).toContain('\u200B G');
    expect(mixed.filter((t) => /^\S+ $/u.test(t))).toHaveLength(1);
    expect(texts('في مجال GBVوتحدد', 'ar', false).filter((t) => /^\S+ $/u.test(t))).toHaveLength(0);
    // A bracket at the edge is a boundary too: pdf.js reads "CPIMS+ (" in visual order, so
    // its space does not end up next to the Arabic word that follows.
    expect(texts('في نظام CPIMS+ (كانون الثاني', 'ar', false).filter((t) => /^\S+ $/u.test(t))).toHaveLength(1);
  });
});
