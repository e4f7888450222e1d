import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = path.join(REPO, 'sop-sources');

export async function tempDir(prefix = 'sopkit-site-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function loadExample(): Promise<SopModel> {
  const { model } = await loadSop(EXAMPLE);
  return model;
}

/** The example as an older release: same sources, version 2.0 with its own date (for switcher tests). */
export function asOlderVersion(model: SopModel, version = '2.0', date = '2026-03-01'): SopModel {
  return { ...model, manifest: { ...model.manifest, version, date, status: 'final' } };
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

export async function size(file: string): Promise<number> {
  return (await stat(file)).size;
}

export { readFile };
