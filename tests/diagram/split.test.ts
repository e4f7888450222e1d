import { describe, expect, it } from 'vitest';
import { cutChoices, mainPath, splitGraph, type GraphSpec } from '../../src/diagram/index.js';

// A decision tree shaped like the example's eligibility flow: a main path of questions,
// each with a side branch; q3's "yes" joins q2's branch (an edge that crosses a cut at q3).
const spec: GraphSpec = {
  flow: 'down',
  nodes: [
    { id: 's', kind: 'start', label: 'Start' },
    { id: 'q1', kind: 'decision', label: 'Q1' },
    { id: 'q2', kind: 'decision', label: 'Q2' },
    { id: 'q3', kind: 'decision', label: 'Q3' },
    { id: 'q4', kind: 'decision', label: 'Q4' },
    { id: 'a1', kind: 'action', label: 'A1' },
    { id: 'a2', kind: 'action', label: 'A2' },
    { id: 'o1', kind: 'outcome', label: 'O1' },
    { id: 'o2', kind: 'outcome', label: 'O2' },
    { id: 'o4', kind: 'outcome', label: 'O4' },
  ],
  edges: [
    { from: 's', to: 'q1' },
    { from: 'q1', to: 'q2', label: 'Yes' },
    { from: 'q1', to: 'a1', label: 'No' },
    { from: 'a1', to: 'o1' },
    { from: 'q2', to: 'q3', label: 'Yes' },
    { from: 'q2', to: 'a2', label: 'No' },
    { from: 'a2', to: 'o2' },
    { from: 'q3', to: 'a2', label: 'Yes' },
    { from: 'q3', to: 'q4', label: 'No' },
    { from: 'q4', to: 'o4', label: 'Yes' },
  ],
};
const words = { on: (n: number) => `on ${n}`, from: (n: number) => `from ${n}` };

describe('splitGraph', () => {
  it('puts every node in one part and turns every crossing edge into a pair of connectors', () => {
    expect(mainPath(spec)).toEqual(['s', 'q1', 'q2', 'q3', 'q4', 'o4']);
    const [a, b] = splitGraph(spec, [3], words);
    const real = (g: GraphSpec) => g.nodes.filter((n) => n.kind !== 'connector').map((n) => n.id).sort();
    expect(real(a!)).toEqual(['a1', 'a2', 'o1', 'o2', 'q1', 'q2', 's']);
    expect(real(b!)).toEqual(['o4', 'q3', 'q4']);
    // Part 2 starts at the main path's connector, which leads to q3.
    expect(b!.nodes[0]).toMatchObject({ kind: 'connector', label: 'from 1' });
    expect(b!.edges).toContainEqual({ from: b!.nodes[0]!.id, to: 'q3' });
    // q2 → q3 leaves part 1 by a connector, keeping its label.
    const out = a!.edges.find((e) => e.from === 'q2' && a!.nodes.find((n) => n.id === e.to)?.kind === 'connector');
    expect(out?.label).toBe('Yes');
    expect(a!.nodes.find((n) => n.id === out!.to)?.label).toBe('on 2');
    // q3 → a2 goes back to part 1: a connector on each side, and the label stays on q3's side.
    expect(b!.edges.find((e) => e.from === 'q3' && e.label === 'Yes')).toBeDefined();
    expect(a!.nodes.some((n) => n.kind === 'connector' && n.label === 'from 2')).toBe(true);
    // Every edge joins two nodes of its own part.
    for (const g of [a!, b!]) {
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const e of g.edges) expect(ids.has(e.from) && ids.has(e.to), `${e.from} → ${e.to}`).toBe(true);
    }
  });

  it('offers cuts that leave two main-path nodes on each side', () => {
    expect(cutChoices(6, 1)).toEqual([[]]);
    expect(cutChoices(6, 2)).toEqual([[2], [3], [4]]);
    expect(cutChoices(9, 3)).toEqual([[3, 6]]);
  });
});
