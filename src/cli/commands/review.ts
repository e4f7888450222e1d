import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from '../../vendor/commander.js';
import type { ProfileReviewQuestion } from '../../model/index.js';
import { recordReview } from '../../release/index.js';
import { diagnostic, SopkitError } from '../../diag/index.js';
import { dateProblem } from '../../diag/dates.js';
import { runAction } from '../run.js';
import { DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';

interface ReviewFlags {
  date: string;
  objectivesMet?: 'yes' | 'no';
  contextChanged?: 'yes' | 'no';
  impractical?: 'yes' | 'no';
  /** `id=yes|no`, one per question of the profile. */
  answer?: string[];
  consultations?: string;
  notes?: string;
  today?: string;
}

const yesNo = (flag: string, what: string) => new Option(`--${flag} <yes|no>`, what).choices(['yes', 'no']);

/** The older flags: cpcm-interagency's three questions, by their ids. */
const LEGACY: { flag: 'objectivesMet' | 'contextChanged' | 'impractical'; id: string; option: string }[] = [
  { flag: 'objectivesMet', id: 'objectives_met', option: '--objectives-met' },
  { flag: 'contextChanged', id: 'context_changed', option: '--context-changed' },
  { flag: 'impractical', id: 'impractical_procedures', option: '--impractical' },
];

/**
 * The answers given (`--answer id=yes` and the older flags), checked against the
 * profile's review questions: each answered once, none unknown. A profile without
 * questions takes any answers.
 */
async function answersFor(dir: string, flags: ReviewFlags): Promise<Record<string, boolean>> {
  const answers: Record<string, boolean> = {};
  for (const l of LEGACY) if (flags[l.flag] !== undefined) answers[l.id] = flags[l.flag] === 'yes';
  for (const a of flags.answer ?? []) {
    const m = /^([a-z0-9_]+)=(yes|no)$/.exec(a.trim());
    if (!m) throw usage(`--answer must be written id=yes or id=no, not "${a}"`, 'E.g. --answer context_changed=yes (the ids are the profile\'s review questions).');
    if (m[1]! in answers) throw usage(`the question "${m[1]}" is answered twice`, 'Answer each review question once.');
    answers[m[1]!] = m[2] === 'yes';
  }
  const questions = await profileQuestions(dir);
  if (questions === undefined || questions.length === 0) return answers;
  const list = questions.map((q) => `${q.id} (${q.text.en ?? Object.values(q.text)[0]})`).join('; ');
  const unknown = Object.keys(answers).filter((id) => !questions.some((q) => q.id === id));
  if (unknown.length) throw usage(`the profile has no review question ${unknown.map((u) => `"${u}"`).join(', ')}`, `Its questions are: ${list}.`);
  const missing = questions.filter((q) => !(q.id in answers));
  if (missing.length) {
    throw usage(`answer every review question of the profile: ${missing.map((q) => q.id).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not answered`, `Add --answer ID=yes|no for each (${list})${missing.every((q) => LEGACY.some((l) => l.id === q.id)) ? `, or ${LEGACY.map((l) => `${l.option} yes|no`).join(' ')}` : ''}.`);
  }
  return answers;
}

/** The review questions of the SOP's profile; undefined when sop.yaml cannot be read (recordReview reports it). */
async function profileQuestions(dir: string): Promise<ProfileReviewQuestion[] | undefined> {
  const { loadProfile, parseYamlWithPositions } = await import('../../model/index.js');
  let text: string;
  try {
    text = await readFile(path.join(dir, 'sop.yaml'), 'utf8');
  } catch {
    return undefined;
  }
  const id = (parseYamlWithPositions(text, 'sop.yaml').value as { profile?: unknown } | undefined)?.profile;
  if (typeof id !== 'string') return undefined;
  return (await loadProfile(path.resolve(dir), id)).review?.questions ?? [];
}

/** Today's local date, YYYY-MM-DD: the one place `review` reads the clock (only without --today). */
function todayFromClock(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function usage(message: string, hint: string): SopkitError {
  return new SopkitError(diagnostic('usage', 'error', message, undefined, hint), 2);
}

export async function reviewAction(dir: string, flags: ReviewFlags): Promise<number> {
  // A review dated in the future would switch the overdue check (R7) off until then.
  const today = flags.today ?? todayFromClock();
  const badToday = dateProblem(today);
  if (badToday) throw usage(`--today must be a date like 2026-11-25: ${badToday}`, 'Write a real day as YYYY-MM-DD.');
  const badDate = dateProblem(flags.date);
  if (badDate) throw usage(`--date must be a date like 2026-11-25: ${badDate}`, 'Write the day the review was held as YYYY-MM-DD, e.g. --date 2026-11-25.');
  if (flags.date > today) {
    throw usage(`--date ${flags.date} is after today (${today}): a review can only be recorded once it has been held`,
      'Record the review on the day it is held, or after it. A date in the future would switch off the overdue-review check (R7) until then.');
  }
  const answers = await answersFor(dir, flags);
  // cpcm-interagency's answers keep their place in the record; the others follow in the given order.
  const legacy = (id: string) => (id in answers ? answers[id] : undefined);
  const plan = await recordReview(dir, {
    date: flags.date,
    objectivesMet: legacy('objectives_met'),
    contextChanged: legacy('context_changed'),
    impractical: legacy('impractical_procedures'),
    answers: Object.fromEntries(Object.entries(answers).filter(([id]) => !LEGACY.some((l) => l.id === id))),
    consultations: flags.consultations,
    notes: flags.notes,
  });
  const moved = plan.lastBefore === plan.lastAfter ? `review.last stays ${plan.lastAfter} (a later review is already recorded)` : `review.last ${plan.lastBefore ?? '(none)'} → ${plan.lastAfter}`;
  process.stdout.write(`Recorded the review of ${plan.record.date} in sop.yaml: ${moved}.\n`);
  return 0;
}

/** `sopkit review [DIR]`: record a periodic review (R7) in sop.yaml, keeping its comments. */
export function reviewCommand(): Command {
  return new Command('review')
    .description('record a review of the SOP in sop.yaml (review.history) and update review.last')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .requiredOption('--date <date>', 'date of the review, YYYY-MM-DD')
    .option('--answer <id=yes|no...>', 'the answer to one of the profile\'s review questions, by its id (repeat for each; `sopkit profiles` names the profile, its file lists the questions)')
    .addOption(yesNo('objectives-met', 'cpcm-interagency: were the SOP objectives met? (= --answer objectives_met=…)'))
    .addOption(yesNo('context-changed', 'cpcm-interagency: has the context changed? (= --answer context_changed=…)'))
    .addOption(yesNo('impractical', 'cpcm-interagency: were some procedures found impractical? (= --answer impractical_procedures=…)'))
    .option('--consultations <text>', 'who was consulted, e.g. "4 focus groups with 38 caseworkers"')
    .option('--notes <text>', 'what the review decided')
    .option('--today <date>', 'the date taken as today (YYYY-MM-DD; default: the clock); --date may not be after it')
    .addHelpText('after', '\nComments and formatting of sop.yaml are kept. Exit codes: 0 recorded, 1 refused (same date already recorded, or sop.yaml would become invalid), 2 usage.')
    .action(async (dirArg: string | undefined, flags: ReviewFlags & { dir?: string }, cmd: Command) =>
      runAction(() => reviewAction(sopDir(cmd, dirArg, flags.dir), flags)));
}
