/**
 * What a command loads decides most of its start-up (docs/bench.md, "Start-up"): a
 * `check --no-layout`, a `check` after a build and a `build` with nothing changed must not
 * load the layout engine, the PDF writer, HarfBuzz, elkjs, pdf-lib or the site and Word
 * libraries. Each process runs with a loader hook (tests/helpers/module-log.mjs) that lists
 * every ES module it loads and, at exit, every lib/ module that ran inside the CLI bundle
 * (lib/cli/bundle.cjs: its lazy `import()`s are lazy initialisers, and each module records
 * its path when it runs); a static import that drags one of them back in fails here.
 * (CommonJS files, which Node 20's hooks do not see, are the bundles' `.cjs`.)
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, sopkit } from './cli.js';

const HOOK = pathToFileURL(path.join(ROOT, 'tests/helpers/module-log.mjs')).href;

/** Modules only the layout, the writers and the site need, by URL fragment. */
const HEAVY = [
  '/lib/layout/',
  '/lib/pdf/',
  '/lib/text/',
  '/lib/frame/',
  '/lib/posters/',
  '/lib/diagram/',
  '/lib/site/',
  '/lib/word/',
  '/lib/vendor/pdf-lib.js',
  '/lib/vendor/html.js',
  '/lib/vendor/docx.js',
  '/lib/vendor/word-import.js',
  '/lib/vendor/unicode.js',
  '/node_modules/harfbuzzjs/',
  '/node_modules/elkjs/',
  '/node_modules/@napi-rs/',
];

let store: string;
let out: string;
let n = 0;

/** Runs the CLI in the repository root with the hook; returns what it loaded. */
async function loaded(args: string[]): Promise<{ code: number | null; modules: string[]; stderr: string }> {
  const log = path.join(store, `modules-${n++}.txt`);
  const r = sopkit(args, ROOT, { SOPKIT_CACHE_DIR: path.join(store, 'cache'), NODE_OPTIONS: `--import=${HOOK}`, SOPKIT_TEST_MODULE_LOG: log });
  const modules = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  return { code: r.code, modules, stderr: r.stderr };
}

const heavy = (modules: string[]) => modules.filter((u) => HEAVY.some((h) => u.includes(h))).map((u) => u.slice(u.indexOf('/lib/') >= 0 ? u.indexOf('/lib/') : u.indexOf('/node_modules/')));

describe('what a command loads', () => {
  beforeAll(async () => {
    ensureBuilt();
    store = await mkdtemp(path.join(os.tmpdir(), 'sopkit-startup-'));
    out = path.join(store, 'out');
  });

  it('check --no-layout, build again with nothing changed, and check after a build load no layout, writer or site code', async () => {
    const check = ['check', 'sop-sources', '--today', '2026-11-25', '--no-layout', '--format', 'json'];
    // First runs fill the cache (the annex PDF's verdict, the parsed trees, the build's outputs).
    const cold = await loaded(check);
    expect(cold.modules.some((u) => u.endsWith('/lib/cli/commands/check.js'))).toBe(true); // the hook saw the process
    // …and the command ran inside the bundle, started from bin/sopkit.js (CommonJS) through
    // lib/cli/launch.cjs: no ES module of lib/ (besides vendor bundles, here pdf-lib for the
    // annex PDF's first verdict) is loaded, not even main.js (src/cli/launch.ts).
    const esm = cold.modules.filter((u) => u.startsWith('file:') && u.includes('/lib/') && !u.includes('/lib/vendor/')).map((u) => u.slice(u.indexOf('/lib/') + 5));
    expect(esm).toEqual([]);
    expect(cold.modules.some((u) => u.startsWith('bundle:') && u.endsWith('/lib/cli/commands/check.js'))).toBe(true);
    expect(heavy(cold.modules).filter((u) => !u.includes('pdf-lib'))).toEqual([]);
    expect((await loaded(['build', 'sop-sources', '-o', out, '--quiet'])).code).toBe(0);

    const quick = await loaded(check);
    expect(quick.code).toBe(cold.code);
    expect(heavy(quick.modules)).toEqual([]);

    const again = await loaded(['build', 'sop-sources', '-o', out, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(heavy(again.modules)).toEqual([]);

    const full = await loaded(['check', 'sop-sources', '--today', '2026-11-25', '--format', 'json']);
    expect(heavy(full.modules)).toEqual([]);
    // The start-up bundles ran through V8's code cache (src/cache/code-cache.ts) and left their
    // compiled code: the four vendor bundles', the schema validators', and the CLI bundle's
    // once per command (check, build).
    expect(full.modules.filter((u) => /\/lib\/vendor\/(commander|yaml|front-matter|markdown)\.js$/.test(u))).toHaveLength(4);
    // ... and so did the three the build ran (pdf-lib, bidi + line breaking, elkjs): 4 + 1 + 2 + 3.
    expect((await readdir(path.join(store, 'cache', 'code'))).filter((f) => f.endsWith('.bin'))).toHaveLength(10);
  });

  it('check --no-layout starts without Node\'s ES module loader and without child_process', async () => {
    // bin/sopkit.js is CommonJS and requires lib/cli/launch.cjs (src/cli/launch.ts): the ES
    // module loader, and the built-ins an `import` of node:fs/node:crypto evaluates in full,
    // are not loaded; nor is child_process (with net, dgram…), which commander requires at
    // load and sopkit's vendor bundle hands out only on first use (src/tooling/bundle-vendor.ts).
    const log = path.join(store, 'builtins.txt');
    const preload = path.join(ROOT, 'tests/helpers/builtin-log.cjs');
    const r = sopkit(['check', 'sop-sources', '--today', '2026-11-25', '--no-layout', '--format', 'json'], ROOT, { SOPKIT_CACHE_DIR: path.join(store, 'cache'), NODE_OPTIONS: `--require=${preload}`, SOPKIT_TEST_BUILTIN_LOG: log });
    expect(r.code, r.stderr).toBe(0);
    const loadedNow = (await readFile(log, 'utf8')).split('\n');
    expect(loadedNow).toContain('NativeModule internal/modules/cjs/loader'); // the log is Node's list
    expect(loadedNow.filter((m) => /^NativeModule (child_process|internal\/modules\/esm\/(translators|module_job|resolve))$/.test(m))).toEqual([]);
  });
});
