import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = pathToFileURL(fileURLToPath(new URL('../../lib/cache/code-cache.js', import.meta.url))).href;

/**
 * One fresh process that loads `bundle` and, as at exit, keeps its compiled code; what the
 * bundle exported and how many code files were written. A process each, because V8 also
 * keeps compiled scripts in memory: a second load in the same process never reads the file.
 */
function run(bundle: string, env: Record<string, string>): { f: number; url: string; strict: boolean; req: string; written: number } {
  const script = `import { keepCompiledCode, loadBundle } from ${JSON.stringify(LOADER)};
const m = loadBundle(new URL(${JSON.stringify(pathToFileURL(bundle).href)}));
process.stdout.write(JSON.stringify({ f: m.f(), url: m.url, strict: m.strict, req: m.req, written: keepCompiledCode() }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, SOPKIT_CACHE: '', ...env }, encoding: 'utf8' }));
}

describe('the code cache of the vendor bundles (src/cache/code-cache.ts)', () => {
  it('runs the bundle as Node would (strict, require, import.meta.url), keeps its compiled code once, and recompiles a damaged file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-code-cache-'));
    const env = { SOPKIT_CACHE_DIR: path.join(dir, 'cache') };
    const bundle = path.join(dir, 'b.cjs');
    await writeFile(bundle, "const x = 21;\nexports.f = function () { return x * 2; };\nexports.url = __importMetaUrl;\nexports.strict = (function () { return this; })() === undefined;\nexports.req = typeof require('node:path').join;\n");
    const first = run(bundle, env);
    expect(first).toEqual({ f: 42, url: pathToFileURL(bundle).href, strict: true, req: 'function', written: 1 });
    const kept = await readdir(path.join(dir, 'cache', 'code'));
    expect(kept).toHaveLength(1);

    // The kept code is accepted: nothing to write again.
    expect(run(bundle, env)).toMatchObject({ f: 42, written: 0 });

    // Damaged: V8 rejects it, the bundle compiles and runs as ever, and its code is kept again.
    await writeFile(path.join(dir, 'cache', 'code', kept[0]!), 'not compiled code');
    expect(run(bundle, env)).toMatchObject({ f: 42, written: 1 });
    expect(run(bundle, env)).toMatchObject({ f: 42, written: 0 });

    // Another source: its own file. Caching off: nothing kept.
    await writeFile(bundle, "exports.f = () => 10; exports.url = ''; exports.strict = true; exports.req = '';\n");
    expect(run(bundle, { ...env, SOPKIT_CACHE: '0' })).toMatchObject({ f: 10, written: 0 });
    expect(run(bundle, env)).toMatchObject({ f: 10, written: 1 });
    expect(await readdir(path.join(dir, 'cache', 'code'))).toHaveLength(2);
  });

  it('keeps code per variant as `keepAs` says, reading the first kept variant of `variants`, keyed on the sha256 line a built bundle starts with', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-code-cache-'));
    const env = { ...process.env, SOPKIT_CACHE: '', SOPKIT_CACHE_DIR: path.join(dir, 'cache') };
    const bundle = path.join(dir, 'b.cjs');
    await writeFile(bundle, `// sopkit-code-sha256: ${'a'.repeat(64)}\nexports.f = () => 1;\n`);
    // As the CLI loads its bundle (src/cli/launch.ts): `heavy` is a run that left the start-up path.
    const load = (command: string, heavy: boolean) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', `import { commandCodeCache, keepCompiledCode, loadBundle } from ${JSON.stringify(LOADER)};
const policy = commandCodeCache(${JSON.stringify(command)}, () => ${!heavy});
let seen;
loadBundle(new URL(${JSON.stringify(pathToFileURL(bundle).href)}), { ...policy, keepAs: (e, read) => ((seen = read), policy.keepAs(e, read)) });
process.stdout.write(keepCompiledCode() + ' ' + seen);`], { env, encoding: 'utf8' });
    expect(load('check', true)).toBe('0 undefined'); // check keeps no full copy
    expect(load('check', false)).toBe('1 undefined');
    expect(load('check', false)).toBe('0 check'); // found and accepted
    expect(load('build', false)).toBe('1 undefined'); // another command: its own file
    expect(load('build', true)).toBe('1 build'); // a heavy run: everything it compiled, once
    expect(load('build', true)).toBe('0 build-full');
    expect(load('build', false)).toBe('0 build-full'); // a light run reads the full copy and keeps nothing
    const kept = await readdir(path.join(dir, 'cache', 'code'));
    expect(kept).toHaveLength(3);
    // The key is the first line's hash: a bundle with another line gets other files.
    await writeFile(bundle, `// sopkit-code-sha256: ${'b'.repeat(64)}\nexports.f = () => 1;\n`);
    expect(load('check', false)).toBe('1 undefined');
  });
});
