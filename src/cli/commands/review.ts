import { Command, Option } from '../../vendor/commander.js';
import { recordReview } from '../../release/index.js';
import { runAction } from '../run.js';
import { DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';

interface ReviewFlags {
  date: string;
  objectivesMet: 'yes' | 'no';
  contextChanged: 'yes' | 'no';
  impractical: 'yes' | 'no';
  consultations?: string;
  notes?: string;
}

const yesNo = (flag: string, what: string) => new Option(`--${flag} <yes|no>`, what).choices(['yes', 'no']).makeOptionMandatory();

export async function reviewAction(dir: string, flags: ReviewFlags): Promise<number> {
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
    .addHelpText('after', '\nComments and formatting of sop.yaml are kept. Exit codes: 0 recorded, 1 refused (same date already recorded, or sop.yaml would become invalid), 2 usage.')
    .action(async (dirArg: string | undefined, flags: ReviewFlags & { dir?: string }, cmd: Command) =>
      runAction(() => reviewAction(sopDir(cmd, dirArg, flags.dir), flags)));
}
