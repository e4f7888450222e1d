import { diagnostic } from '../../diag/index.js';
import { markdownFiles } from '../each.js';
import { ARABIC_SCRIPT_LANGUAGES, baseLanguage } from '../text.js';
import type { Rule } from '../types.js';

/** Fewer letters than this and the sample is too small to judge. */
const MIN_LETTERS = 40;

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
