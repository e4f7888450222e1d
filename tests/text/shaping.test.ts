import { describe, expect, it } from 'vitest';
import { getFonts, layoutParagraph, uncoveredCharacters } from '../../src/text/index.js';
import { shapeRange } from '../helpers/glyphs.js';

const naskh = () => getFonts().arabic;

describe('shaping (HarfBuzz)', () => {
  it('joins Arabic letters: medial/final forms differ from the isolated letter', () => {
    const isolated = shapeRange(naskh(), 'س', 0, 1, true, 'ar')[0]!.gid;
    const word = shapeRange(naskh(), 'سسس', 0, 3, true, 'ar'); // seen has no dots: one glyph per letter
    expect(word).toHaveLength(3);
    expect(new Set(word.map((g) => g.gid)).size).toBe(3); // initial, medial, final
    expect(word.map((g) => g.gid)).not.toContain(isolated);
  });

  it('forms the lam-alef ligature (not the two isolated letters)', () => {
    const lam = shapeRange(naskh(), 'ل', 0, 1, true, 'ar')[0]!.gid;
    const alef = shapeRange(naskh(), 'ا', 0, 1, true, 'ar')[0]!.gid;
    const la = shapeRange(naskh(), 'لا', 0, 2, true, 'ar');
    expect(la.length).toBeLessThanOrEqual(2);
    expect(la.map((g) => g.gid)).not.toContain(lam);
    expect(la.map((g) => g.gid)).not.toContain(alef);
  });

  it('positions marks: a fatha has no advance and is moved onto its letter', () => {
    const glyphs = shapeRange(naskh(), 'بَ', 0, 2, true, 'ar');
    const mark = glyphs.find((g) => g.cluster === 1)!;
    expect(mark.advance).toBe(0);
    expect(mark.xOffset !== 0 || mark.yOffset !== 0).toBe(true);
  });

  it('returns right-to-left glyphs in visual order (last character first)', () => {
    const glyphs = shapeRange(naskh(), 'سلام', 0, 4, true, 'ar');
    expect(glyphs[0]!.cluster).toBeGreaterThan(glyphs[glyphs.length - 1]!.cluster);
  });

  it('applies Latin kerning (AV is narrower than A + V)', () => {
    const latin = getFonts().latin;
    const av = shapeRange(latin, 'AV', 0, 2, false, 'en').reduce((a, g) => a + g.advance, 0);
    const a = shapeRange(latin, 'A', 0, 1, false, 'en')[0]!.advance;
    const v = shapeRange(latin, 'V', 0, 1, false, 'en')[0]!.advance;
    expect(av).toBeLessThan(a + v);
  });
});

describe('font fallback and coverage', () => {
  it('sets Arabic in Naskh and Latin in Noto Sans within one paragraph', () => {
    const { lines } = layoutParagraph('إدارة الحالات CPCM', 'ar', { width: 400, fontSize: 11 });
    const faces = new Set(lines[0]!.runs.map((r) => r.face.id));
    expect(faces).toEqual(new Set(['naskh-400', 'sans-400']));
  });

  it('lists characters no font covers, with line and column', () => {
    const found = uncoveredCharacters('سطر أول\nok ☃ and ☃ again');
    expect(found).toEqual([{ char: '☃', code: 'U+2603', index: 11, line: 2, column: 4 }]);
    expect(uncoveredCharacters('عربي English ٢٠٢٦ 2026 — «»')).toEqual([]);
  });
});
