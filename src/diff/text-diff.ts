import { diffArrays } from '../vendor/diff.js';
import { tokenCore, tokenize } from './tokenize.js';

/** One run of a word-level redline: text kept, inserted or deleted. */
export interface TextRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Word-level diff of two texts (jsdiff's array diff on our own tokens, because its
 * built-in word tokenizer splits Arabic letters with combining marks apart). A change
 * of whitespace alone is no change: equal runs carry the new text's spacing.
 *
 * Invariants: joining the `equal` and `delete` runs gives `before`; joining the
 * `equal` and `insert` runs gives `after` up to whitespace inside equal runs.
 */
export function diffText(before: string, after: string): TextRun[] {
  if (before === after) return before ? [{ op: 'equal', text: after }] : [];
  const changes = diffArrays(tokenize(before), tokenize(after), { comparator: (a, b) => tokenCore(a) === tokenCore(b) });
  const runs: TextRun[] = [];
  for (const c of changes) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const text = c.value.join('');
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  }
  return runs;
}

/** True when a redline has at least one insertion or deletion. */
export function hasChanges(runs: readonly TextRun[]): boolean {
  return runs.some((r) => r.op !== 'equal');
}

/** Words inserted and deleted in a redline. */
export function countChangedWords(runs: readonly TextRun[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const r of runs) {
    const n = tokenize(r.text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    if (r.op === 'insert') inserted += n;
    if (r.op === 'delete') deleted += n;
  }
  return { inserted, deleted };
}
