import { diagnostic } from '../../diag/index.js';
import { sourceLanguage } from '../context.js';
import { markdownFiles, translationGroups } from '../each.js';
import type { Rule } from '../types.js';

/** R9: every section exists in every working language (paired by file name). */
export const translationMissing: Rule = {
  id: 'translation-missing',
  severity: 'error',
  description: 'a section or Markdown annex exists in one language but not in another',
  help: 'Translations pair by file name: sections/ar/08-eligibility.md and sections/en/08-eligibility.md. Add the missing file (translate the source), or rename one so the names match.',
  run(ctx, report) {
    const langs = ctx.model.manifest.languages;
    const src = sourceLanguage(ctx.model);
    // A language with no files at all is one problem, already reported by the loader.
    const present = new Set(markdownFiles(ctx.model).map((f) => f.lang));
    for (const [key, g] of translationGroups(ctx.model)) {
      const have = g.get(src) ?? [...g.values()][0]!;
      const folder = key.split('/')[0];
      for (const lang of langs) {
        if (g.has(lang) || !present.has(lang)) continue;
        report(
          diagnostic(
            'translation-missing',
            'error',
            `${have.file} has no ${lang} version: ${folder}/${lang}/${have.name} is missing`,
            { file: have.file, line: 1, column: 1 },
            lang === src
              ? `${lang} is the source language: write ${folder}/${lang}/${have.name} (or rename ${have.file} to match its source file).`
              : `Translate it into ${folder}/${lang}/${have.name}, then run \`sopkit i18n sync ${folder}/${lang}/${have.name}\` in the SOP folder.`,
          ),
        );
      }
    }
  },
};
