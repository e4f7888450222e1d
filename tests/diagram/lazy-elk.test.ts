/**
 * elkjs (1.6 MB, ~0.3 s to compile and start) is loaded when a graph is first laid out,
 * not when the diagram module is imported: every PDF build imports it, few SOPs draw a
 * flowchart. Checked in a fresh Node process: elkjs in Node's require cache, or its file read.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/cli.js';

describe('elkjs is loaded on first use', () => {
  it('importing the diagram and layout modules loads no elkjs; laying out a graph does', () => {
    ensureBuilt();
    const lib = (p: string) => pathToFileURL(path.join(ROOT, 'lib', p)).href;
    const script = `
      import { createRequire, syncBuiltinESMExports } from 'node:module';
      import fs from 'node:fs';
      // Loaded by require (in Node's module cache) or read as a code-cached bundle (src/cache/code-cache.ts).
      const read = [];
      const readFileSync = fs.readFileSync;
      fs.readFileSync = (file, ...rest) => { read.push(String(file)); return readFileSync(file, ...rest); };
      syncBuiltinESMExports();
      const cache = createRequire(import.meta.url).cache;
      const elk = () => Object.keys(cache).some((k) => k.includes('elkjs')) || read.some((f) => f.includes('elkjs'));
      const { layoutGraph } = await import(${JSON.stringify(lib('diagram/index.js'))});
      await import(${JSON.stringify(lib('layout/index.js'))});
      const before = elk();
      await layoutGraph({ flow: 'down', nodes: [{ id: 'a', kind: 'step', label: 'A' }, { id: 'b', kind: 'step', label: 'B' }], edges: [{ from: 'a', to: 'b' }] });
      console.log(JSON.stringify({ before, after: elk() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ before: false, after: true });
  });
});
