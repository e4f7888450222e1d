import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { hashTree } from '../helpers/files.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/sopkit.js', import.meta.url));

describe('a parallel build (worker threads)', () => {
  // Through the CLI, as users run it: in this test process lib/ is transformed by vite, and
  // the site's search index embeds the source of a function, so only two builds of the
  // same untransformed code compare (the workers always load lib/ as Node does).
  it('writes the bytes and reports the problems of a serial build, in the same order', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-parallel-'));
    await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
    // A character no font has, in a criterion that the SOP's flowchart and the posters both
    // print: the PDF step and the poster step each warn, so the order of their reports is
    // compared too (the example itself builds without warnings).
    const data = path.join(dir, 'data', 'eligibility.yaml');
    const yaml = await readFile(data, 'utf8');
    const marked = yaml.replace('en: The person is under 18', 'en: The person \u2603 is under 18');
    expect(marked).not.toBe(yaml);
    await writeFile(data, marked);
    const run = async (jobs: string) => {
      const out = path.join(dir, `out-${jobs}`);
      const r = spawnSync(process.execPath, [CLI, 'build', dir, '-o', out, '--quiet', '--no-cache', '--jobs', jobs], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return { problems: r.stderr, hashes: await hashTree(out) };
    };
    const serial = await run('1');
    const parallel = await run('2');
    expect(serial.problems).toMatch(/pdf-char-unsupported[\s\S]*poster-fit/);
    expect(Object.keys(serial.hashes).length).toBeGreaterThan(100);
    expect(parallel).toEqual(serial);
  }, 180_000);
});
