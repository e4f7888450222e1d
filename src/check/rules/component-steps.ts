import { diagnostic } from '../../diag/index.js';
import { brokenSectionMayHold, valuePosition } from '../context.js';
import { headingsIn } from '../scan.js';
import { keywordMatcher, keywordsFor } from '../keywords.js';
import { foldForMatch } from '../text.js';
import type { Rule } from '../types.js';

/**
 * Component 11 is complete only when all six steps are covered: some heading of the
 * component's section(s) in each language must contain one of the step's keywords.
 * Works for any profile component that lists `steps`.
 */
export const componentSteps: Rule = {
  id: 'component-steps',
  severity: 'error',
  description: 'a step of a component with steps (the case management process) has no heading',
  help: 'The profile lists the steps the component must cover and, per language, keywords of which one must appear in a heading of the component\'s section(s), e.g. "## Case planning". A keyword counts as whole words only («المركز» is not found in «المركزي», "plan" not in "planning"); Arabic matching ignores diacritics and alef forms and allows the joined prefixes و ف ب ك ل and ال.',
  run(ctx, report) {
    const { model } = ctx;
    for (const comp of model.profile.components) {
      if (!comp.steps?.length) continue;
      for (const lang of model.manifest.languages) {
        const sections = model.sections.filter((s) => s.lang === lang && s.component === comp.id);
        if (!sections.length || brokenSectionMayHold(model, lang, comp.id)) continue;
        const headings = sections.flatMap((s) => headingsIn(ctx.view(s).tree).map((h) => foldForMatch(h.text)));
        for (const step of comp.steps) {
          const words = keywordsFor(step.keywords, lang);
          if (!words?.length) continue;
          if (headings.some(keywordMatcher(words, lang))) continue;
          const title = step.title[lang] ?? step.title.en ?? step.id;
          report(
            diagnostic(
              'component-steps',
              'error',
              `component ${comp.n} (${comp.title.en ?? comp.id}) in ${lang} does not cover the step "${step.title.en ?? step.id}": no heading contains ${words.map((w) => `"${w}"`).join(' or ')}`,
              valuePosition(sections[0]!, 'component'),
              `Add a heading for this step, e.g. "## ${title}", and describe it.`,
            ),
          );
        }
      }
    }
  },
};
