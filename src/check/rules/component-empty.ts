import { diagnostic } from '../../diag/index.js';
import { valuePosition } from '../context.js';
import { componentOf } from '../each.js';
import type { Rule } from '../types.js';

export const componentEmpty: Rule = {
  id: 'component-empty',
  severity: 'error',
  description: 'a section has no text (only headings or nothing at all)',
  help: 'A section file that exists must say something: write its text under the headings, or delete the file if the component is not used yet. Generated components (the signature page) may be empty.',
  run(ctx, report) {
    for (const s of ctx.model.sections) {
      const held = componentOf(ctx, s);
      if (held?.comp.generated) continue;
      if (ctx.view(s).hasContent) continue;
      const comp = held?.comp;
      const firstLine = s.body.split('\n').findIndex((l) => l.trim() !== '');
      const at = firstLine >= 0 ? { file: s.file, line: s.bodyLine + firstLine, column: 1 } : valuePosition(s, 'component');
      report(
        diagnostic(
          'component-empty',
          held?.required ? 'error' : 'warning',
          `${s.file} is empty${comp ? `: component ${comp.n} (${comp.title.en ?? comp.id}) has no text` : ''}`,
          { file: at.file, line: at.line, column: at.column },
          'Write the section\'s text under its headings, or delete the file until it is drafted.',
        ),
      );
    }
  },
};
