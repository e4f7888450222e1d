import { Command } from '../../vendor/commander.js';
import { isSopkitError } from '../../diag/index.js';
import { countBodyPages } from '../../layout/index.js';
import { buildReleaseOutputs, formatPlan, runRelease } from '../../release/index.js';
import { formatDiagnostic, summary, useColour, withBase } from '../output.js';
import { shownDir, shownPath } from '../paths.js';
import { createProgress, progressMode } from '../progress.js';
import { DIR_ARGUMENT, dirOption, shellQuote, sopDir } from '../usage.js';
import { runAction } from '../run.js';
import { enableMemoStore } from '../cached-layout.js';

interface ReleaseFlags {
  date?: string;
  dryRun?: boolean;
  /** The SOP folder (the [dir] argument or --dir; default `.`). */
  dir: string;
  quiet?: boolean;
  /** false with --no-build. */
  build: boolean;
  /** false with --no-cache: parse and lay out everything again, keep nothing in the cache folder. */
  cache?: boolean;
}

/** Today's local date, YYYY-MM-DD: the one place `release` reads the clock (only when --date is left out). */
function todayFromClock(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export async function releaseAction(version: string, flags: ReleaseFlags): Promise<number> {
  // What the release's check and build parse and lay out (Markdown trees, YAML, ELK layouts)
  // is kept by content in the cache folder: most of it was computed by the builds before.
  await enableMemoStore({ enabled: flags.cache });
  const result = await runRelease({ dir: flags.dir, version, date: flags.date ?? todayFromClock(), dryRun: flags.dryRun, countBodyPages });
  try {
    return await reportRelease(result, version, flags);
  } finally {
    await result.lock?.release();
  }
}

async function reportRelease(result: Awaited<ReturnType<typeof runRelease>>, version: string, flags: ReleaseFlags): Promise<number> {
  const colour = useColour();
  const base = shownPath(flags.dir);
  const q = shellQuote(base);
  // Check warnings are many and already known from `sopkit check`: counted per rule.
  // Warnings about the release itself (tampered releases, dates) are printed in full.
  const fromCheck = result.warnings.filter((d) => !d.rule.startsWith('release-') && d.rule !== 'endorsement-ahead');
  for (const d of result.warnings.filter((x) => !fromCheck.includes(x))) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
  if (fromCheck.length) {
    const counts = new Map<string, number>();
    for (const d of fromCheck) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
    const list = [...counts].map(([rule, n]) => `${rule} ×${n}`).join(', ');
    process.stderr.write(`sopkit release: check found ${summary(fromCheck)} (${list}); warnings do not block a release. See them with \`sopkit check ${q} --strict --today ${result.plan.date}\`.\n`);
  }
  process.stdout.write(formatPlan(result.plan, { listFiles: Boolean(flags.dryRun), done: result.applied, build: flags.build }));
  if (!result.applied) return 0;
  const { previous } = result.plan;
  try {
    const progress = createProgress('release', progressMode(flags.quiet));
    let outputs;
    try {
      outputs = await buildReleaseOutputs(flags.dir, version, previous, { build: flags.build, onProgress: progress });
    } finally {
      progress.clear();
    }
    for (const d of outputs.diagnostics) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
    if (outputs.build) process.stdout.write(`  built ${outputs.build.files.length} files of version ${version} into ${shownDir(outputs.build.outDir)}\n`);
    else process.stdout.write(`  not built (--no-build): run \`sopkit build ${q}\` for the site and PDFs\n`);
    if (outputs.diff) process.stdout.write(`  redline ${previous} → ${version}: ${shownPath(outputs.diff.html)}\n  changelog: ${shownPath(outputs.diff.changelog)}\n`);
    if (!outputs.diagnostics.some((d) => d.severity === 'error')) return 0;
    process.stderr.write(`Release ${version} itself is complete in ${shownDir(`${flags.dir}/releases/${version}`)} and logged; the problems above are in its outputs or in the frozen files.\n`);
    return 1;
  } catch (e) {
    // The release is frozen and logged whatever happens here: say so, never a half-state.
    const what = isSopkitError(e) ? e.diagnostics.map((d) => formatDiagnostic(withBase(d, base), colour)).join('\n') : `sopkit: internal error while building: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`${what}\nRelease ${version} itself is complete in ${shownDir(`${flags.dir}/releases/${version}`)} and logged; only its outputs failed. Fix the problem and run \`sopkit build ${q}\`${previous ? ` and \`sopkit diff ${previous} ${version} ${q}\`` : ''}.\n`);
    return 1;
  }
}

/** `sopkit release VERSION`: check strictly, then freeze the sources into releases/VERSION/. */
export function releaseCommand(): Command {
  return new Command('release')
    .description('check strictly, then freeze the sources into releases/VERSION/ with a manifest of hashes, the changes and the endorsements')
    .argument('<version>', 'the new version, MAJOR.MINOR (greater than the latest release), e.g. 1.1')
    .argument('[dir]', DIR_ARGUMENT)
    .option('--date <date>', 'release date YYYY-MM-DD (default: today)')
    .option('--dry-run', 'print what would be written, write nothing')
    .addOption(dirOption())
    .option('--no-build', 'freeze only; do not build the site, PDFs and posters of the release')
    .option('--quiet', 'no progress while building the release')
    .option('--no-cache', 'parse and lay out everything again, without the results kept in the cache folder (see docs/cache.md)')
    .addHelpText('after', '\nA released version is never rewritten. Exit codes: 0 released, 1 refused or blocked by check errors (nothing written), 2 unusable input or usage.\nSee docs/releases.md.')
    .action(async (version: string, dirArg: string | undefined, flags: Omit<ReleaseFlags, 'dir'> & { dir?: string }, cmd: Command) =>
      runAction(() => releaseAction(version, { ...flags, dir: sopDir(cmd, dirArg, flags.dir) })));
}
