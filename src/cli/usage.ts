import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from '../vendor/commander.js';
import { shownPath } from './paths.js';

/**
 * Command-line conventions shared by every command: the SOP folder as a positional
 * argument (with `--dir` kept as an alias), usage errors (exit 2, one line, then a pointer
 * to the command's `--help`), and the command being run, for hints that name it.
 */

/** Help text of the `[dir]` argument every command that works on an SOP takes. */
export const DIR_ARGUMENT = 'the SOP folder (holds sop.yaml; default: the current folder)';

/** `--dir DIR`: the same as the `[dir]` argument, kept for scripts written before it existed. */
export function dirOption(): Option {
  return new Option('--dir <dir>', 'the SOP folder, the same as the [dir] argument');
}

/** `--annex N` (stamp, verify): an annex number is a whole number from 1. */
export function annexNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('the annex number must be a whole number from 1, e.g. --annex 2.');
  return n;
}

/** `sopkit check`, `sopkit i18n status`…: the full name of a command, as typed. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The pointer printed after every usage error. */
export function helpPointer(cmd: Command): string {
  return `(run \`${commandPath(cmd)} --help\` for usage)`;
}

let current: Command | undefined;
/** Set by main.ts before an action runs: hints can then name the command the user typed. */
export function setCurrentCommand(cmd: Command): void {
  current = cmd;
}
export function currentCommand(): Command | undefined {
  return current;
}

/**
 * A usage error: printed as `error: MESSAGE` and the help pointer, exit 2. Thrown as
 * commander's own error so main.ts handles it like an unknown flag.
 */
export function usageError(cmd: Command | undefined, message: string): never {
  const target = cmd ?? current;
  if (target) target.error(`error: ${message}`, { exitCode: 2, code: 'sopkit.usage' });
  process.stderr.write(`error: ${message}\n(run \`sopkit --help\` for usage)\n`);
  throw new CommanderError(2, 'sopkit.usage', message);
}

/**
 * The SOP folder of a command: its positional argument, else `--dir`, else the current
 * folder. Both given and naming different folders is a usage error.
 */
export function sopDir(cmd: Command | undefined, positional: string | undefined, flag: string | undefined): string {
  if (positional !== undefined && flag !== undefined && path.resolve(positional) !== path.resolve(flag)) {
    usageError(cmd, `two different SOP folders: "${positional}" and --dir "${flag}"; give the folder once (--dir is the same as the argument)`);
  }
  lastSopDir = positional ?? flag ?? '.';
  return lastSopDir;
}

let lastSopDir: string | undefined;
/** The SOP folder the running command was given (for the "not an SOP folder" hint). */
export function currentSopDir(): string | undefined {
  return lastSopDir;
}

/**
 * The command line the user typed, with the SOP folder `given` replaced by `dir` (or
 * added at the end when it was the default): `sopkit review . --date …` becomes
 * `sopkit review sop-sources --date …`, runnable as printed.
 */
export function rerunWith(given: string, dir: string, argv: readonly string[] = process.argv.slice(2)): string {
  const args = [...argv];
  const at = args.lastIndexOf(given);
  const eq = args.findIndex((a) => a === `--dir=${given}`);
  if (at > 0) args[at] = dir;
  else if (eq >= 0) args[eq] = `--dir=${dir}`;
  else args.push(dir);
  return ['sopkit', ...args].map((a, i) => (i === 0 ? a : shellQuote(a))).join(' ');
}

/** Shell-quotes one argument for a printed command, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A runnable suggestion for "that folder is not an SOP": the SOP folder nearest to what
 * the user gave — a parent holding sop.yaml (they ran the command inside the SOP), else a
 * sub-folder holding one (they ran it one level up, e.g. in the sopkit folder) — or
 * `sopkit init my-sop` when there is none.
 */
export function sopFolderHint(given: string): string {
  const abs = path.resolve(given);
  const cmd = current ? commandPath(current) : 'sopkit check';
  const withDir = (dir: string) => `\`${rerunWith(given, shownPath(dir))}\``;
  const isSop = (d: string) => existsSync(path.join(d, 'sop.yaml'));
  // A folder that does not exist: look from its nearest existing parent (a typo'd name).
  let at = abs;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  if (at !== abs && isSop(at)) return `The SOP folder is ${shownPath(at)}: run ${withDir(at)}.`;
  if (existsSync(at)) {
    for (let d = path.dirname(at); ; d = path.dirname(d)) {
      if (isSop(d)) return `${given === '.' ? 'This folder' : `"${given}"`} is inside the SOP folder ${shownPath(d)}: run ${withDir(d)}.`;
      if (path.dirname(d) === d) break;
    }
    let subs: string[] = [];
    try {
      subs = readdirSync(at, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && isSop(path.join(at, e.name)))
        .map((e) => e.name)
        .sort();
    } catch {
      subs = [];
    }
    if (subs.length) return `${subs.length === 1 ? 'The SOP here is' : 'The SOPs here are'} ${subs.map((s) => `${shownPath(path.join(at, s))}/`).join(', ')}: run ${withDir(path.join(at, subs[0]!))}.`;
  }
  return `Pass the folder that holds sop.yaml (${cmd} DIR), or create a new SOP with \`sopkit init my-sop\`.`;
}
