/** Unit: heading → component matching of `sopkit import`, and the bookmark names of the export. */
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/model/index.js';
import { headingNumber, matchComponent, normalizeTitle, stripNumbering } from '../../src/word/import/match.js';
import { anchorName, fileKey, parseAnchor } from '../../src/word/anchors.js';
import { scriptPieces } from '../../src/word/export/blocks.js';

describe('import: heading matching', () => {
  it('strips manual numbering in both scripts', () => {
    expect(stripNumbering('8. Eligibility')).toBe('Eligibility');
    expect(stripNumbering('٨- معايير الأهلية')).toBe('معايير الأهلية');
    expect(stripNumbering('Component 12: Referral')).toBe('Referral');
    expect(stripNumbering('(3) Purpose')).toBe('Purpose');
    expect(headingNumber('١٨. الملاحق')).toBe(18);
    expect(headingNumber('Annexes')).toBeUndefined();
  });

  it('folds Arabic letter variants and diacritics', () => {
    expect(normalizeTitle('الإحالة')).toBe(normalizeTitle('احالة'));
    expect(normalizeTitle('مُعَايِيرُ')).toBe(normalizeTitle('معايير'));
  });

  it('maps headings of both languages to the profile; a stranger stays unmapped', async () => {
    const p = await loadProfile('.', 'cpcm-interagency');
    expect(matchComponent(p, '8. Eligibility criteria').component?.id).toBe('eligibility');
    expect(matchComponent(p, '٨. معايير الأهلية ومخطط التدفق').component?.id).toBe('eligibility');
    expect(matchComponent(p, 'Guiding Principles').component?.id).toBe('guiding-principles');
    expect(matchComponent(p, 'Lunch menu of the workshop').component).toBeUndefined();
    const byNumber = matchComponent(p, '١٨. الملاحق');
    expect([byNumber.component?.id, byNumber.byNumber]).toEqual(['annexes', true]);
  });
});

describe('export: bookmarks and script runs', () => {
  it('bookmark names encode file and line within Word\'s 40 characters, and read back', () => {
    const key = fileKey({ kind: 'section', lang: 'en', name: '08-eligibility.md' });
    expect(anchorName(key, 12)).toBe('sop_s_en_08_eligibility_L12');
    const long = anchorName(fileKey({ kind: 'markdown-annex', lang: 'ar', name: '06-competency-framework-for-supervisors.md' }), 1234);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(parseAnchor(long)?.line).toBe(1234);
    expect(parseAnchor('_Toc12345')).toBeUndefined();
  });

  it('Arabic text is cut into rtl runs, Latin words and numbers stay ltr runs, in logical order', () => {
    expect(scriptPieces('نظام CPIMS+ للحالات', true)).toEqual([['نظام', true], [' CPIMS+ ', false], ['للحالات', true]]);
    expect(scriptPieces('plain English', false)).toEqual([['plain English', false]]);
  });
});
