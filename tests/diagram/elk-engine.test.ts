/**
 * sopkit calls elkjs's engine directly (`elkLayout`, src/diagram/layout.ts), not through
 * elkjs's worker API, which waits on two timers per layout. The answers must be the API's:
 * the same positions, sizes, bend points and label places, on the shapes of graph sopkit
 * sends (captured from a build of the example: tests/fixtures/elk-graphs.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { elkLayout } from '../../src/diagram/layout.js';

const graphs = JSON.parse(readFileSync(new URL('../fixtures/elk-graphs.json', import.meta.url), 'utf8')) as ElkNode[];
/** The answer without `$H`, the identity hash GWT's runtime stamps on each object it saw (its count moves with every call). */
const placed = (n: ElkNode): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === '$H' ? undefined : v)));
const ElkApi = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => ELK;

describe('ELK called directly', () => {
  it('gives what elkjs\'s API gives, graph by graph, in either order', async () => {
    expect(graphs.length).toBe(5);
    const api = new ElkApi();
    const expected: ElkNode[] = [];
    for (const g of graphs) expected.push(placed(await api.layout(structuredClone(g))) as ElkNode);
    expect(graphs.map((g) => placed(elkLayout(structuredClone(g))))).toEqual(expected);
    // A layout keeps nothing from the one before: the last graph first gives the same.
    expect(graphs.map((g) => placed(elkLayout(structuredClone(g)))).reverse()).toEqual([...expected].reverse());
    expect([...graphs].reverse().map((g) => placed(elkLayout(structuredClone(g))))).toEqual([...expected].reverse());
    // Real layouts, not the input echoed back: every node placed.
    for (const out of expected) for (const c of out.children ?? []) expect(typeof c.x).toBe('number');
  });

  it('throws ELK\'s own error for a graph it cannot lay out', () => {
    const bad: ElkNode = { id: 'root', layoutOptions: { 'elk.algorithm': 'stress' }, children: [{ id: 'a', width: 10, height: 10 }] };
    expect(() => elkLayout(bad)).toThrow(/stress/);
  });
});
