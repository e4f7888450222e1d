import { diagnostic, didYouMean } from '../../diag/index.js';
import { valuePosition } from '../context.js';
import type { Rule } from '../types.js';

/** R12: a section's `owner` is the id of an agency in sop.yaml. */
export const ownerUnknown: Rule = {
  id: 'owner-unknown',
  severity: 'error',
  description: 'a section\'s owner is not an agency id from sop.yaml',
  help: 'The optional `owner:` of a section names the agency that drafts it, by its id in sop.yaml `agencies`. `sopkit check --owners` lists sections per owner.',
  run(ctx, report) {
    const ids = ctx.model.manifest.agencies.map((a) => a.id);
    for (const s of ctx.model.sections) {
      if (s.owner === undefined || ids.includes(s.owner)) continue;
      const guess = didYouMean(s.owner, ids);
      report(diagnostic('owner-unknown', 'error', `owner "${s.owner}" of ${s.file} is not an agency in sop.yaml${guess ? ` — did you mean "${guess}"?` : ''}`, valuePosition(s, 'owner'), `Agency ids: ${ids.join(', ')}.`));
    }
  },
};
