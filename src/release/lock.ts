import { link, mkdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { processAlive } from '../fs/index.js';

/** The lock of `sopkit release`, inside `releases/` (hidden, so never taken for a release). */
export const LOCK_FILE = 'releases/.lock';

export interface ReleaseLock {
  /** Absolute path of the lock file. */
  file: string;
  /** Set when a stale lock of a process that no longer runs was taken over. */
  note?: Diagnostic;
  /** Removes the lock (only if it is still this process's); never throws. */
  release(): Promise<void>;
}


async function holder(file: string): Promise<number | undefined> {
  try {
    const m = /^(\d+)\s*$/.exec(await readFile(file, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function busy(pid: number | undefined): SopkitError {
  const who = pid === undefined ? '' : ` (pid ${pid})`;
  return new SopkitError(
    diagnostic('release-locked', 'error', `another release is running${who} — wait for it to finish`, { file: LOCK_FILE }, `Run the release again when it is done. If no sopkit release is running${pid === undefined ? '' : ` (pid ${pid} is another program)`}, delete ${LOCK_FILE}.`),
    2,
  );
}

/**
 * Takes the release lock of the SOP in `root`: `releases/.lock`, created exclusively
 * (a temporary file holding this pid, hard-linked to the lock name, which fails if the
 * lock exists — so the lock never exists without its pid). A lock held by a running
 * process refuses with "another release is running (pid N)" (exit 2). A lock left by a
 * process that no longer runs is taken over, with a note. Two processes taking over
 * the same stale lock at once: each re-reads the lock after a short pause and only the
 * one whose pid it holds goes on.
 */
export async function acquireReleaseLock(root: string): Promise<ReleaseLock> {
  const dir = path.join(root, 'releases');
  let madeDir = false;
  try {
    await mkdir(dir);
    madeDir = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const file = path.join(root, ...LOCK_FILE.split('/'));
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${process.pid}\n`);
  let note: Diagnostic | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tmp, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const pid = await holder(file);
      if (pid !== undefined && processAlive(pid) && pid !== process.pid) throw busy(pid);
      if (attempt >= 3) throw busy(pid);
      // Stale: its process is gone (or the file holds no pid). Take it over.
      note = diagnostic('release-lock-stale', 'info', `took over ${LOCK_FILE}${pid !== undefined ? ` of pid ${pid}` : ''}, a release that no longer runs (it was probably interrupted)`, { file: LOCK_FILE }, 'Nothing to do: its staging folder, if any, is removed by this release.');
      await unlink(file).catch(() => undefined);
    }
    if (note) {
      // Someone else may have taken over the same stale lock at the same moment.
      await new Promise((r) => setTimeout(r, 50));
      const now = await holder(file);
      if (now !== process.pid) throw busy(now);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (madeDir) await rmdir(dir).catch(() => undefined);
    throw e;
  }
  await unlink(tmp).catch(() => undefined);
  let released = false;
  return {
    file,
    note,
    async release() {
      if (released) return;
      released = true;
      if ((await holder(file)) === process.pid) await unlink(file).catch(() => undefined);
      // A first release that wrote nothing leaves no empty releases/ behind.
      if (madeDir) await rmdir(dir).catch(() => undefined);
    },
  };
}
