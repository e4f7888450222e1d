import { Command } from '../../vendor/commander.js';
import { diagnostic, SopkitError } from '../../diag/index.js';
import { changedUnits, runDiff } from '../../diff/index.js';
import { formatDiagnostic, useColour, withBase } from '../output.js';
import { shownPath } from '../paths.js';
import { DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';
import { runAction } from '../run.js';

interface DiffFlags {
  dir: string;
  out?: string;
}

const shown = (file: string) => shownPath(file);

export async function diffAction(from: string, to: string, flags: DiffFlags): Promise<number> {
  if (from.trim().toLowerCase() === to.trim().toLowerCase()) {
    throw new SopkitError(diagnostic('usage', 'error', `diff compares two different versions, but "${from}" was given twice`, undefined,
      `Name an older and a newer version, e.g. \`sopkit diff 2.0 ${to === 'draft' ? '2.1' : to}\`, or compare the working copy with \`sopkit diff ${to === 'draft' ? '2.1' : to} draft\`.`), 2);
  }
  const r = await runDiff({ dir: flags.dir, from, to, out: flags.out });
  for (const d of r.diagnostics) process.stderr.write(`${formatDiagnostic(withBase(d, shownPath(flags.dir)), useColour())}\n`);
  const c = r.comparison;
  const units = changedUnits(c);
  const perLang = c.languages.map((l) => `${l} ${units.filter((u) => u.lang === l).length}`).join(', ');
  process.stdout.write(
    `Compared ${from} → ${to}: sections and annexes changed (${perLang}), ${c.data.length} data file${c.data.length === 1 ? '' : 's'} changed` +
      `${c.manifest.length ? `, ${c.manifest.length} sop.yaml item${c.manifest.length === 1 ? '' : 's'}` : ''}${c.pdfAnnexes.length ? `, ${c.pdfAnnexes.length} PDF annex${c.pdfAnnexes.length === 1 ? '' : 'es'}` : ''}.\n` +
      `  redline:   ${shown(r.html)}\n  printable: ${shown(r.pdf)}\n  changelog: ${shown(r.changelog)}\n`,
  );
  return 0;
}

/** `sopkit diff A B`: the redline between two versions (releases or `draft`). */
export function diffCommand(): Command {
  return new Command('diff')
    .description('redline between two versions (release numbers or "draft"): word-level per section and language, data items, changelog')
    .argument('<from>', 'the older version, e.g. 1.0 (or draft)')
    .argument('<to>', 'the newer version, e.g. 1.1 (or draft)')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .option('--out <dir>', 'folder for diff-A-B.html, diff-A-B.pdf and changelog-B.md (default: DIR/dist/report)')
    .addHelpText('after', '\nExit codes: 0 written, 2 unknown version or unusable input. See docs/releases.md.')
    .action(async (from: string, to: string, dirArg: string | undefined, flags: Omit<DiffFlags, 'dir'> & { dir?: string }, cmd: Command) =>
      runAction(() => diffAction(from, to, { ...flags, dir: sopDir(cmd, dirArg, flags.dir) })));
}
