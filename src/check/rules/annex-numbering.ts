import { diagnostic, type SourcePosition } from '../../diag/index.js';
import type { Annex } from '../../model/index.js';
import type { Rule } from '../types.js';

function annexPosition(a: Annex): SourcePosition {
  if (a.positions.has('/annex')) return { ...a.positions.at('/annex'), file: a.file };
  return { file: a.file, line: 1, column: 1 };
}

/**
 * R4: annexes are numbered 1, 2, 3… without gaps or repeats. Each language's Markdown
 * annexes are numbered together with the external PDF annexes (which serve every language).
 */
export const annexNumbering: Rule = {
  id: 'annex-numbering',
  severity: 'error',
  description: 'annex numbers are missing, repeated, or not consecutive from 1',
  help: 'Give every annex an `annex: N` number: Markdown annexes in their front-matter, PDF annexes in the .yaml beside the PDF. Numbers run 1, 2, 3… in each language, counting the PDF annexes too.',
  run(ctx, report) {
    const { model } = ctx;
    const pdfs = model.annexes.filter((a) => a.kind === 'pdf-annex');
    for (const lang of model.manifest.languages) {
      const list = [...model.annexes.filter((a) => a.kind === 'markdown-annex' && a.lang === lang), ...pdfs];
      const byNumber = new Map<number, Annex>();
      for (const a of list) {
        if (a.number === undefined) {
          // A missing number blocks the numbering check, so it is named here too; an unusable value (text, 0) is left to the schema message.
          if (a.positions.has('/annex')) continue;
          report(diagnostic('annex-numbering', 'error', `${a.file} has no annex number`, { file: a.file, line: 1, column: 1 }, 'Add `annex: N` (N = its number in the list of annexes).'));
          continue;
        }
        if (!Number.isInteger(a.number) || a.number < 1) continue; // the schema check names it
        const first = byNumber.get(a.number);
        if (first) {
          report(diagnostic('annex-numbering', 'error', `annex ${a.number} is used twice${a.kind === 'markdown-annex' ? ` in ${lang}` : ''}: ${first.file} and ${a.file}`, annexPosition(a), 'Give each annex its own number.'));
          continue;
        }
        byNumber.set(a.number, a);
      }
      const numbers = [...byNumber.keys()].sort((x, y) => x - y);
      let expected = 1;
      for (const n of numbers) {
        if (n !== expected) {
          const a = byNumber.get(n)!;
          const missing = expected === n - 1 ? `annex ${expected} is missing` : `annexes ${expected}–${n - 1} are missing`;
          report(
            diagnostic('annex-numbering', 'error', `annex numbers${a.kind === 'markdown-annex' ? ` in ${lang}` : ''} are not consecutive: ${a.file} is annex ${n}, but ${missing}`, annexPosition(a), 'Number annexes 1, 2, 3… without gaps (renumber, or add the missing annex).'),
          );
        }
        expected = n + 1;
      }
    }
  },
};
