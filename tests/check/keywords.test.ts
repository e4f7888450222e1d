import { describe, expect, it } from 'vitest';
import { hasKeyword } from '../../src/check/keywords.js';
import { headingsIn } from '../../src/check/scan.js';
import { foldForMatch } from '../../src/check/text.js';
import { loadProfile, loadSop, shippedProfileIds } from '../../src/model/index.js';
import { parseBody } from '../../src/document/index.js';

/**
 * keywords.ts finds a keyword's written forms (clitics + core) with a letter test on either
 * side; it replaced one regular expression per keyword (look-behind, clitic alternatives,
 * core, look-ahead), which is kept here as the reference: both must agree on every heading
 * of the example and on every shipped keyword in and next to words, letters, digits and
 * characters outside the BMP.
 */
const LETTER = '[\\p{L}\\p{M}\\p{N}]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function reference(text: string, words: readonly string[], lang: string): boolean {
  const folded = foldForMatch(text);
  return words.some((w) => {
    const f = foldForMatch(w);
    let core = f;
    let prefix = '';
    if (['ar', 'fa', 'ur', 'ps', 'ckb', 'ku', 'sd', 'ug'].includes(lang.split('-')[0]!.toLowerCase())) {
      if (f.startsWith('\u0627\u0644') && f.length > 2) {
        core = f.slice(2);
        prefix = '(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)';
      } else prefix = '(?:[\u0648\u0641]?(?:[\u0628\u0643]?(?:\u0627\u0644)?|\u0644(?:\u0627\u0644|\u0644)?))';
    }
    return core !== '' && new RegExp(`(?<!${LETTER})${prefix}${escape(core)}(?!${LETTER})`, 'u').test(folded);
  });
}

describe('keyword matching', () => {
  it('agrees with one regular expression per keyword', async () => {
    const lists: Array<{ lang: string; words: string[] }> = [];
    for (const id of await shippedProfileIds()) {
      const p = await loadProfile('', id, { shippedOnly: true });
      for (const k of [...p.components.flatMap((c) => (c.steps ?? []).map((s) => s.keywords)), ...(p.topics ?? []).map((t) => t.keywords)]) {
        for (const [lang, words] of Object.entries(k)) lists.push({ lang, words });
      }
    }
    const { model } = await loadSop('sop-sources');
    const texts: Record<string, string[]> = {};
    for (const s of model.sections) (texts[s.lang] ??= []).push(...headingsIn(parseBody(s.body)).map((h) => h.text));
    const around = ['', 'x', '1', '\u0661', '\u0648', '\u0644', '\u0644\u0644', '\u0627\u0644', '\u0648\u0627\u0644', '\u0641\u0628\u0627\u0644', '\u064A', '\u{1D49C}', '-', ' ', '(', '\u0300'];
    let checked = 0;
    let found = 0;
    for (const { lang, words } of lists) {
      const variants = words.flatMap((w) => around.flatMap((a) => around.map((b) => `${a}${w}${b}`)));
      for (const text of [...(texts[lang] ?? []), ...variants, ...words.map((w) => `دور ${w} ثم ${w}ي`)]) {
        const want = reference(text, words, lang);
        expect(hasKeyword(text, words, lang), `${lang} ${JSON.stringify(text)} ${JSON.stringify(words)}`).toBe(want);
        checked += 1;
        if (want) found += 1;
      }
    }
    expect(lists.length).toBeGreaterThan(10);
    // Both answers occur often.
    expect(found).toBeGreaterThan(100);
    expect(checked - found).toBeGreaterThan(100);
  });
});
