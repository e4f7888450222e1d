/**
 * `check` after an edit lays out only what the edit can change (src/cache/inputs.ts,
 * scopes): after a build, a save in `sections/en/` makes `check` lay the English SOP out
 * again, but the posters' fit and the Arabic page count still come from the build's
 * facts. The process runs with the module-log hook (tests/helpers/module-log.mjs), so
 * "not laid out" is read as "the poster code never ran".
 */
import { appendFile, cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hashTree } from '../helpers/files.js';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, sopkit } from './cli.js';

const HOOK = pathToFileURL(path.join(ROOT, 'tests/helpers/module-log.mjs')).href;

describe('check after an edit', () => {
  beforeAll(() => ensureBuilt());

  it('after a build and an English edit, check lays out the English SOP only: no poster code runs, and the diagnostics are those of --no-cache', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-check-edit-'));
    const sop = path.join(tmp, 'sop');
    await cp(path.join(ROOT, 'sop-sources'), sop, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
    const env = { SOPKIT_CACHE_DIR: path.join(tmp, 'cache') };
    expect(sopkit(['build', sop, '--quiet'], ROOT, env).code).toBe(0);
    const en = path.join(sop, 'sections', 'en', (await readdir(path.join(sop, 'sections', 'en'))).sort()[1]!);
    await appendFile(en, '\nOne more paragraph, written after the build.\n');

    let n = 0;
    const run = async (extra: string[], more: Record<string, string> = {}) => {
      const log = path.join(tmp, `modules-${n++}.txt`);
      const r = sopkit(['check', sop, '--today', '2026-11-25', '--format', 'json', ...extra], ROOT, { ...env, ...more, NODE_OPTIONS: `--import=${HOOK}`, SOPKIT_TEST_MODULE_LOG: log });
      return { ...r, modules: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
    };
    const cached = await run([]);
    const ran = (part: string) => cached.modules.some((u) => u.includes(part));
    expect(ran('/lib/layout/document.js')).toBe(true); // the English SOP is laid out again…
    expect(ran('/lib/posters/')).toBe(false); // …the posters are not
    const cold = await run(['--no-cache']);
    expect(cold.modules.some((u) => u.includes('/lib/posters/'))).toBe(true);
    expect(cached.code).toBe(cold.code);
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(cold.stdout));
  }, 240_000);

  it('after a data edit, a build lays out again only the graphs the edit changed (ELK layouts kept in the cache folder), with the bytes of a --no-cache build', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-build-edit-'));
    const sop = path.join(tmp, 'sop');
    await cp(path.join(ROOT, 'sop-sources'), sop, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
    const cache = path.join(tmp, 'cache');
    expect(sopkit(['build', sop, '-o', path.join(tmp, 'first'), '--quiet'], ROOT, { SOPKIT_CACHE_DIR: cache }).code).toBe(0);
    const kept = await readdir(path.join(cache, 'elk'));
    expect(kept.length).toBeGreaterThan(10); // the SOP's flowcharts and the posters' graphs
    // One flowchart label changed: its graphs are laid out again, the others are read back.
    const file = path.join(sop, 'data', 'eligibility.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('en: Child identified or referral received', 'en: Child identified, or a referral received'));
    expect(sopkit(['build', sop, '-o', path.join(tmp, 'warm'), '--quiet'], ROOT, { SOPKIT_CACHE_DIR: cache }).code).toBe(0);
    const added = (await readdir(path.join(cache, 'elk'))).length - kept.length;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(kept.length / 2);
    expect(sopkit(['build', sop, '-o', path.join(tmp, 'cold'), '--quiet', '--no-cache'], ROOT).code).toBe(0);
    expect(await hashTree(path.join(tmp, 'warm'))).toEqual(await hashTree(path.join(tmp, 'cold')));
  }, 240_000);
});
