import { diagnostic, didYouMean } from '../../diag/index.js';
import { keyPosition } from '../context.js';
import type { Rule } from '../types.js';

export const componentUnknown: Rule = {
  id: 'component-unknown',
  severity: 'error',
  description: 'a section names a component id that the checklist profile does not know',
  help: 'The `component` key of a section must be one of the profile\'s component ids (e.g. eligibility, case-management-process). A typo hides the section from the checklist.',
  run(ctx, report) {
    const ids = ctx.model.profile.components.map((c) => c.id);
    for (const s of ctx.model.sections) {
      if (s.component === undefined || ids.includes(s.component)) continue;
      const guess = didYouMean(s.component, ids);
      report(
        diagnostic(
          'component-unknown',
          'error',
          `unknown component "${s.component}" in ${s.file}${guess ? ` — did you mean "${guess}"?` : ''}`,
          keyPosition(s, 'component'),
          guess ? `Write \`component: ${guess}\`.` : `Known components: ${ids.join(', ')}.`,
        ),
      );
    }
  },
};
