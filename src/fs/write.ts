import { mkdir, rename, rm, writeFile, mkdtemp, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file atomically: a temp file beside it, then rename. A crash leaves either
 * the old file or the new one, never half of one.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Makes an empty staging folder beside `target` (same file system, so the final rename is atomic). */
export async function makeStagingDir(target: string): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  return mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.staging-`));
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
 * a complete folder at `target` (the old or the new).
 */
export async function replaceDir(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const had = await pathExists(target);
  if (had) await rename(target, old);
  try {
    await rename(staging, target);
  } catch (e) {
    if (had) await rename(old, target);
    throw e;
  }
  if (had) await rm(old, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build; never throws. */
export async function discardDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}
