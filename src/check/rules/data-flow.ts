import { diagnostic, didYouMean } from '../../diag/index.js';
import type { DataFile } from '../../model/index.js';
import type { Report, Rule } from '../types.js';

interface Graph {
  ids: string[];
  /** Edges by source id, with the pointer of each edge's target (for positions). */
  out: Map<string, { to: string; pointer: string }[]>;
  terminal: Set<string>;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Node ids from which no terminal node can be reached (reverse reachability from terminals). */
function stuckNodes(g: Graph): string[] {
  const into = new Map<string, string[]>();
  for (const [from, edges] of g.out) for (const e of edges) into.set(e.to, [...(into.get(e.to) ?? []), from]);
  const ok = new Set<string>();
  const stack = [...g.terminal];
  while (stack.length) {
    const n = stack.pop()!;
    if (ok.has(n)) continue;
    ok.add(n);
    for (const p of into.get(n) ?? []) stack.push(p);
  }
  return g.ids.filter((id) => !ok.has(id));
}

/** The first cycle found (iterative DFS), as the closing edge and the path around it. */
function findCycle(g: Graph): { path: string[]; pointer: string } | undefined {
  const state = new Map<string, 1 | 2>();
  for (const root of g.ids) {
    if (state.has(root)) continue;
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    const onPath: string[] = [root];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edges = g.out.get(top.id) ?? [];
      if (top.i >= edges.length) {
        state.set(top.id, 2);
        stack.pop();
        onPath.pop();
        continue;
      }
      const e = edges[top.i++]!;
      const s = state.get(e.to);
      if (s === 1) return { path: [...onPath.slice(onPath.indexOf(e.to)), e.to], pointer: e.pointer };
      if (s === undefined && g.ids.includes(e.to)) {
        state.set(e.to, 1);
        stack.push({ id: e.to, i: 0 });
        onPath.push(e.to);
      }
    }
  }
  return undefined;
}

function at(d: DataFile, pointer: string) {
  return { ...d.positions.at(pointer), file: d.file };
}

function checkDuplicates(report: Report, d: DataFile, items: unknown[], base: string): string[] {
  const ids: string[] = [];
  items.forEach((n, i) => {
    const id = obj(n).id;
    if (typeof id !== 'string') return;
    if (ids.includes(id)) report(diagnostic('data-flow', 'error', `${d.file}: the id "${id}" is used twice`, at(d, `${base}/${i}/id`), 'Give every node its own id.'));
    else ids.push(id);
  });
  return ids;
}

function checkEligibility(d: DataFile, report: Report): void {
  const flow = obj(obj(d.value).flow);
  const nodes = list(flow.nodes);
  const ids = checkDuplicates(report, d, nodes, '/flow/nodes');
  const g: Graph = { ids, out: new Map(), terminal: new Set() };
  nodes.forEach((n) => {
    if (obj(n).type === 'outcome' && typeof obj(n).id === 'string') g.terminal.add(obj(n).id as string);
  });
  let dangling = false;
  list(flow.edges).forEach((e, i) => {
    const { from, to } = obj(e);
    for (const [key, v] of [['from', from], ['to', to]] as const) {
      if (typeof v !== 'string' || ids.includes(v)) continue;
      dangling = true;
      const guess = didYouMean(v, ids);
      report(diagnostic('data-flow', 'error', `${d.file}: edge ${i + 1} goes ${key} "${v}", which is not a node${guess ? ` — did you mean "${guess}"?` : ''}`, at(d, `/flow/edges/${i}/${key}`), `Node ids: ${ids.join(', ')}.`));
    }
    if (typeof from === 'string' && typeof to === 'string' && ids.includes(from) && ids.includes(to)) {
      g.out.set(from, [...(g.out.get(from) ?? []), { to, pointer: `/flow/edges/${i}` }]);
    }
  });
  if (!g.terminal.size) {
    report(diagnostic('data-flow', 'error', `${d.file}: the flow has no outcome node`, at(d, '/flow/nodes'), 'Add at least one node with `type: outcome` (e.g. "eligible for case management").'));
    return;
  }
  const cycle = findCycle(g);
  if (cycle) {
    report(diagnostic('data-flow', 'error', `${d.file}: the eligibility flow loops: ${cycle.path.join(' → ')}`, at(d, cycle.pointer), 'A decision flow must always move forward to an outcome; remove or redirect the edge that goes back.'));
  }
  if (dangling) return; // the dangling edge already explains why nodes are stuck
  for (const id of stuckNodes(g)) {
    const i = nodes.findIndex((n) => obj(n).id === id);
    report(diagnostic('data-flow', 'error', `${d.file}: from node "${id}" no outcome can be reached`, at(d, `/flow/nodes/${i}/id`), 'Add an edge from this node towards an outcome node (type: outcome).'));
  }
}

function checkCaseSteps(d: DataFile, report: Report): void {
  const steps = list(obj(d.value).steps);
  const ids = checkDuplicates(report, d, steps, '/steps');
  const g: Graph = { ids, out: new Map(), terminal: new Set() };
  let dangling = false;
  steps.forEach((s, i) => {
    const id = obj(s).id;
    if (typeof id !== 'string') return;
    const next = obj(s).next;
    const targets: { to: string; pointer: string }[] = [];
    if (Array.isArray(next)) {
      next.forEach((t, j) => {
        if (typeof t !== 'string') return;
        if (!ids.includes(t)) {
          dangling = true;
          const guess = didYouMean(t, ids);
          report(diagnostic('data-flow', 'error', `${d.file}: step "${id}" is followed by "${t}", which is not a step${guess ? ` — did you mean "${guess}"?` : ''}`, at(d, `/steps/${i}/next/${j}`), `Step ids: ${ids.join(', ')}.`));
        } else targets.push({ to: t, pointer: `/steps/${i}/next/${j}` });
      });
    } else {
      const following = obj(steps[i + 1]).id;
      if (typeof following === 'string') targets.push({ to: following, pointer: `/steps/${i}/id` });
    }
    if (targets.length) g.out.set(id, targets);
    else g.terminal.add(id);
  });
  // Case management loops (follow-up → review → new plan) are normal; only a dead end without closure is wrong.
  if (dangling) return;
  if (!g.terminal.size) {
    report(diagnostic('data-flow', 'error', `${d.file}: every step is followed by another, so no step ends the process`, at(d, '/steps'), 'The last step (case closure) must have no `next`, or `next: []`.'));
    return;
  }
  for (const id of stuckNodes(g)) {
    const i = steps.findIndex((s) => obj(s).id === id);
    report(diagnostic('data-flow', 'error', `${d.file}: from step "${id}" the process can never reach its end`, at(d, `/steps/${i}/id`), 'Make one of the steps that follow it lead on to case closure.'));
  }
}

/** The decision flow and the case-management steps must be well-formed graphs: no dangling edges, no dead ends. */
export const dataFlow: Rule = {
  id: 'data-flow',
  severity: 'error',
  description: 'the eligibility flow or the case-management steps have a dangling edge, a loop, or no reachable end',
  help: 'In data/eligibility.yaml every edge joins two existing node ids, the flow never loops, and every node leads to an outcome node. In data/case-steps.yaml every `next` names an existing step and every step can lead to the last step (case closure).',
  run(ctx, report) {
    const e = ctx.model.data.eligibility;
    if (e) checkEligibility(e, report);
    const c = ctx.model.data['case-steps'];
    if (c) checkCaseSteps(c, report);
  },
};
