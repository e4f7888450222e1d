/**
 * ELK's layouts are kept in the cache folder (src/diagram/layout.ts, `placedGraph`): a
 * process that lays out a graph laid out before reads the kept layout and does not load
 * elkjs; a graph not seen before is laid out by ELK. Each case runs in a fresh Node process
 * (the in-process layout cache would hide the store otherwise).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/cli.js';

const lib = (p: string) => pathToFileURL(path.join(ROOT, 'lib', p)).href;

/** Lays out `spec` in a fresh process with the memo store at `store`; what it drew and whether elkjs was read. */
function layOut(store: string, spec: unknown): { elk: boolean; diagram: unknown } {
  const script = `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const read = [];
    const readFileSync = fs.readFileSync;
    fs.readFileSync = (file, ...rest) => { read.push(String(file)); return readFileSync(file, ...rest); };
    syncBuiltinESMExports();
    const { useMemoStore } = await import(${JSON.stringify(lib('cache/memo.js'))});
    useMemoStore(${JSON.stringify(store)}, 'test-salt');
    const { layoutGraph } = await import(${JSON.stringify(lib('diagram/index.js'))});
    const diagram = await layoutGraph(${JSON.stringify(spec)}, { rtl: true });
    console.log(JSON.stringify({ elk: read.some((f) => f.includes('elkjs')), diagram }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim());
}

describe('ELK layouts kept across processes', () => {
  it('a graph laid out before is read back without elkjs, drawn the same; a new graph is laid out', async () => {
    ensureBuilt();
    const store = await mkdtemp(path.join(os.tmpdir(), 'sopkit-elk-memo-'));
    const a = {
      flow: 'down',
      nodes: [{ id: 'a', kind: 'step', label: 'Receive the referral' }, { id: 'd', kind: 'decision', label: 'Urgent?' }, { id: 'b', kind: 'step', label: 'Act within 24 hours' }, { id: 'c', kind: 'step', label: 'Plan the assessment' }],
      edges: [{ from: 'a', to: 'd' }, { from: 'd', to: 'b', label: 'yes' }, { from: 'd', to: 'c', label: 'no' }],
    };
    const first = layOut(store, a);
    expect(first.elk).toBe(true);
    expect(await readdir(path.join(store, 'elk'))).toHaveLength(1);
    const again = layOut(store, a);
    expect(again.elk).toBe(false);
    expect(again.diagram).toEqual(first.diagram);
    const b = { ...a, edges: [...a.edges, { from: 'c', to: 'b' }] };
    const other = layOut(store, b);
    expect(other.elk).toBe(true);
    expect(await readdir(path.join(store, 'elk'))).toHaveLength(2);
  }, 60_000);
});
