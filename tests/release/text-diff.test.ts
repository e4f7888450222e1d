import { describe, expect, it } from 'vitest';
import { countChangedWords, diffText, redlineHtml, tokenize } from '../../src/diff/index.js';

describe('tokenize', () => {
  it('keeps Arabic words with harakat, tatweel and Arabic-Indic digits whole', () => {
    const text = 'يُحال الطفلُ خلال ٢٤ ساعةً — فوراً، ثم المتابعـــة.';
    const words = tokenize(text).map((t) => t.trim());
    expect(words).toEqual(['يُحال', 'الطفلُ', 'خلال', '٢٤', 'ساعةً', '—', 'فوراً', '،', 'ثم', 'المتابعـــة', '.']);
    expect(tokenize(text).join('')).toBe(text);
  });
  it('keeps hyphenated and apostrophe words whole, punctuation apart', () => {
    expect(tokenize("the child's post-exposure care (PEP).").map((t) => t.trim())).toEqual(['the', "child's", 'post-exposure', 'care', '(', 'PEP', ')', '.']);
  });
});

describe('diffText', () => {
  it('marks only the changed Arabic word', () => {
    const runs = diffText('فقد يكون لطفلين — عمل الأطفال مثلًا — مستويا خطورة', 'فقد يكون لطفلين — زواج الأطفال مثلًا — مستويا خطورة');
    expect(runs.filter((r) => r.op !== 'equal').map((r) => [r.op, r.text.trim()])).toEqual([
      ['delete', 'عمل'],
      ['insert', 'زواج'],
    ]);
    expect(countChangedWords(runs)).toEqual({ inserted: 1, deleted: 1 });
  });
  it('does not report re-wrapped lines or changed spacing as a change', () => {
    const runs = diffText('one two\nthree four', 'one two three   four');
    expect(runs.every((r) => r.op === 'equal')).toBe(true);
  });
  it('renders <ins>/<del> around words only, escaped', () => {
    const html = redlineHtml(diffText('a <b> c', 'a <x> c'));
    expect(html).toBe('a &lt;<del>b</del> <ins>x</ins>&gt; c');
  });
});

describe('redlineHtml spacing', () => {
  it('keeps a replaced last word apart from its replacement (Arabic letters must not join across the marks)', () => {
    expect(redlineHtml(diffText('نص قديم', 'نص جديد'))).toBe('نص <del>قديم</del> <ins>جديد</ins>');
    expect(redlineHtml(diffText('the child.', 'the children.'))).toBe('the <del>child</del> <ins>children</ins>.');
  });
});
