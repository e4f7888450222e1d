import type { Root } from 'mdast';
import { diagnostic } from '../../diag/index.js';
import { markdownFiles } from '../each.js';
import { proseText } from '../scan.js';
import { ARABIC_SCRIPT_LANGUAGES, baseLanguage } from '../text.js';
import type { Rule } from '../types.js';

/** Fewer letters than this and the sample is too small to judge. */
const MIN_LETTERS = 40;

const ARABIC_LETTER = /^(?=\p{L})\p{Script=Arabic}$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;
const NEITHER = 1;
const ARABIC = 2;
const LATIN = 3;

/** What one code point is: an Arabic-script letter (not a mark or digit), a Latin-script one, or neither. */
const kindOf = (ch: string): number => (ARABIC_LETTER.test(ch) ? ARABIC : LATIN_LETTER.test(ch) ? LATIN : NEITHER);

/**
 * The kind of each UTF-16 code unit seen so far (0: not looked up yet). A section uses a
 * few hundred distinct characters: each is matched against the Unicode properties once
 * per process, the rest is a table look-up. Matching the prose with the properties made
 * the regular expression engine test every character against both scripts' ranges, and
 * matching every letter into a list of one-letter strings made ~9 MB of garbage per
 * check of the example.
 */
const kinds = new Uint8Array(0x10000);

function countLetters(s: string): { arabic: number; latin: number } {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let kind: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      kind = kindOf(s.slice(i, i + 2)); // outside the BMP: rare, not kept
      i += 1;
    } else {
      kind = kinds[c] || (kinds[c] = kindOf(s[i]!));
    }
    if (kind === ARABIC) arabic += 1;
    else if (kind === LATIN) latin += 1;
  }
  return { arabic, latin };
}

/** Letters of the prose: no code, no URLs or e-mail addresses, no Latin acronyms (UNICEF, CPIMS+). */
export function letterCounts(tree: Root): { arabic: number; latin: number } {
  const prose = proseText(tree)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]+[a-z]?\b\+?/g, ' ');
  return countLetters(prose);
}

/** R2: one language per section; a section whose text is mostly in another language was probably pasted into the wrong folder. */
export const sectionLanguage: Rule = {
  id: 'section-language',
  severity: 'warning',
  description: 'a section\'s text is mostly in another language than its folder',
  help: 'Counting Arabic-script letters against Latin letters in the prose (code, URLs and acronyms are ignored): a section under sections/ar/ should be mostly Arabic, one under sections/en/ mostly Latin. Move the file to the right folder, or translate it.',
  run(ctx, report) {
    for (const f of markdownFiles(ctx.model)) {
      const { arabic, latin } = ctx.view(f).letters;
      const total = arabic + latin;
      if (total < MIN_LETTERS) continue;
      const share = arabic / total;
      const expectArabic = ARABIC_SCRIPT_LANGUAGES.has(baseLanguage(f.lang));
      const wrong = expectArabic ? share < 0.5 : share > 0.5;
      if (!wrong) continue;
      const pct = Math.round((expectArabic ? share : 1 - share) * 100);
      report(
        diagnostic(
          'section-language',
          'warning',
          `${f.file} is in the "${f.lang}" folder, but only ${pct}% of its letters are ${expectArabic ? 'Arabic' : 'Latin'}`,
          { file: f.file, line: f.bodyLine, column: 1 },
          `Check that the file is in the right language folder (sections/${f.lang}/) and holds the ${f.lang} text.`,
        ),
      );
    }
  },
};
