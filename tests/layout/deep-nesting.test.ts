// Issue 10: past ~20 levels nested lists stopped indenting and lost their bullets. Up to
// the Markdown nesting limit (32) every level keeps its marker (and quotes their bar).
import { describe, expect, it } from 'vitest';
import { layoutSop } from '../../src/layout/index.js';
import type { TextItem } from '../../src/frame/types.js';
import { MAX_BLOCK_DEPTH } from '../../src/markdown/index.js';
import { section, sopWith } from './sop-fixture.js';

const textOf = (item: TextItem) => item.runs.map((r) => r.glyphs.map((g) => g.text).join('')).join('');

const deepList = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- ${word} ${i + 1}`).join('\n');

describe('deep nesting in the PDF layout', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: a list nested ${MAX_BLOCK_DEPTH} levels deep shows a marker on every level, inside the page`, async () => {
      const word = lang === 'ar' ? 'مستوى' : 'level';
      const model = await sopWith({ [`sections/${lang}/01-a.md`]: section('existing-system', 'Deep', `## Deep\n\n${deepList(MAX_BLOCK_DEPTH, word)}\n`) });
      const { frames } = await layoutSop(model, lang);
      const texts = frames.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text').map((i) => ({ i, p })));
      const markers = texts.filter(({ i }) => /^[•–]$/.test(textOf(i).trim()));
      expect(markers.length).toBe(MAX_BLOCK_DEPTH);
      // Each level's marker sits further in than the one before (reading direction).
      const xs = markers.map(({ i }) => i.x);
      for (let k = 1; k < xs.length; k++) expect(lang === 'ar' ? xs[k]! < xs[k - 1]! : xs[k]! > xs[k - 1]!).toBe(true);
      for (const { i, p } of texts) {
        expect(i.x).toBeGreaterThanOrEqual(0);
        expect(i.x).toBeLessThan(p.width);
      }
    });
  }

  it('16 quotes holding 16 lists on one line: 16 bars and 16 markers', async () => {
    const model = await sopWith({ 'sections/en/01-a.md': section('existing-system', 'Deep', `${'> - '.repeat(16)}mixed\n`) });
    const { frames } = await layoutSop(model, 'en');
    const items = frames.pages.flatMap((p) => p.items);
    const markers = items.filter((i): i is TextItem => i.kind === 'text' && /^[•–]$/.test(textOf(i).trim()));
    const bars = items.filter((i) => i.kind === 'rule' && i.x1 === i.x2 && i.width === 2);
    expect(markers.length).toBe(16);
    expect(bars.length).toBeGreaterThanOrEqual(16);
  });
});
