import { diagnostic } from '../../diag/index.js';
import type { Rule } from '../types.js';

/**
 * Seed 000 lists annexes an SOP usually has (cpcm-interagency: the data-protection impact
 * assessment, the information-sharing protocol, job descriptions, M&E tools). The profile
 * names them by `kind`; an annex says what it is with `kind:` in its front-matter or
 * sidecar. Missing ones are information, not a problem: the guidance recommends them; a
 * profile may say `severity: warning` or `error` for an annex its family cannot do without.
 */
export const annexRecommended: Rule = {
  id: 'annex-recommended',
  severity: 'info',
  description: 'an annex the checklist profile recommends (by kind) is not among the annexes',
  help: 'The profile lists recommended (or, with `severity: error`, required) annexes by kind (`recommended_annexes`). Mark an annex with `kind: <kind>` in its front-matter (or its PDF sidecar) when it is one of them, or add the annex.',
  run(ctx, report) {
    const { model } = ctx;
    const kinds = new Set(model.annexes.map((a) => a.frontMatter.kind).filter((k): k is string => typeof k === 'string'));
    for (const r of model.profile.recommended_annexes ?? []) {
      if (kinds.has(r.kind)) continue;
      // A profile may require an annex (issue 13: "required annexes by kind"), not only recommend it.
      const severity = r.severity ?? 'info';
      report(
        diagnostic(
          'annex-recommended',
          severity,
          `no annex of kind "${r.kind}" (${r.title.en ?? Object.values(r.title)[0]}), which the profile ${model.profile.id} ${severity === 'error' ? 'requires' : 'recommends'}`,
          { ...model.manifestPositions.at('/profile'), file: model.manifestFile },
          `Add it as an annex with \`kind: ${r.kind}\` in its front-matter (or sidecar), or mark the existing annex that is one.`,
        ),
      );
    }
  },
};
