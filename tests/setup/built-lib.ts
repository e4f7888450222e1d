/**
 * The suite tests lib/, the code `npm run build` ships (vitest.config.ts maps every import
 * of src/ to it). This makes sure lib/ is built from the sources as they are now:
 *
 * - `npm test` builds it first (`pretest`), so here it is fresh and nothing happens;
 * - `npx vitest run tests/<file>` after editing src/, schemas/ or the shipped profiles
 *   rebuilds it with the same two steps as `npm run build` (tsc, then postbuild), and says so.
 *
 * A build that fails (a type error) stops the run with tsc's message: the tests never run
 * an older lib/ than the sources.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Written last by `node lib/tooling/postbuild.js`: its time is when the build finished. */
const STAMP = path.join(ROOT, 'lib/model/shipped-profiles.json');
/** What lib/ is made from. */
const INPUTS = ['src', 'schemas', 'templates/profiles', 'tsconfig.json', 'package.json'];

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest input file newer than `since`, or undefined. */
function newerInput(since: number): string | undefined {
  const walk = (p: string): string | undefined => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (!st.isDirectory()) return st.mtimeMs > since ? p : undefined;
    for (const e of readdirSync(p)) {
      const hit = walk(path.join(p, e));
      if (hit) return hit;
    }
    return undefined;
  };
  for (const i of INPUTS) {
    const hit = walk(path.join(ROOT, i));
    if (hit) return hit;
  }
  return undefined;
}

function step(args: string[], what: string): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`tests: ${what} failed, so lib/ cannot be tested:\n${r.stdout}${r.stderr}`);
}

/** Rebuilds lib/ when it is missing or older than its sources; returns why it did, or undefined. */
export function ensureFreshLib(): string | undefined {
  const built = mtime(STAMP);
  const newer = built < 0 ? undefined : newerInput(built);
  const why = built < 0 ? 'lib/ is not built' : newer && `${path.relative(ROOT, newer)} is newer than lib/`;
  if (!why) return undefined;
  const t0 = Date.now();
  step([path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], 'tsc -p tsconfig.json');
  step([path.join(ROOT, 'lib/tooling/postbuild.js')], 'node lib/tooling/postbuild.js');
  console.warn(`tests: ${why}: rebuilt it as npm run build does (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return why;
}

/** vitest globalSetup: once per run, before any test file imports lib/. */
export default function setup(): void {
  ensureFreshLib();
}
