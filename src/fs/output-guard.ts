import { existsSync, statSync } from 'node:fs';
import { access, constants, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diagnostic, fileSystemError, SopkitError } from '../diag/index.js';

/**
 * The output policy (issue 10): outputs can never destroy inputs. Every command that
 * writes asks here first, and `replaceDir` asks again before it replaces anything.
 *
 * - sopkit replaces (deletes and writes anew) only a folder it made — one that holds
 *   its marker file `.sopkit-output.json`, lies inside such a folder, or has the shape
 *   of a `dist/` written by sopkit before the marker existed — or an empty folder.
 * - It never writes an output folder that is the file-system root, the home folder (or a
 *   parent of it), the SOP folder, a parent of the SOP folder, or inside the SOP's inputs
 *   (`sop.yaml`, `sections/`, `annexes/`, `data/`, `profiles/`, `releases/`, `.sopkit/`, `.git/`);
 *   `SOP/dist` and any other new folder inside the SOP are fine.
 * - An output file (a report, a stamped PDF) is never one of the command's own inputs, never
 *   an existing file of an SOP, and never inside `releases/` or `.git/`; any other file
 *   is written like a shell's `>` does (replaced atomically).
 * Every refusal is exit 2 with what, where, why and how to fix it; nothing is written.
 */

/** The marker file in every output folder sopkit makes. Its content is fixed (no clock time). */
export const OUTPUT_MARKER = '.sopkit-output.json';
export const OUTPUT_MARKER_TEXT = `${JSON.stringify({ sopkit: 'output', note: 'This folder was made by sopkit, which replaces it whole on the next run. Keep no other files in it.' }, null, 2)}\n`;

/** Top-level names of an SOP folder that are its inputs (or its history): never an output. */
export const SOP_INPUTS: readonly string[] = ['sop.yaml', 'sections', 'annexes', 'data', 'profiles', 'releases', '.sopkit', '.git'];

/** What sopkit wrote into `dist/` before the marker existed (recognised as its own). */
const OLD_OUTPUT_ENTRIES = new Set(['build.json', 'pdf', 'site', 'posters', 'report', '.cache']);
/** Files operating systems (and git users) drop into any folder; they do not make a folder someone else's. */
const OS_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.directory', '.gitkeep']);

export interface OutputPolicy {
  /** The command, for messages: `build`, `posters`, `diff`, … */
  command: string;
  /** The option the user gave the path with (`--out`), if they did; the hint names it. */
  option?: string;
  /** The SOP folder the command reads. */
  sopRoot?: string;
  /** Files the command reads (e.g. the PDF `stamp` stamps): an output can never be one. */
  inputs?: readonly string[];
}

export type OutputState = 'missing' | 'empty' | 'marked' | 'inside-marked' | 'old-output';

/** A path as people should read it: relative to the current folder when inside it, else absolute; `/` separators. */
export function shownPath(abs: string, from = process.cwd()): string {
  const rel = path.relative(from, abs);
  const p = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return p.split(path.sep).join('/');
}

/** The real path of `p` (links resolved) even when its last parts do not exist yet. */
export async function realPathOf(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(await realpath(cur), ...rest.reverse());
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return abs;
      rest.push(path.basename(cur));
      cur = up;
    }
  }
}

/** `a` is `b` or inside it. */
function within(a: string, b: string): boolean {
  const rel = path.relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function homeDir(): string | undefined {
  // os.homedir() reads $HOME first on POSIX (and %USERPROFILE% on Windows).
  try {
    const h = process.env.HOME || os.homedir();
    return h ? path.resolve(h) : undefined;
  } catch {
    return undefined;
  }
}

/** The SOP folders `p` lies in: every ancestor that holds a `sop.yaml` (and `extra`). */
function sopRootsAround(p: string, extra: (string | undefined)[]): string[] {
  const roots = new Set<string>();
  for (const e of extra) if (e) roots.add(e);
  let cur = p;
  for (;;) {
    if (existsSync(path.join(cur, 'sop.yaml'))) roots.add(cur);
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return [...roots];
}

/** The SOP input area `p` lies in (`sections`, `sop.yaml`, …) relative to `root`, if any. */
function inputAreaOf(p: string, root: string): string | undefined {
  if (!within(p, root) || p === root) return undefined;
  const first = path.relative(root, p).split(path.sep)[0]!;
  return SOP_INPUTS.includes(first) ? first : undefined;
}

function refuse(rule: string, message: string, hint: string): SopkitError {
  return new SopkitError(diagnostic(rule, 'error', message, undefined, hint));
}

async function entriesOf(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !OS_LITTER.has(n));
}

async function hasMarker(dir: string): Promise<boolean> {
  try {
    const text = await readFile(path.join(dir, OUTPUT_MARKER), 'utf8');
    return (JSON.parse(text) as { sopkit?: unknown })?.sopkit === 'output';
  } catch {
    return false;
  }
}

/**
 * Whether `dir` has exactly the shape of an output folder written by sopkit before the
 * marker file existed: only `build.json`, `pdf/`, `site/`, `posters/`, `report/`,
 * `.cache/`, with a `build.json` of sopkit's form ({ version, date }); or, from `posters`
 * and `diff` alone, only `posters/` (PDFs) and `report/` (diff-*.html|pdf, changelog-*.md).
 */
export async function isOldOutput(dir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await entriesOf(dir);
  } catch {
    return false;
  }
  if (!names.length || !names.every((n) => OLD_OUTPUT_ENTRIES.has(n))) return false;
  for (const n of names) {
    const st = await lstat(path.join(dir, n));
    if (n === 'build.json' ? !st.isFile() : !st.isDirectory()) return false;
  }
  if (names.includes('build.json')) {
    try {
      const b = JSON.parse(await readFile(path.join(dir, 'build.json'), 'utf8')) as Record<string, unknown>;
      return typeof b === 'object' && b !== null && typeof b.version === 'string' && Object.keys(b).every((k) => k === 'version' || k === 'date');
    } catch {
      return false;
    }
  }
  if (names.some((n) => n !== 'posters' && n !== 'report')) return false;
  for (const n of names) {
    const files = await entriesOf(path.join(dir, n));
    const ok = n === 'posters' ? (f: string) => /\.pdf$/.test(f) : (f: string) => /^(diff-.+\.(html|pdf)|changelog-.+\.md)$/.test(f);
    if (!files.every((f) => f === OUTPUT_MARKER || ok(f))) return false;
  }
  return true;
}

/** Whether `dir` holds nothing but what sopkit writes into an output folder (or nothing). */
async function onlyOutputEntries(dir: string): Promise<boolean> {
  const names = await entriesOf(dir).catch(() => ['?']);
  return names.every((n) => OLD_OUTPUT_ENTRIES.has(n) || n === OUTPUT_MARKER);
}

/** Whether `dir` (an existing folder) is sopkit's: marked, inside a marked folder, or an old output. */
export async function ownership(dir: string): Promise<OutputState | undefined> {
  if (await hasMarker(dir)) return 'marked';
  for (let cur = path.dirname(dir); ; cur = path.dirname(cur)) {
    if (await hasMarker(cur)) return 'inside-marked';
    if (path.dirname(cur) === cur) break;
  }
  if (await isOldOutput(dir)) return 'old-output';
  return undefined;
}

/** The state of an existing-or-not folder `dir`; undefined when it holds things sopkit did not make. */
export async function folderState(dir: string): Promise<OutputState | undefined> {
  let st;
  try {
    st = await lstat(dir);
  } catch {
    return 'missing';
  }
  if (!st.isDirectory()) return undefined;
  if ((await entriesOf(dir)).length === 0) return 'empty';
  return ownership(dir);
}

function describeContents(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/**
 * The checks every output path gets (folder or file): not the root, not the home folder
 * or above it, not the SOP folder or above it, not inside an SOP's inputs.
 */
async function checkPlace(real: string, shown: string, policy: OutputPolicy, kind: 'folder' | 'file'): Promise<void> {
  const what = `${kind === 'folder' ? 'the output folder' : 'the output file'} "${shown}"${policy.option ? ` (${policy.option})` : ''}`;
  const another = policy.option ? `Choose another ${policy.option}` : 'Choose another output path';
  if (path.parse(real).root === real) {
    throw refuse('output-refused', `${policy.command}: refusing to write ${what}: it is the root of the file system, and sopkit would replace everything in it`, `${another}: a new folder, e.g. ${policy.option ?? '--out'} ./sopkit-out.`);
  }
  const home = homeDir();
  if (home && within(home, real)) {
    throw refuse('output-refused', `${policy.command}: refusing to write ${what}: it is ${real === home ? 'your home folder' : 'a parent of your home folder'}, and sopkit would replace what is in it`, `${another}: a new folder inside it, e.g. ${policy.option ?? '--out'} ${shownPath(path.join(home, 'sopkit-out'))}.`);
  }
  for (const root of sopRootsAround(real, [policy.sopRoot && (await realPathOf(policy.sopRoot))])) {
    const rootShown = shownPath(root);
    if (within(root, real)) {
      const why = root === real ? 'it is the SOP folder itself' : `it holds the SOP folder ${rootShown}`;
      throw refuse('output-refused', `${policy.command}: refusing to write ${what}: ${why}, and writing there would replace sop.yaml, sections/ and everything else of the SOP`, `${another}: a new folder, e.g. the default ${shownPath(path.join(root, 'dist'))}.`);
    }
    const area = inputAreaOf(real, root);
    if (area && (kind === 'folder' || area === 'releases' || area === '.git')) {
      const example = policy.command === 'init' ? '' : `, e.g. ${shownPath(path.join(root, 'dist'))}`;
      throw refuse('output-refused', `${policy.command}: refusing to write ${what}: it is inside ${area}${area === 'sop.yaml' ? '' : '/'} of the SOP ${rootShown}, which is one of its sources${area === 'releases' ? ' (frozen releases are never changed)' : ''}`, `${another} outside the SOP's sources${example}.`);
    }
  }
}

/**
 * Checks that sopkit may replace folder `dir` whole (build, posters, init) or write into
 * it (diff reports). Throws a SopkitError (exit 2) that says what, where, why and how to
 * fix it; returns the real path to write and its state.
 */
export async function checkOutputDir(dir: string, policy: OutputPolicy): Promise<{ abs: string; state: OutputState }> {
  const shown = shownPath(path.resolve(dir));
  const real = await realPathOf(dir);
  await checkPlace(real, shown, policy, 'folder');
  // A file in the way (the output itself or one of its parents): nothing can be written.
  for (let cur = real; ; cur = path.dirname(cur)) {
    const st = await stat(cur).catch(() => undefined);
    if (st) {
      if (!st.isDirectory()) {
        throw refuse('cannot-write', `cannot write ${shown}: ${cur === real ? 'it is a file, not a folder' : `${shownPath(cur)} is a file, not a folder`} (ENOTDIR)`, `Move or rename that file, or choose another ${policy.option ?? 'output folder'}.`);
      }
      break;
    }
    if (path.dirname(cur) === cur) break;
  }
  for (const input of policy.inputs ?? []) {
    if (within(await realPathOf(input), real)) {
      throw refuse('output-refused', `${policy.command}: refusing to write the output folder "${shown}": it holds ${shownPath(path.resolve(input))}, which this command reads`, `Choose another ${policy.option ?? 'output folder'}.`);
    }
  }
  const state = await folderState(real);
  if (!state) {
    const names = await Promise.all(
      (await entriesOf(real)).sort().map(async (n) => ((await lstat(path.join(real, n)).then((st) => st.isDirectory(), () => false)) ? `${n}/` : n)),
    );
    throw refuse(
      'output-refused',
      `${policy.command}: refusing to write into "${shown}": it holds ${describeContents(names)}, which sopkit did not make, and sopkit replaces its output folder whole`,
      `Choose a new or empty folder${policy.option ? ` for ${policy.option}` : ' with --out'} (sopkit marks the folders it makes with ${OUTPUT_MARKER}); or, if you no longer need what is in ${shown}, delete it yourself and run again.`,
    );
  }
  if (state === 'marked' || state === 'old-output') await checkRemovable(real, shown);
  // Written where the user said, unless that is itself a link (then where it points).
  const isLink = await lstat(path.resolve(dir)).then((st) => st.isSymbolicLink(), () => false);
  return { abs: isLink ? real : path.resolve(dir), state };
}

/**
 * Deleting a folder tree needs write permission on every folder in it: checked before
 * anything is written, so a read-only `dist/` is refused up front instead of leaving a
 * half-replaced one (as root nothing is read-only and this passes).
 */
async function checkRemovable(dir: string, shown: string): Promise<void> {
  const folders = [dir];
  while (folders.length) {
    const d = folders.pop()!;
    try {
      await access(d, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EACCES';
      const which = d === dir ? '' : ` (${shownPath(d)} is read-only)`;
      throw refuse('cannot-write', `cannot write ${shown}: ${code === 'EROFS' ? 'the file system is read-only' : 'permission denied'}${which} (${code}); sopkit replaces this folder whole and could not remove the old one`, code === 'EROFS' ? 'Write to a folder on a writable disk with --out.' : `Make it writable (chmod -R u+w ${shown}), or choose another output folder with --out.`);
    }
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) folders.push(path.join(d, e.name));
    }
  }
}

/** Writes the marker into `dir` (an output folder sopkit made or found empty). */
export async function markOutputDir(dir: string): Promise<void> {
  await writeFile(path.join(dir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
}

/**
 * `checkOutputDir`, then makes the folder (and marks it) when it was missing or empty:
 * for commands that write files into a folder (diff reports, posters' parent).
 */
export async function prepareOutputDir(dir: string, policy: OutputPolicy): Promise<string> {
  const { abs, state } = await checkOutputDir(dir, policy);
  await cleanStale(abs);
  if (state === 'missing' || state === 'empty') {
    await mkdir(abs, { recursive: true });
    await markOutputDir(abs);
  }
  return abs;
}

/**
 * Checks an output file (check's report, a stamped PDF): not one of the command's inputs,
 * not an existing file of an SOP (or anything in its releases/ or .git/), not a folder.
 * Returns the path to write.
 */
export async function checkOutputFile(file: string, policy: OutputPolicy): Promise<string> {
  const abs = path.resolve(file);
  const shown = shownPath(abs);
  const real = await realPathOf(file);
  await checkPlace(real, shown, policy, 'file');
  for (const input of policy.inputs ?? []) {
    if ((await realPathOf(input)) === real) {
      throw refuse('output-refused', `${policy.command}: refusing to write "${shown}"${policy.option ? ` (${policy.option})` : ''}: it is the file this command reads, which sopkit never overwrites`, `Choose another ${policy.option ?? 'output file'}, e.g. ${shownPath(path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-out${path.extname(abs)}`))}.`);
    }
  }
  const st = await stat(real).catch(() => undefined);
  if (st?.isDirectory()) {
    throw refuse('cannot-write', `cannot write ${shown}: it is a folder, not a file (EISDIR)`, `Give a file name${policy.option ? ` to ${policy.option}` : ''}, e.g. ${shownPath(path.join(abs, 'report.json'))}.`);
  }
  for (const root of sopRootsAround(real, [policy.sopRoot && (await realPathOf(policy.sopRoot))])) {
    const area = inputAreaOf(real, root);
    if (!area) continue;
    const hint = `Choose another ${policy.option ?? 'output file'} outside sop.yaml, sections/, annexes/, data/, profiles/ and releases/, e.g. ${shownPath(path.join(root, 'dist', 'report.txt'))}.`;
    if (st && (await isSourceFile(real, root, area))) {
      throw refuse('output-refused', `${policy.command}: refusing to overwrite "${shown}": it is ${area === 'sop.yaml' ? 'the manifest' : 'a source file'} of the SOP ${shownPath(root)}`, hint);
    }
    // A new file there would be read as a source on the next check or build (a report
    // written as sections/en/notes.md becomes a section), except a PDF in annexes/ that
    // no sidecar names (`sopkit stamp` writes its stamped copies there).
    if (!st && !(area === 'annexes' && /\.pdf$/i.test(real))) {
      throw refuse('output-refused', `${policy.command}: refusing to write "${shown}": it is inside ${area}/ of the SOP ${shownPath(root)}, where sopkit would read it as a source`, hint);
    }
  }
  const isLink = await lstat(abs).then((s) => s.isSymbolicLink(), () => false);
  return isLink ? real : abs;
}

/**
 * Whether existing file `file` in input area `area` is read as a source. In `annexes/`
 * a PDF that no sidecar names (e.g. a stamped copy written by `sopkit stamp`) is not.
 */
async function isSourceFile(file: string, root: string, area: string): Promise<boolean> {
  if (area !== 'annexes' || !/\.pdf$/i.test(file) || path.dirname(file) !== path.join(root, 'annexes')) return true;
  const name = path.basename(file);
  const base = name.replace(/\.pdf$/i, '');
  const dir = path.dirname(file);
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    if (!/\.ya?ml$/.test(n)) continue;
    if (n.replace(/\.ya?ml$/, '') === base) return true;
    const text = await readFile(path.join(dir, n), 'utf8').catch(() => '');
    if (text.split('\n').some((l) => /^file\s*:/.test(l) && l.includes(name))) return true;
  }
  return false;
}

/** Whether process `pid` still runs (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders of old sopkit versions had no pid: removed only when an hour old. */
const OLD_STAGING_AGE_MS = 60 * 60 * 1000;

/**
 * Cleans what killed runs left beside output `target` (a folder or a file):
 * `.NAME.staging-PID-*` folders (sopkit's: they hold its marker) and `NAME.old-PID`
 * folders (sopkit's output) of processes that are gone, and `NAME.tmp-PID` files. When
 * `target` itself is missing and a run was killed between its two renames, the old
 * output is put back first (it is the last complete one). Returns what was removed.
 */
export async function cleanStale(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const staging = new RegExp(`^\\.${esc}\\.staging-(?:(\\d+)-)?[A-Za-z0-9]{6}$`);
  const old = new RegExp(`^${esc}\\.old-(\\d+)$`);
  const tmp = new RegExp(`^${esc}\\.tmp-(\\d+)$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return removed;
  }
  for (const n of names) {
    const p = path.join(dir, n);
    try {
      let m = staging.exec(n);
      if (m) {
        const st = await lstat(p);
        if (!st.isDirectory()) continue;
        const pid = m[1] ? Number(m[1]) : undefined;
        const stale = pid !== undefined ? !processAlive(pid) && (await hasMarker(p)) : Date.now() - st.mtimeMs > OLD_STAGING_AGE_MS && (await onlyOutputEntries(p));
        if (stale) {
          await rm(p, { recursive: true, force: true });
          removed.push(p);
        }
        continue;
      }
      m = old.exec(n);
      if (m) {
        if (processAlive(Number(m[1]))) continue;
        const st = await lstat(p);
        if (!st.isDirectory() || !((await hasMarker(p)) || (await isOldOutput(p)))) continue;
        if (!existsSync(target)) {
          await rename(p, target);
          continue;
        }
        await rm(p, { recursive: true, force: true });
        removed.push(p);
        continue;
      }
      m = tmp.exec(n);
      if (m && !processAlive(Number(m[1])) && (await lstat(p)).isFile()) {
        await rm(p, { force: true });
        removed.push(p);
      }
    } catch {
      // Cleaning is best effort: a leftover that cannot be removed stays for the next run.
    }
  }
  return removed;
}

/**
 * A file-system error met while writing output `target` (EACCES, ENOSPC, ENOTDIR, …) as
 * "cannot write TARGET: reason" (exit 2); an error on a path elsewhere (a source being
 * read) names that path. Anything that is not a file-system error is returned as is.
 */
export function asOutputError(e: unknown, target: string): unknown {
  if (e instanceof SopkitError) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  const at = err && typeof err === 'object' ? err.path ?? (err as { dest?: string }).dest : undefined;
  // A file where a folder must go (ENOTDIR, or EEXIST from mkdir): name that file.
  if (err && (err.code === 'ENOTDIR' || (err.code === 'EEXIST' && err.syscall === 'mkdir'))) {
    const inTheWay = fileInTheWay(path.resolve(at ?? target));
    if (inTheWay) {
      return refuse('cannot-write', `cannot write ${shownPath(target)}: ${shownPath(inTheWay)} is a file, not a folder (${err.code})`, 'Move or rename that file, or choose another output path.');
    }
  }
  // Refused beside the output (its staging folder, moving the old one aside, a temp file):
  // the folder that holds it is the one to make writable.
  const inParent = at !== undefined && (err!.code === 'EACCES' || err!.code === 'EPERM') && path.dirname(path.resolve(at)) === path.dirname(target);
  const named = inParent ? `${shownPath(target)} (its folder ${shownPath(path.dirname(target))}/ is not writable)` : shownPath(target);
  const mapped = !at || isOwnPath(path.resolve(at), target) ? fileSystemError(e, named, 'write') : fileSystemError(e, shownPath(path.resolve(at)), 'read');
  return mapped ?? e;
}

/** The first existing ancestor-or-self of `p` that is not a folder, if that is what stops a write. */
function fileInTheWay(p: string): string | undefined {
  for (let cur = p; ; cur = path.dirname(cur)) {
    try {
      return statSync(cur).isDirectory() ? undefined : cur;
    } catch {
      // Missing or unreachable: look one level up.
    }
    if (path.dirname(cur) === cur) return undefined;
  }
}

/**
 * Whether `p` is one of the paths sopkit writes for output `target`: the target, a folder
 * above it, or anything in it or in its staging, old or temp siblings.
 */
function isOwnPath(p: string, target: string): boolean {
  if (within(p, target) || within(target, p)) return true;
  const dir = path.dirname(target);
  if (!within(p, dir)) return false;
  const first = path.relative(dir, p).split(path.sep)[0]!;
  const base = path.basename(target);
  return first.startsWith(`.${base}.staging-`) || first.startsWith(`${base}.old-`) || first.startsWith(`${base}.tmp-`);
}

/**
 * For commands that edit a source on purpose (`i18n sync`, `review`): refuses a file inside
 * an SOP's `releases/` (a frozen release is never changed, even through its own sop.yaml)
 * or `.git/`. Exit 2, nothing written.
 */
export async function checkSourceEdit(file: string, command: string): Promise<void> {
  const real = await realPathOf(file);
  for (const root of sopRootsAround(real, [])) {
    const area = inputAreaOf(real, root);
    if (area === 'releases' || area === '.git') {
      throw refuse('output-refused', `${command}: refusing to change "${shownPath(path.resolve(file))}": it is inside ${area}/ of the SOP ${shownPath(root)}${area === 'releases' ? ', and a frozen release is never changed' : ''}`, 'Change the working copy instead (the same file outside releases/).');
    }
  }
}
