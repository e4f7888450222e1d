import { readFile } from 'node:fs/promises';
import { checkSourcePath } from '../fs/index.js';
import path from 'node:path';
import { isMap, isSeq, YAMLMap, YAMLSeq, type Document } from '../vendor/yaml.js';
import { diagnostic, SopkitError } from '../diag/index.js';
import { writeFileAtomic } from '../fs/index.js';
import { parseYamlWithPositions, type ReviewRecord } from '../model/index.js';
import { validateData } from '../validate/index.js';
import { parseForEdit, TO_STRING } from './yaml-edit.js';
import { isIsoDate, refuseFrozenFolder } from '../store/index.js';

export interface ReviewInput {
  date: string;
  /** The answers to cpcm-interagency's three questions (the older flags). */
  objectivesMet?: boolean;
  contextChanged?: boolean;
  impractical?: boolean;
  /** Answers by question id, for any profile's questions (`--answer id=yes`). */
  answers?: Record<string, boolean>;
  consultations?: string;
  notes?: string;
}

export interface ReviewPlan {
  /** The new sop.yaml text. */
  text: string;
  record: ReviewRecord;
  /** review.last before and after (it never goes back in time). */
  lastBefore?: string;
  lastAfter: string;
}

function refuse(rule: string, message: string, hint: string, line?: number): never {
  throw new SopkitError(diagnostic(rule, 'error', message, { file: 'sop.yaml', ...(line ? { line, column: 1 } : {}) }, hint), 1);
}

function lineOf(doc: Document, text: string, node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? text.slice(0, range[0]).split('\n').length : undefined;
}

/**
 * The sop.yaml text with one review recorded: a `review.history[]` entry (kept in date
 * order) and `review.last` moved to the review's date when that is later. Pure: text in,
 * text out, through the yaml Document API so comments, key order and quoting of the
 * rest of the file stay as they were. Refuses a second review on the same date.
 */
export function planReview(text: string, input: ReviewInput): ReviewPlan {
  if (!isIsoDate(input.date)) refuse('review-date', `"${input.date}" is not a date written YYYY-MM-DD`, 'Pass e.g. --date 2026-11-25.');
  const doc = parseForEdit(text, 'sop.yaml');
  let review = doc.get('review', true);
  if (!isMap(review)) {
    review = new YAMLMap();
    doc.set('review', review);
  }
  const map = review as YAMLMap;
  const existing: unknown = map.get('history', true);
  let seq: YAMLSeq;
  if (isSeq(existing)) seq = existing;
  else {
    seq = new YAMLSeq();
    map.set('history', seq);
  }
  const dateOf = (item: unknown) => (isMap(item) ? String(item.get('date') ?? '') : '');
  const same = seq.items.find((i) => dateOf(i) === input.date);
  if (same) refuse('review-exists', `a review on ${input.date} is already recorded in review.history`, 'Edit that entry in sop.yaml if it needs correcting; a second review on the same day is not recorded twice.', lineOf(doc, text, same));

  const record: ReviewRecord = {
    date: input.date,
    ...(input.objectivesMet !== undefined ? { objectives_met: input.objectivesMet } : {}),
    ...(input.contextChanged !== undefined ? { context_changed: input.contextChanged } : {}),
    ...(input.impractical !== undefined ? { impractical_procedures: input.impractical } : {}),
    ...input.answers,
    ...(input.consultations ? { consultations: input.consultations } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
  };
  const at = seq.items.findIndex((i) => dateOf(i) > input.date);
  const node = doc.createNode(record);
  if (at < 0) seq.items.push(node);
  else seq.items.splice(at, 0, node);

  const before = map.get('last');
  const lastBefore = typeof before === 'string' ? before : undefined;
  const lastAfter = lastBefore && lastBefore > input.date ? lastBefore : input.date;
  map.set('last', lastAfter);
  return { text: doc.toString(TO_STRING), record, lastBefore, lastAfter };
}

/**
 * `sopkit review`: records a review in DIR/sop.yaml and writes it atomically. The new
 * text is validated against the schema before anything is written.
 */
export async function recordReview(dir: string, input: ReviewInput): Promise<ReviewPlan> {
  await refuseFrozenFolder(path.resolve(dir), dir);
  const file = path.join(path.resolve(dir), 'sop.yaml');
  // The links-and-paths policy: a sop.yaml that is a link leading outside the SOP folder is neither read nor replaced.
  const inside = await checkSourcePath(path.resolve(dir), 'sop.yaml');
  if (!inside.ok && !inside.missing) throw new SopkitError(inside.diagnostic);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SopkitError(diagnostic('manifest-missing', 'error', `there is no sop.yaml in "${dir}"`, undefined, 'Pass the SOP folder first, e.g. `sopkit review sop-sources --date 2026-11-25 --objectives-met yes --context-changed no --impractical no`.'));
  }
  const plan = planReview(text, input);
  const parsed = parseYamlWithPositions(plan.text, 'sop.yaml');
  const problems = [...parsed.diagnostics, ...validateData('sop', parsed.value, parsed.positions, 'sop.yaml')];
  if (problems.length) {
    throw new SopkitError([diagnostic('review-invalid', 'error', 'recording the review would leave sop.yaml invalid, so nothing was written', { file: 'sop.yaml' }, `Fix the problems below (run \`sopkit check ${dir}\`), then record the review again.`), ...problems], 1);
  }
  await writeFileAtomic(file, plan.text);
  return plan;
}
