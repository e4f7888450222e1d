import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collapse, cycles, edgesWithin, importGraph, topFolder } from '../helpers/import-graph.js';

/**
 * The folders of src/ are the stages of docs/architecture.md, and a stage only reads what
 * an earlier one hands on: two top-level folders that import each other (directly or round
 * a longer circle) are one stage in two places. Modules do not import each other in a
 * circle either (the layout's blocks ↔ directives ↔ table was one): a circle is a module
 * split in two files. Imports are read from the sources (src/, not lib/), type-only ones
 * included.
 */

/** A cycle as the imports that make it, so a failure says what to undo. */
function explain(graph: ReturnType<typeof importGraph>, group: (f: string) => string | undefined): string[] {
  const byGroup = collapse(graph, group);
  return cycles(byGroup).map((c) => `${c.join(' ↔ ')}:\n    ${edgesWithin(graph, group, c).join('\n    ')}`);
}

describe('the folders of src/ show the stages', () => {
  const graph = importGraph('src');

  it('reads the imports (sanity: known edges of src/ are seen, so an empty result means something)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('cli/commands/build.ts')).toContain('build/index.ts');
    // type-only imports count: layout needs frame's item types
    expect(graph.get('layout/slice.ts')).toContain('frame/types.ts');
  });

  it('no two top-level folders of src/ import each other, directly or through a cycle', () => {
    expect(explain(graph, topFolder)).toEqual([]);
  });

  it('no module of src/ imports itself through a cycle of modules', () => {
    expect(explain(graph, (f) => f)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  it('finds a circle of folders through a third, by static, type-only and re-export imports, and not dynamic ones', () => {
    write('a/x.ts', "import { y } from '../b/y.js';\nexport const x = y;\n");
    write('b/y.ts', "export type { Z } from '../c/z.js';\nexport const y = 1;\n");
    write('c/z.ts', "import type { X } from '../a/types.js';\nexport type Z = X;\n// import { q } from '../d/q.js';\nconst later = () => import('../d/q.js');\n");
    write('a/types.ts', 'export type X = number;\n');
    write('d/q.ts', "import { x } from '../a/x.js';\nexport const q = x;\n");
    write('root.ts', "import { q } from './d/q.js';\n");
    const g = importGraph(dir);
    expect(cycles(collapse(g, topFolder))).toEqual([['a', 'b', 'c']]);
    expect(edgesWithin(g, topFolder, ['a', 'b', 'c'])).toEqual(['a/x.ts → b/y.ts', 'b/y.ts → c/z.ts', 'c/z.ts → a/types.ts']);
    // the same files have no module cycle (a/x → b/y → c/z → a/types ends there)
    expect(cycles(g)).toEqual([]);
  });
});
