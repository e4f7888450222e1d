import { describe, expect, it } from 'vitest';
import {
  SlugAllocator, defaultDigits, digitsFor, directionOf, formatNumber, headingSlugs, label, localized, localizeDigits, resolveAnchor, scopeAnchors, slugify,
} from '../../src/i18n/index.js';

describe('directionOf: one list, by primary subtag, script subtags respected', () => {
  it.each([
    ['ar', 'rtl'], ['ar-SY', 'rtl'], ['sd', 'rtl'], ['ur', 'rtl'], ['ur-PK', 'rtl'], ['fa', 'rtl'], ['he', 'rtl'], ['ckb', 'rtl'], ['ckb-IQ', 'rtl'],
    ['ps', 'rtl'], ['yi', 'rtl'], ['dv', 'rtl'], ['ug', 'rtl'],
    ['az', 'ltr'], ['az-Arab', 'rtl'], ['az-Arab-IR', 'rtl'], ['az-Latn', 'ltr'], ['ku', 'ltr'], ['ku-Arab', 'rtl'], ['sd-Deva', 'ltr'], ['ar-Latn', 'ltr'],
    ['pa', 'ltr'], ['pa-Arab', 'rtl'], ['en', 'ltr'], ['fr', 'ltr'], ['AR', 'rtl'], ['x-ar', 'ltr'],
  ])('%s reads %s', (lang, dir) => {
    expect(directionOf(lang)).toBe(dir);
  });
});

describe('localized: one picker, fallback order exact tag → primary language → SOP languages → first given', () => {
  const v = { en: 'Hello', ar: 'مرحبا', fr: 'Bonjour' };
  it('picks the language, then its primary subtag', () => {
    expect(localized(v, 'ar')).toBe('مرحبا');
    expect(localized(v, 'ar-SY')).toBe('مرحبا');
    expect(localized({ 'ar-SY': 'شامي', ar: 'فصحى' }, 'ar-SY')).toBe('شامي');
  });
  it('falls back to the SOP languages in order, then to the first text written', () => {
    expect(localized(v, 'ku', ['fr', 'en'])).toBe('Bonjour');
    expect(localized({ fr: 'Bonjour', en: 'Hello' }, 'ku')).toBe('Bonjour');
    expect(localized({ fr: 'Bonjour', en: 'Hello' }, 'ku', ['en'])).toBe('Hello');
  });
  it('keeps plain values and never returns undefined', () => {
    expect(localized('same', 'ar')).toBe('same');
    expect(localized(48, 'ar')).toBe('48');
    expect(localized(undefined, 'ar')).toBe('');
    expect(localized(null, 'ar')).toBe('');
    expect(localized({}, 'ar')).toBe('');
    expect(localized({ ar: '' , en: 'x' }, 'ar')).toBe('');
  });
});

describe('digits', () => {
  it('Arabic-Indic for Arabic, Latin otherwise, sop.yaml wins', () => {
    expect(defaultDigits('ar')).toBe('arab');
    expect(defaultDigits('ar-SY')).toBe('arab');
    expect(defaultDigits('fa')).toBe('latn');
    expect(digitsFor({ digits: { ar: 'latn' } }, 'ar')).toBe('latn');
    expect(digitsFor({}, 'en')).toBe('latn');
    expect(localizeDigits('v2.1 p. 10', 'arab')).toBe('v٢٫١ p. ١٠');
    expect(formatNumber(2026, 'latn')).toBe('2026');
  });
});

describe('slugs', () => {
  it('one slugify for &, Arabic, digits, emoji and punctuation', () => {
    expect(slugify('Roles & Responsibilities')).toBe('roles-responsibilities');
    // Tashkeel and tatweel go; alef forms stay as written (a hamza is spelling).
    expect(slugify('الأدوارُ والمسؤوليـــات')).toBe('الأدوار-والمسؤوليات');
    expect(slugify('إدارة الحالة')).not.toBe(slugify('ادارة الحالة'));
    expect(slugify('Step 3 of 6')).toBe('step-3-of-6');
    expect(slugify('الخطوة ٣')).toBe('الخطوة-٣');
    expect(slugify('🚸 ✅')).toBe('section');
    expect(slugify('?!…')).toBe('section');
  });
  it('repeats get -1, -2 (GitHub rule), also after a heading that looks like a repeat', () => {
    expect(headingSlugs(['Notes', 'Notes', 'Notes'])).toEqual(['notes', 'notes-1', 'notes-2']);
    expect(headingSlugs(['A', 'A-1', 'A'])).toEqual(['a', 'a-1', 'a-2']);
    expect(headingSlugs(['🚸', '!!'])).toEqual(['section', 'section-1']);
    const a = new SlugAllocator();
    expect(a.heading('X')).toBe('x');
    expect(a.takeAll(['x'])).toBe(false);
    expect(a.takeAll(['y'])).toBe(true);
  });
  it('walks headings at any depth in reading order and resolves links as written or by slug', () => {
    const tree = { type: 'root', children: [
      { type: 'heading', children: [{ type: 'text', value: 'Roles & ' }, { type: 'strong', children: [{ type: 'text', value: 'Responsibilities' }] }, { type: 'footnoteReference' }] },
      { type: 'blockquote', children: [{ type: 'heading', children: [{ type: 'text', value: 'Roles & Responsibilities' }] }] },
    ] };
    const slugs = new Set(scopeAnchors([tree]));
    expect([...slugs]).toEqual(['roles-responsibilities', 'roles-responsibilities-1']);
    expect(resolveAnchor(slugs, 'roles-responsibilities-1')).toBe('roles-responsibilities-1');
    expect(resolveAnchor(slugs, 'Roles%20%26%20Responsibilities')).toBe('roles-responsibilities');
    expect(resolveAnchor(slugs, 'roles--responsibilities')).toBe('roles-responsibilities');
    expect(resolveAnchor(slugs, 'nothing')).toBeUndefined();
  });
});

describe('label catalogue', () => {
  it('one table with the English fallback and placeholders', () => {
    expect(label('version', 'ar')).toBe('الإصدار');
    expect(label('version', 'ku')).toBe('Version');
    expect(label('search', 'ar')).toBe('بحث');
    expect(label('goTo', 'en')).toBe('go to step');
    expect(label('goToShort', 'en')).toBe('go to');
    expect(label('sector.cp', 'ar')).toBe('حماية الطفل');
    expect(label('hoursDays', 'ar', { n: '٣' })).toBe('٣ أيام');
    expect(label('no-such-key', 'en')).toBe('no-such-key');
  });
});
