import { diagnostic } from '../../diag/index.js';
import type { MarkdownFile } from '../../model/index.js';
import { valuePosition } from '../context.js';
import { translationsOfSource } from '../each.js';
import type { Rule } from '../types.js';

function sourceFingerprintOf(f: MarkdownFile): string | undefined {
  const v = f.frontMatter.source_fingerprint;
  return typeof v === 'string' ? v : undefined;
}

/** R9: a translation records the fingerprint of the source text it follows; a change in the source makes it stale. */
export const translationStale: Rule = {
  id: 'translation-stale',
  severity: 'warning',
  description: 'the source text changed since the translation was last synced (warning; error with --strict)',
  help: 'A translation\'s front-matter holds `source_fingerprint`, the fingerprint of the source-language text it was translated from. When the source changes, update the translation, then run `sopkit i18n sync FILE` to record the new fingerprint. `sopkit i18n status` lists every translation\'s state.',
  run(ctx, report) {
    for (const { source, lang, translation: t } of translationsOfSource(ctx.model)) {
      const fp = sourceFingerprintOf(t);
      if (fp === undefined || fp === source.fingerprint) continue;
      report(
        diagnostic(
          'translation-stale',
          ctx.options.strict ? 'error' : 'warning',
          `${t.file} is stale: ${source.file} changed since it was translated (source_fingerprint ${fp}, source is now ${source.fingerprint})`,
          valuePosition(t, 'source_fingerprint'),
          `Update the ${lang} text to match ${source.file}, then run \`sopkit i18n sync ${t.file}\` in the SOP folder.`,
        ),
      );
    }
  },
};

export const translationNotSynced: Rule = {
  id: 'translation-not-synced',
  severity: 'warning',
  description: 'a translation has no source_fingerprint, so sopkit cannot tell whether it is up to date',
  help: 'Run `sopkit i18n sync FILE` once the translation matches its source: it writes `source_fingerprint` into the translation\'s front-matter.',
  run(ctx, report) {
    for (const { source, translation: t } of translationsOfSource(ctx.model)) {
      if (t.frontMatterBroken || sourceFingerprintOf(t) !== undefined) continue;
      report(
        diagnostic(
          'translation-not-synced',
          'warning',
          `${t.file} is not synced with ${source.file} (no source_fingerprint)`,
          { file: t.file, line: 1, column: 1 },
          `When the translation matches the source, run \`sopkit i18n sync ${t.file}\` in the SOP folder.`,
        ),
      );
    }
  },
};
