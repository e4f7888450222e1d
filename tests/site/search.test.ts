import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { buildSearchScript, compactIndex, createIndex, expandIndex, normalizeSearchText, searchTerm, type SearchDoc } from '../../src/site/index.js';

describe('Arabic normalization', () => {
  test.each([
    ['أ إ آ ٱ', 'ا ا ا ا'],
    ['مدرسة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['الأَهْلِيَّةُ', 'الاهليه'],
    ['حمـــاية', 'حمايه'],
    ['١٢٣', '123'],
    ['UNICEF', 'unicef'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  test('index terms drop the article and stop words', () => {
    expect(searchTerm('الأهلية')).toBe('اهلي');
    expect(searchTerm('أهلية')).toBe('اهلي');
    expect(searchTerm('وال')).toBe('وال');
    expect(searchTerm('في')).toBeNull();
    expect(searchTerm('the')).toBeNull();
  });

  test('light stemming: singular and plural, feminine, proclitic و share a term; short stems are kept', () => {
    expect(searchTerm('الأولوية')).toBe(searchTerm('الأولويات'));
    expect(searchTerm('المعلمين')).toBe(searchTerm('المعلمون'));
    expect(searchTerm('والطفل')).toBe(searchTerm('الطفل'));
    expect(searchTerm('الاستجابة')).toBe(searchTerm('استجابة'));
    // Three letters are never cut further (وقت is not و + قت).
    expect(searchTerm('وقت')).toBe('وقت');
    expect(searchTerm('Leila')).toBe('leila');
  });
});

const docs: SearchDoc[] = [
  { id: 'eligibility', title: '٨. معايير الأهلية ومخطط التدفق', text: 'يكون الطفل مؤهلًا لإدارة الحالة عندما تتحقق المعايير.' },
  { id: 'urgent-action', title: '١٠. الإجراءات الفورية', text: 'اتصل بالمشرف خلال ساعة واحدة في الحالات العاجلة.' },
  { id: 'referral-pathways--x', title: 'Safe referral', parent: '12. Referral', text: 'Use the common referral form.' },
];

describe('index', () => {
  test('the compact form expands to what MiniSearch itself serialized', () => {
    const ms = createIndex(docs);
    expect(expandIndex(compactIndex(ms))).toEqual(JSON.parse(JSON.stringify(ms.toJSON())));
  });

  test('the shipped script builds a working index in a browser-like global, with the same term function', () => {
    const script = buildSearchScript(docs);
    const window: Record<string, unknown> = {};
    vm.runInNewContext(script, { window });
    const term = window.SOPKIT_TERM as (t: string) => string | null;
    const ms = MiniSearch.loadJS(window.SOPKIT_SEARCH as never, { fields: ['text'], storeFields: [], processTerm: term });
    // Typed without hamza, without taa marbuta and without diacritics.
    expect(ms.search('اهليه', { prefix: true }).map((r) => r.id)).toContain('eligibility');
    expect(ms.search('الأَهْلِيَّة', { prefix: true })[0]?.id).toBe('eligibility');
    expect(ms.search('العاجله', { prefix: true })[0]?.id).toBe('urgent-action');
    expect(ms.search('REFERRAL', { prefix: true })[0]?.id).toBe('referral-pathways--x');
    expect(ms.search('nothing-like-this').length).toBe(0);
  });

  test('same documents, same bytes', () => {
    expect(buildSearchScript(docs)).toBe(buildSearchScript(structuredClone(docs)));
  });
});
