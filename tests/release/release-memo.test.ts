/**
 * `release` keeps what its check and build parse and lay out (Markdown trees, YAML, ELK
 * layouts) in the cache folder, as `build` and `check` do (src/cache/memo.ts), so the
 * release after a build reads them back; `--no-cache` keeps nothing there.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, sopkit } from './cli.js';
import { copyExample, remember, removeTempDirs } from './tree.js';

let main: string;
beforeAll(async () => {
  main = await builtCli();
});
afterAll(removeTempDirs);

const kept = async (cache: string) => (await readdir(cache).catch(() => [] as string[])).filter((f) => ['elk', 'mdast', 'yaml'].includes(f)).sort();

describe('release and the cache folder', () => {
  it('a release keeps its parses and ELK layouts in the cache folder; --no-cache keeps none', async () => {
    const cache = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-release-memo-')));
    const dir = await copyExample();
    const r = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--quiet', '--dir', dir], { env: { SOPKIT_CACHE_DIR: cache } });
    expect(r.code, r.stderr).toBe(0);
    expect(await kept(cache)).toEqual(['elk', 'mdast', 'yaml']);
    expect((await readdir(path.join(cache, 'elk'))).length).toBeGreaterThan(10);

    const none = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-release-memo-')));
    const dir2 = await copyExample();
    const r2 = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--quiet', '--no-cache', '--dir', dir2], { env: { SOPKIT_CACHE_DIR: none } });
    expect(r2.code, r2.stderr).toBe(0);
    expect(await kept(none)).toEqual([]);
  }, 240_000);
});
