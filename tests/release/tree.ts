import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

const made: string[] = [];

/** Registers a temp folder for `removeTempDirs`. */
export function remember(dir: string): string {
  made.push(dir);
  return dir;
}

/** Removes every temp folder these helpers made (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A throw-away copy of the example SOP (without any dist/ or releases/ it may have locally). */
export async function copyExample(): Promise<string> {
  const dir = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-release-')));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !/[\\/](dist|releases)([\\/]|$)/.test(path.relative(EXAMPLE, src).replace(/^/, '/')) });
  return dir;
}

/** sha256 of every file under `dir` (hidden files included), by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else out[child] = createHash('sha256').update(await readFile(path.join(dir, child))).digest('hex');
    }
  };
  await walk('');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
