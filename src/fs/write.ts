import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile, mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diagnostic, SopkitError } from '../diag/index.js';
import { asOutputError, cleanStale, folderState, markOutputDir, OUTPUT_MARKER, processAlive, shownPath } from './output-guard.js';

/**
 * Writes a file atomically: a temp file beside it, then rename. A crash leaves either
 * the old file or the new one, never half of one (and the next write removes the temp
 * file a killed run left). A file-system error is "cannot write FILE" (exit 2).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    // A folder made here for the file is an output folder sopkit made: marked as such.
    const made = await mkdir(path.dirname(file), { recursive: true });
    if (made) await markOutputDir(made);
    await cleanStale(file);
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw asOutputError(e, path.resolve(file));
  }
}

/**
 * Makes an empty staging folder beside `target` (same file system, so the final rename is
 * atomic), named `.NAME.staging-PID-XXXXXX` and marked as sopkit's from the start, so
 * that the next run can tell it is a leftover of a killed run and remove it. Leftovers
 * of killed runs beside `target` are cleaned first.
 */
export async function makeStagingDir(target: string): Promise<string> {
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await cleanStale(target);
    const dir = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.staging-${process.pid}-`));
    await markOutputDir(dir);
    return dir;
  } catch (e) {
    throw asOutputError(e, path.resolve(target));
  }
}

/** Whether a path exists (file or folder); never throws. */
export async function pathExists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces folder `target` by the finished `staging` folder. The old one is moved aside
 * first and deleted only after the new one is in place, so a failure at any point leaves
 * a complete folder at `target` (the old or the new). Only a folder sopkit made (or an
 * empty one, or none) is ever replaced: anything else is refused (exit 2), whoever calls.
 */
export async function replaceDir(staging: string, target: string): Promise<void> {
  const state = await folderState(target);
  if (!state) {
    throw new SopkitError(
      diagnostic('output-refused', 'error', `refusing to replace "${shownPath(target)}": it is not a folder sopkit made (it has no ${OUTPUT_MARKER})`, undefined, `Choose a new or empty folder; or, if you no longer need ${shownPath(target)}, delete it yourself and run again.`),
    );
  }
  const old = `${target}.old-${process.pid}`;
  const had = state !== 'missing';
  try {
    if (had) await rename(target, old);
    try {
      await rename(staging, target);
    } catch (e) {
      if (had) await rename(old, target);
      throw e;
    }
  } catch (e) {
    throw asOutputError(e, target);
  }
  // The new folder is in place. An old one that cannot be deleted now is removed by the next run.
  if (had) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/** Removes a staging folder after a failed build; never throws. */
export async function discardDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * A marked temporary folder `<tmp>/PREFIX-PID-XXXXXX`.
 * Such folders left by killed runs (their process gone) are removed first.
 */
export async function makeTempDir(prefix: string): Promise<string> {
  const base = os.tmpdir();
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-[A-Za-z0-9]{6}$`);
  for (const n of await readdir(base).catch(() => [] as string[])) {
    const m = pattern.exec(n);
    if (!m || processAlive(Number(m[1]))) continue;
    const p = path.join(base, n);
    if (existsSync(path.join(p, OUTPUT_MARKER))) await rm(p, { recursive: true, force: true }).catch(() => undefined);
  }
  const dir = await mkdtemp(path.join(base, `${prefix}-${process.pid}-`));
  await markOutputDir(dir);
  return dir;
}
