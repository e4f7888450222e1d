/**
 * `check` after an edit lays out only what the edit can change (src/cache/inputs.ts,
 * scopes): after a build, a save in `sections/en/` makes `check` lay the English SOP out
 * again, but the posters' fit and the Arabic page count still come from the build's
 * facts. The process runs with the module-log hook (tests/helpers/module-log.mjs), so
 * "not laid out" is read as "the poster code never ran".
 */
import { appendFile, cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
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
});
