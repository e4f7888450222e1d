/**
 * Splitting a decision tree over several sheets: the main path (`mainPath`) is cut into
 * runs, each node off the main path goes with the first main-path node it hangs from, and
 * every edge that would cross from one part to another ends at a connector ("Continued on
 * sheet 2") and starts again, on the other part, from one ("Continued from sheet 1").
 * Format-free: the parts are ordinary graphs, laid out and drawn like any other.
 */
import { mainPath } from './layout.js';
import type { GraphEdgeSpec, GraphNodeSpec, GraphSpec } from './types.js';

export interface ConnectorWords {
  /** The text of the connector an edge leaves a part by, toward part `to` (1-based). */
  on(to: number): string;
  /** The text of the connector an edge enters a part by, from part `from` (1-based). */
  from(from: number): string;
}

/** Which part each node belongs to, for a main path cut before the indices `cuts`. */
export function partOf(spec: GraphSpec, cuts: number[]): Map<string, number> {
  const trunk = mainPath(spec);
  const part = new Map<string, number>();
  trunk.forEach((id, i) => part.set(id, cuts.filter((c) => c <= i).length));
  const out = new Map<string, string[]>();
  for (const e of spec.edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
  // Off the main path: the part of the first main-path node (in path order) it hangs from.
  for (const id of trunk) {
    const p = part.get(id)!;
    const queue = [...(out.get(id) ?? [])];
    while (queue.length) {
      const x = queue.shift()!;
      if (part.has(x)) continue;
      part.set(x, p);
      queue.push(...(out.get(x) ?? []));
    }
  }
  // Nodes the main path never reaches stay with the first part.
  for (const n of spec.nodes) if (!part.has(n.id)) part.set(n.id, 0);
  return part;
}

/**
 * The parts of `spec` for a main path cut before the indices `cuts` (ascending, each
 * between 1 and the path's length - 1). An entry connector comes first among its part's
 * nodes, so the part's own main path starts there.
 */
export function splitGraph(spec: GraphSpec, cuts: number[], words: ConnectorWords): GraphSpec[] {
  const part = partOf(spec, cuts);
  const count = cuts.length + 1;
  const parts = Array.from({ length: count }, () => ({ entries: [] as GraphNodeSpec[], nodes: [] as GraphNodeSpec[], edges: [] as GraphEdgeSpec[] }));
  for (const n of spec.nodes) parts[part.get(n.id)!]!.nodes.push(n);
  const made = new Set<string>();
  const connector = (p: number, node: GraphNodeSpec, entry: boolean) => {
    if (made.has(`${p}:${node.id}`)) return;
    made.add(`${p}:${node.id}`);
    (entry ? parts[p]!.entries : parts[p]!.nodes).push(node);
  };
  // The main path's own crossings first: their connectors lead their parts.
  const trunk = mainPath(spec);
  const order = spec.edges.map((_, i) => i).sort((a, b) => Number(onTrunk(b)) - Number(onTrunk(a)) || a - b);
  function onTrunk(i: number): boolean {
    const e = spec.edges[i]!;
    const k = trunk.indexOf(e.from);
    return k >= 0 && trunk[k + 1] === e.to;
  }
  const kept: Array<{ i: number; edge: GraphEdgeSpec }> = [];
  for (const i of order) {
    const e = spec.edges[i]!;
    const a = part.get(e.from)!;
    const b = part.get(e.to)!;
    if (a === b) {
      kept.push({ i, edge: e });
      continue;
    }
    const out = `→${b}:${e.to}`;
    const into = `←${a}:${e.to}`;
    connector(a, { id: out, kind: 'connector', label: words.on(b + 1) }, false);
    connector(b, { id: into, kind: 'connector', label: words.from(a + 1) }, true);
    kept.push({ i, edge: { from: e.from, to: out, ...(e.label ? { label: e.label } : {}) } });
    if (!parts[b]!.edges.some((x) => x.from === into)) parts[b]!.edges.push({ from: into, to: e.to });
  }
  // Edges keep the data file's order within a part (ELK's tie-breaks follow it).
  kept.sort((x, y) => x.i - y.i);
  for (const { edge } of kept) {
    const p = part.get(edge.from)!;
    parts[p]!.edges.push(edge);
  }
  return parts.map((p) => ({ nodes: [...p.entries, ...p.nodes], edges: p.edges, flow: spec.flow }));
}

/**
 * Cut positions worth trying for `count` parts of a main path of `length` nodes: for two
 * parts every cut that leaves at least two main-path nodes on each side; for more, cuts
 * spread evenly (the caller keeps whichever lays out largest).
 */
export function cutChoices(length: number, count: number): number[][] {
  if (count <= 1) return [[]];
  if (count === 2) {
    const out: number[][] = [];
    for (let c = 2; c <= length - 2; c++) out.push([c]);
    return out;
  }
  const even = Array.from({ length: count - 1 }, (_, k) => Math.round(((k + 1) * length) / count));
  return new Set(even).size === even.length && even.every((c) => c > 0 && c < length) ? [even] : [];
}
