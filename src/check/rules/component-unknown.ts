import { diagnostic } from '../../diag/index.js';
import { keyPosition } from '../context.js';
import { unknownIdRule } from '../each.js';

export const componentUnknown = unknownIdRule(
  {
    id: 'component-unknown',
    severity: 'error',
    description: 'a section names a component id that the checklist profile does not know',
    help: 'The `component` key of a section must be one of the profile\'s component ids (e.g. eligibility, case-management-process). A typo hides the section from the checklist.',
  },
  'component',
  (model) => model.profile.components.map((c) => c.id),
  (s, value, guess, ids) =>
    diagnostic(
      'component-unknown',
      'error',
      `unknown component "${value}" in ${s.file}${guess ? ` — did you mean "${guess}"?` : ''}`,
      keyPosition(s, 'component'),
      guess ? `Write \`component: ${guess}\`.` : `Known components: ${ids.join(', ')}.`,
    ),
);
