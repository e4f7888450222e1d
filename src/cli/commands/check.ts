import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from '../../vendor/commander.js';
import type { CheckOptions, PageCounter } from '../../check/index.js';
import { countBySeverity, diagnostic, isSopkitError, SopkitError, type Diagnostic } from '../../diag/index.js';
import { FORMATS, type Format } from '../../diag/reporters/types.js';
import { toPosix } from '../../fs/index.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { summary, useColour } from '../output.js';
import { runAction, withRunnableHint } from '../run.js';
import { cachedLayoutRules, enableMemoStore } from '../cached-layout.js';
import { shownPath } from '../paths.js';
import { DIR_ARGUMENT, dirOption, shellQuote, sopDir } from '../usage.js';

export interface CheckCommandDeps {
  /** R1 page counter from the layout stage; the lead wires the real one (see docs/check.md). */
  countBodyPages?: PageCounter;
}

interface CheckFlags {
  format: Format;
  output?: string;
  today?: string;
  strict?: boolean;
  maxWarnings?: string;
  owners?: boolean;
  /** `--no-layout` sets this to false: skip the rules that lay the document out (R1, R10). */
  layout?: boolean;
  /** `--no-cache` sets this to false: lay out again even when a build left the layout's facts. */
  cache?: boolean;
}

function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Today's local date, YYYY-MM-DD: the one place `check` reads the clock. */
function todayFromClock(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD that names a real day (not 2026-02-30). */
function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function usage(message: string, hint: string): SopkitError {
  return new SopkitError(diagnostic('usage', 'error', message, undefined, hint));
}

/** The nearest folder at or above `from` that holds `.git`, else `from` itself. */
function repositoryRoot(from: string): string {
  for (let d = from; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return from;
  }
}

/**
 * The SOP folder as seen from `from`: annotations (github, sarif, junit) need paths from the
 * repository root, people at a terminal paths from where they are.
 */
function baseOf(dir: string, from: string): string {
  if (from === process.cwd()) return shownPath(dir) === '.' ? '' : shownPath(dir);
  const rel = toPosix(path.relative(from, path.resolve(dir)));
  if (rel === '') return '';
  return rel.startsWith('..') || path.isAbsolute(rel) ? toPosix(dir).replace(/\/+$/, '') : rel;
}

export async function runCheck(dir: string, flags: CheckFlags, deps: CheckCommandDeps = {}): Promise<number> {
  const today = flags.today ?? todayFromClock();
  if (flags.today !== undefined && !isRealDate(flags.today)) {
    throw usage(`--today must be a date like 2026-11-25, not "${flags.today}"`, 'Write the date as YYYY-MM-DD.');
  }
  let maxWarnings = Infinity;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw usage(`--max-warnings must be a whole number, not "${flags.maxWarnings}"`, 'For example --max-warnings 0 fails on any warning.');
    maxWarnings = Number(flags.maxWarnings);
  }
  // Loaded here, not at start-up: `sopkit --version` and the other commands need none of it.
  const { checkSop, formatOwnerTable, ownerRows, ruleCatalogue } = await import('../../check/index.js');
  const { formatReport } = await import('../../diag/reporters/index.js');
  const { checkOutputFile, writeFileAtomic } = await import('../../fs/index.js');
  // The output policy: the report never overwrites a source of the SOP (sop.yaml, sections/…).
  const outputFile = flags.output !== undefined ? await checkOutputFile(flags.output, { command: 'check', option: '--output', sopRoot: path.resolve(dir) }) : undefined;
  const base = flags.format === 'pretty' ? baseOf(dir, process.cwd()) : baseOf(dir, repositoryRoot(process.cwd()));
  const rules = ruleCatalogue();
  const version = toolVersion();
  const toStdout = flags.output === undefined && !flags.owners;
  const emit = async (diagnostics: Diagnostic[], sop?: { title: string; version: string }) => {
    const colour = flags.format === 'pretty' && toStdout && useColour(process.stdout);
    const text = formatReport(flags.format, { diagnostics, sop, base, rules, toolVersion: version, colour });
    if (flags.output !== undefined) {
      await writeFileAtomic(outputFile!, text);
      process.stderr.write(`sopkit check: ${summary(diagnostics)} (report written to ${shownPath(flags.output)})\n`);
    } else if (toStdout) process.stdout.write(text);
    else process.stderr.write(`sopkit check: ${summary(diagnostics)}\n`);
  };

  const layoutRules = cachedLayoutRules({ enabled: flags.cache });
  await enableMemoStore({ enabled: flags.cache });
  let result;
  try {
    // R1 counts body pages with the PDF layout itself (the same pages `build` prints);
    // loaded only here because laying out both languages is most of check's time.
    // Through the build cache: after a build, its page counts and fit diagnostics are reused.
    const countBodyPages: PageCounter | undefined = flags.layout === false ? undefined : deps.countBodyPages ?? layoutRules.countBodyPages;
    const diagramFit: CheckOptions['diagramFit'] = flags.layout === false ? undefined : layoutRules.diagramFit;
    result = await checkSop(dir, { today, strict: flags.strict, countBodyPages, diagramFit });
  } catch (e) {
    if (!isSopkitError(e)) throw e;
    // Unusable input: the same diagnostics, in the format CI asked for, and exit 2.
    await emit(e.diagnostics.map(withRunnableHint));
    return e.exitCode;
  }
  const { model } = result;
  let diagnostics = result.diagnostics;
  if (flags.layout !== false) {
    // R10: posters and cards are laid out from the data files; text that cannot fit at the
    // legible minimum is reported at its data item (poster-fit).
    // Posters are drawn from the data files: while one of them breaks its schema (a number
    // where a label belongs…), the schema error above is the message; laying posters out
    // from that data would only fail again, less clearly.
    const dataBroken = diagnostics.some((d) => d.rule === 'schema' && d.severity === 'error' && (d.file ?? '').startsWith('data/'));
    if (!dataBroken) {
      const { sortDiagnostics } = await import('../../diag/index.js');
      let fit: Diagnostic[];
      try {
        fit = await layoutRules.posterFit(model);
      } catch (e) {
        fit = [diagnostic('poster-fit', 'warning', `the posters could not be laid out: ${(e as Error).message ?? e}`, { file: model.manifestFile, line: 1, column: 1 }, `Run \`sopkit posters ${shellQuote(shownPath(dir))}\` to see which poster fails, and check its data file.`)];
      }
      diagnostics = sortDiagnostics([...diagnostics, ...fit]);
    }
  }
  const src = model.manifest.languages[0] ?? 'en';
  const sop = { title: model.manifest.title[src] ?? Object.values(model.manifest.title)[0] ?? '', version: model.manifest.version };
  if (flags.owners) process.stdout.write(formatOwnerTable(ownerRows(model, diagnostics)));
  await emit(diagnostics, sop);
  const c = countBySeverity(diagnostics);
  if (c.error > 0) return 1;
  if (c.warning > maxWarnings) {
    process.stderr.write(`sopkit check: ${c.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** `sopkit check [DIR]`: every checklist rule; reports for people and for CI. */
export function createCheckCommand(deps: CheckCommandDeps = {}): Command {
  return new Command('check')
    .description('check an SOP draft: mandatory components, front-matter, review date, translations, annexes, references')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--today <date>', 'the date to check the review against (YYYY-MM-DD; default: today)')
    .option('--strict', 'stale translations are errors, not warnings')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more than N warnings')
    .option('--owners', 'list the sections per owner agency and their status (a table on standard output)')
    .option('--no-layout', 'skip the rules that lay the document out (page budget, poster fit): for quick checks while writing')
    .option('--no-cache', 'lay the document out again even when a build of the same sources left its page counts (see docs/cache.md)')
    .addHelpText('after', '\nExit codes: 0 clean, 1 errors (or too many warnings), 2 unusable input or usage.\nSee docs/check.md for every rule.')
    .action(async (dirArg: string | undefined, flags: CheckFlags & { dir?: string }, cmd: Command) =>
      runAction(() => runCheck(sopDir(cmd, dirArg, flags.dir), flags, deps)));
}

export function checkCommand(): Command {
  return createCheckCommand();
}
