/**
 * sopkit validates only with the validators the build generates (src/validate/schemas.ts).
 * Without them, or with validators of other schemas, a command says to rebuild (exit 2)
 * instead of validating another way or failing as an internal error.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, STACK } from '../cli/cli.js';
import { ensureFreshLib } from '../setup/built-lib.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** A copy of the built package whose lib/validate/schema-validators.cjs `change` rewrites (or removes, for undefined). */
async function packageWith(change: (code: string) => string | undefined): Promise<string> {
  ensureFreshLib();
  const pkg = await mkdtemp(path.join(os.tmpdir(), 'sopkit-validators-'));
  made.push(pkg);
  for (const name of ['schemas', 'templates', 'node_modules', 'package.json']) await symlink(path.join(ROOT, name), path.join(pkg, name));
  await cp(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  await cp(path.join(ROOT, 'lib'), path.join(pkg, 'lib'), { recursive: true });
  const file = path.join(pkg, 'lib/validate/schema-validators.cjs');
  const code = change(await readFile(file, 'utf8'));
  if (code === undefined) await rm(file);
  else await writeFile(file, code);
  return pkg;
}

function check(pkg: string) {
  return spawnSync(process.execPath, [path.join(pkg, 'bin/sopkit.js'), 'check', path.join(ROOT, 'sop-sources'), '--no-layout', '--today', '2026-11-25'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('without the generated validators', () => {
  it('the shipped package checks the example (the control)', async () => {
    const r = check(await packageWith((code) => code));
    expect(r.status, r.stderr).toBe(0);
  });

  for (const [what, change] of [
    ['missing', () => undefined],
    ['generated from other schemas', (code: string) => code.replace(/SCHEMAS_FINGERPRINT\s*=\s*"[0-9a-f]+"/, 'SCHEMAS_FINGERPRINT="0"')],
  ] as const) {
    it(`${what}: check says to run npm run build, exit 2, no stack`, async () => {
      const r = check(await packageWith(change));
      const out = `${r.stdout}${r.stderr}`;
      expect(r.status, out).toBe(2);
      expect(out).toMatch(/schema validators \(lib\/validate\/schema-validators\.cjs\) are missing, or were generated from other schemas/);
      expect(out).toMatch(/npm run build/);
      expect(out).not.toMatch(STACK);
      expect(out).not.toMatch(/internal error/);
    });
  }
});
