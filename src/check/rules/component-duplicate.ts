import { diagnostic } from '../../diag/index.js';
import { keyPosition } from '../context.js';
import type { Rule } from '../types.js';
import type { Section } from '../../model/index.js';

export const componentDuplicate: Rule = {
  id: 'component-duplicate',
  severity: 'error',
  description: 'two sections of one language hold the same component without distinct `order` values',
  help: 'A component may be split over several files only when each file has a different `order:` number in its front-matter (1, 2, 3…). Otherwise merge the files or fix the `component` key of one of them.',
  run(ctx, report) {
    const groups = new Map<string, Section[]>();
    for (const s of ctx.model.sections) {
      if (!s.component) continue;
      const k = `${s.lang}\u0000${s.component}`;
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const seen = new Map<string, Section>();
      for (const s of list) {
        const k = s.order === undefined ? 'none' : String(s.order);
        const first = seen.get(k);
        if (!first) {
          seen.set(k, s);
          continue;
        }
        report(
          diagnostic(
            'component-duplicate',
            'error',
            `component "${s.component}" appears twice in ${s.lang}: ${first.file} and ${s.file}${s.order === undefined ? '' : ` (both order ${s.order})`}`,
            keyPosition(s, 'component'),
            'If the component is split on purpose, give each file its own `order:` (1, 2, …); otherwise merge them or correct `component`.',
          ),
        );
      }
    }
  },
};
