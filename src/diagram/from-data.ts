import { localized as pickText } from '../i18n/index.js';
import type { CaseStep, EligibilityData } from '../document/data-types.js';
import type { GraphSpec, GraphNodeSpec, GraphEdgeSpec } from './types.js';

/** The parts of the data files a graph is made of (the types are `document/data-types.ts`'s). */
type FlowData = Pick<EligibilityData, 'flow'>;
type StepsData = { steps: Pick<CaseStep, 'id' | 'title' | 'timeline' | 'next'>[] };

/** `data/eligibility.yaml` → a top-down decision graph. */
export function eligibilityGraph(data: FlowData, lang: string): GraphSpec {
  const nodes: GraphNodeSpec[] = data.flow.nodes.map((n) => ({ id: n.id, kind: n.type, label: pickText(n.label, lang) }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges: GraphEdgeSpec[] = data.flow.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ from: e.from, to: e.to, ...(e.label ? { label: pickText(e.label, lang) } : {}) }));
  return { nodes, edges, flow: 'down' };
}

/** `data/case-steps.yaml` → the steps in reading order; `next` adds loops (e.g. review → planning). */
export function caseStepsGraph(data: StepsData, lang: string): GraphSpec {
  const nodes: GraphNodeSpec[] = data.steps.map((s) => {
    const note = pickText(s.timeline, lang);
    return { id: s.id, kind: 'step', label: pickText(s.title, lang), ...(note ? { note } : {}) };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges: GraphEdgeSpec[] = [];
  data.steps.forEach((s, i) => {
    const next = s.next ?? (i + 1 < data.steps.length ? [data.steps[i + 1]!.id] : []);
    for (const to of next) if (ids.has(to)) edges.push({ from: s.id, to });
  });
  return { nodes, edges, flow: 'across' };
}
