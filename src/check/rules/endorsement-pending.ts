import { diagnostic } from '../../diag/index.js';
import type { Rule } from '../types.js';

/** R5/R6: a final SOP lists who has not endorsed this version yet; dissemination never waits for it. */
export const endorsementPending: Rule = {
  id: 'endorsement-pending',
  severity: 'warning',
  description: 'a final SOP has agencies that have not endorsed its current version (never an error)',
  help: 'When an agency signs, set its `endorsement: { version: "X.Y", date: YYYY-MM-DD }` in sop.yaml. Dissemination may start while signatures are collected, so this is only a warning.',
  run(ctx, report) {
    const { manifest, manifestPositions, manifestFile } = ctx.model;
    if (manifest.status !== 'final') return;
    manifest.agencies.forEach((agency, i) => {
      const e = agency.endorsement;
      if (e && e.version === manifest.version) return;
      const name = agency.name?.en ?? Object.values(agency.name ?? {})[0] ?? agency.id;
      const pointer = manifestPositions.has(`/agencies/${i}/endorsement`) ? `/agencies/${i}/endorsement` : `/agencies/${i}/id`;
      const state = !e ? 'has not endorsed it yet' : `endorsed version ${e.version} (${e.date}), not this one`;
      report(
        diagnostic(
          'endorsement-pending',
          'warning',
          `${name} (${agency.id}) ${state}: the SOP is final at version ${manifest.version}`,
          { ...manifestPositions.at(pointer), file: manifestFile },
          `When ${name} signs version ${manifest.version}, write endorsement: { version: "${manifest.version}", date: YYYY-MM-DD }.`,
        ),
      );
    });
  },
};
