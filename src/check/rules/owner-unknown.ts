import { diagnostic } from '../../diag/index.js';
import { valuePosition } from '../context.js';
import { unknownIdRule } from '../each.js';

/** R12: a section's `owner` is the id of an agency in sop.yaml. */
export const ownerUnknown = unknownIdRule(
  {
    id: 'owner-unknown',
    severity: 'error',
    description: 'a section\'s owner is not an agency id from sop.yaml',
    help: 'The optional `owner:` of a section names the agency that drafts it, by its id in sop.yaml `agencies`. `sopkit check --owners` lists sections per owner.',
  },
  'owner',
  (model) => model.manifest.agencies.map((a) => a.id),
  (s, value, guess, ids) => diagnostic('owner-unknown', 'error', `owner "${value}" of ${s.file} is not an agency in sop.yaml${guess ? ` — did you mean "${guess}"?` : ''}`, valuePosition(s, 'owner'), `Agency ids: ${ids.join(', ')}.`),
);
