import { Command, Option } from '../../vendor/commander.js';
import { recordReview } from '../../release/index.js';
import { diagnostic, SopkitError } from '../../diag/index.js';
import { dateProblem } from '../../diag/dates.js';
import { runAction } from '../run.js';
import { DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';

interface ReviewFlags {
  date: string;
  objectivesMet: 'yes' | 'no';
  contextChanged: 'yes' | 'no';
  impractical: 'yes' | 'no';
  consultations?: string;
  notes?: string;
  today?: string;
}

const yesNo = (flag: string, what: string) => new Option(`--${flag} <yes|no>`, what).choices(['yes', 'no']).makeOptionMandatory();

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
  const plan = await recordReview(dir, {
    date: flags.date,
    objectivesMet: flags.objectivesMet === 'yes',
    contextChanged: flags.contextChanged === 'yes',
    impractical: flags.impractical === 'yes',
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
    .addOption(yesNo('objectives-met', 'were the SOP objectives met?'))
    .addOption(yesNo('context-changed', 'has the context changed?'))
    .addOption(yesNo('impractical', 'were some procedures found impractical?'))
    .option('--consultations <text>', 'who was consulted, e.g. "4 focus groups with 38 caseworkers"')
    .option('--notes <text>', 'what the review decided')
    .option('--today <date>', 'the date taken as today (YYYY-MM-DD; default: the clock); --date may not be after it')
    .addHelpText('after', '\nComments and formatting of sop.yaml are kept. Exit codes: 0 recorded, 1 refused (same date already recorded, or sop.yaml would become invalid), 2 usage.')
    .action(async (dirArg: string | undefined, flags: ReviewFlags & { dir?: string }, cmd: Command) =>
      runAction(() => reviewAction(sopDir(cmd, dirArg, flags.dir), flags)));
}
