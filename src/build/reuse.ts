import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { getEntry, putEntry, type BuildCache } from '../cache/index.js';

/** Every file under `dir`, `/`-separated and relative to it. */
async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

interface StepMeta {
  /** What the step returned (its written files, as the build lists them). */
  written: string[];
  /** The diagnostics it reported, in order. */
  diagnostics: Diagnostic[];
}

/**
 * One build step (the PDFs, the posters, the site) through the cache: on a hit its files
 * are written into `staging` from the cache entry and its diagnostics reported again in
 * the same order, so the outputs and the messages are those of running it; on a miss it
 * runs, and the files it added under `staging` (every file under the folders it `owns`
 * that was not there before it: steps may run at the same time, each in its own folders)
 * are stored with what it returned and reported. `hit` says which happened.
 */
export async function cachedStep(
  cache: BuildCache | undefined,
  key: string,
  staging: string,
  owns: (file: string) => boolean,
  report: (d: Diagnostic) => void,
  run: (report: (d: Diagnostic) => void) => Promise<string[]>,
): Promise<{ written: string[]; hit: boolean }> {
  if (!cache) return { written: await run(report), hit: false };
  const entry = await getEntry<StepMeta>(cache.dir, key);
  if (entry && Array.isArray(entry.meta?.written) && Array.isArray(entry.meta.diagnostics)) {
    for (const f of entry.files) {
      const to = path.join(staging, ...f.path.split('/'));
      await mkdir(path.dirname(to), { recursive: true });
      await writeFile(to, f.bytes);
    }
    entry.meta.diagnostics.forEach(report);
    return { written: entry.meta.written, hit: true };
  }
  const before = new Set((await listFiles(staging)).filter(owns));
  const diagnostics: Diagnostic[] = [];
  const written = await run((d) => {
    diagnostics.push(d);
    report(d);
  });
  const added = (await listFiles(staging)).filter((f) => owns(f) && !before.has(f)).sort();
  const files = await Promise.all(added.map(async (p) => ({ path: p, bytes: await readFile(path.join(staging, ...p.split('/'))) })));
  await putEntry(cache.dir, key, { meta: { written, diagnostics }, files });
  return { written, hit: false };
}
