import type { Root } from 'mdast';
import { diagnostic } from '../../diag/index.js';
import { markdownFiles } from '../each.js';
import { proseText } from '../scan.js';
import { ARABIC_SCRIPT_LANGUAGES, baseLanguage } from '../text.js';
import type { Rule } from '../types.js';

/** Fewer letters than this and the sample is too small to judge. */
const MIN_LETTERS = 40;

/** An Arabic-script letter (not a mark or digit), and a Latin-script one. */
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * How many times global pattern `re` matches in `s`. `test` moves `lastIndex` on without
 * making a match array or a string per match (matching every letter into an array made
 * ~9 MB of garbage per check of the example).
 */
function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.test(s)) n += 1;
  return n;
}

/** Letters of the prose: no code, no URLs or e-mail addresses, no Latin acronyms (UNICEF, CPIMS+). */
export function letterCounts(tree: Root): { arabic: number; latin: number } {
  const prose = proseText(tree)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]+[a-z]?\b\+?/g, ' ');
  return { arabic: countMatches(ARABIC_LETTER, prose), latin: countMatches(LATIN_LETTER, prose) };
}

/** R2: one language per section; a section whose text is mostly in another language was probably pasted into the wrong folder. */
export const sectionLanguage: Rule = {
  id: 'section-language',
  severity: 'warning',
  description: 'a section\'s text is mostly in another language than its folder',
  help: 'Counting Arabic-script letters against Latin letters in the prose (code, URLs and acronyms are ignored): a section under sections/ar/ should be mostly Arabic, one under sections/en/ mostly Latin. Move the file to the right folder, or translate it.',
  run(ctx, report) {
    for (const f of markdownFiles(ctx.model)) {
      const { arabic, latin } = letterCounts(ctx.mdast(f));
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
