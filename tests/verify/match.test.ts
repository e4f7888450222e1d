import { describe, expect, it } from 'vitest';
import { placeText, prepareArea } from '../../src/verify/match.js';

const place = (expected: string, header: string, page = header) => placeText(expected, prepareArea(header), prepareArea(page));

describe('placeText', () => {
  it('finds text as written, with other spacing, or with variation selectors and bidi marks in it', () => {
    expect(place('Version 2.1 — 22 November 2026', 'Title Version 2.1 — 22 November 2026')).toBe('header');
    expect(place('Version 2.1 — 22 November 2026', 'Version 2.1—22 November\n2026')).toBe('header');
    // What pdf.js returns for sopkit's Arabic header: U+FE0x on dot glyphs, a space moved.
    expect(place('إجراءات إدارة حالات حماية الطفل — وادي النور', 'إ︂ج︀راءات ︄ إ︂دارة ︄ حالات ︄ حماي︃ة︄  الطف︁ل—  وادي ︃ الن︁ور')).toBe('header');
  });

  it('accepts the words of a mixed-direction header in another order, in the header area only', () => {
    const expected = 'الملحق ١ — إجراءات إدارة الحالات v٢٫١';
    const extracted = '— ٢٢ نوفمبر ٢٠٢٦ vالملحق ١ — إجراءات إدارة الحالات ٢٫١';
    expect(place(expected, extracted)).toBe('header');
    expect(place(expected, '', extracted)).toBe('missing');
    // A word short is not the header.
    expect(place(expected, 'vالملحق ١ — إجراءات إدارة ٢٫١')).toBe('missing');
    expect(place('Version 2.1', 'Version 2.2')).toBe('missing');
  });

  it('finds the text lower on the page and says so', () => {
    expect(place('Version 2.1', 'nothing here', 'body … Version 2.1')).toBe('page');
  });
});
