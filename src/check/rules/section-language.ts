import type { Root } from 'mdast';
import { diagnostic } from '../../diag/index.js';
import { markdownFiles } from '../each.js';
import { proseText } from '../scan.js';
import { ARABIC_SCRIPT_LANGUAGES, baseLanguage } from '../text.js';
import type { Rule } from '../types.js';

/** Fewer letters than this and the sample is too small to judge. */
const MIN_LETTERS = 40;

/** Runs of Arabic-script letters (not marks or digits), and of Latin-script ones. */
const ARABIC_LETTERS = /(?:(?=\p{L})\p{Script=Arabic})+/gu;
const LATIN_LETTERS = /\p{Script=Latin}+/gu;

/**
 * How many code points the runs that global pattern `re` matches in `s` hold, counted in
 * place: matching every letter into a list of one-letter strings made ~9 MB of garbage
 * per check of the example, and a match per letter was slower than one per run.
 */
function countInRuns(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    for (let i = m.index; i < re.lastIndex; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n += 1; // the second half of a surrogate pair is not another letter
    }
  }
  return n;
}

/** Letters of the prose: no code, no URLs or e-mail addresses, no Latin acronyms (UNICEF, CPIMS+). */
export function letterCounts(tree: Root): { arabic: number; latin: number } {
  const prose = proseText(tree)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]+[a-z]?\b\+?/g, ' ');
  return { arabic: countInRuns(ARABIC_LETTERS, prose), latin: countInRuns(LATIN_LETTERS, prose) };
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
