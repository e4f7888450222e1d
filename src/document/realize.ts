import type { Nodes, Root } from 'mdast';
import { findDirective } from '../markdown/index.js';
import type { SopModel } from '../model/types.js';
import type { CaseStepsData, EligibilityData, OrganigramData, PathwaysData, PrioritisationData, RelationshipsData, ServicesData, UrgentActionData } from './data-types.js';
import type { DataRef, RealizedDirective } from './types.js';

type DataFiles = SopModel['data'];

function ref<T = unknown>(data: DataFiles, name: string): DataRef<T> {
  return { name, file: data[name] as DataRef<T>['file'] };
}

/** What one directive stands for (see `RealizedDirective`). */
export function realizeDirective(files: DataFiles, name: string, attributes: Record<string, string | null | undefined> | null | undefined): RealizedDirective {
  const spec = findDirective(name);
  if (!spec) return { kind: 'unknown', name };
  if (name === 'pagebreak' || name === 'signatures') return { kind: name };
  const named = String(attributes?.data ?? spec.data[0]);
  const data = ref(files, named);
  const shown = spec.data.includes(named) ? data : ref(files, spec.data[0]!);
  // `shown` is a file the directive accepts, so it has that file's type: the loader checked
  // it against its schema (and reported it if it does not fit).
  switch (name) {
    case 'criteria': return { kind: 'criteria', data, shown: shown as DataRef<EligibilityData> };
    case 'flowchart': return { kind: 'flowchart', data, shown: shown as DataRef<EligibilityData> | DataRef<CaseStepsData> | DataRef<OrganigramData> };
    case 'table': return { kind: 'table', data, shown: shown as DataRef<RelationshipsData> };
    case 'matrix': return { kind: 'matrix', data, shown: shown as DataRef<PrioritisationData> };
    case 'card': return { kind: 'card', data, shown: shown as DataRef<UrgentActionData> };
    case 'services': return { kind: 'services', data, shown: shown as DataRef<ServicesData> };
    case 'pathways': return { kind: 'pathways', data, shown: shown as DataRef<PathwaysData>, services: ref<ServicesData>(files, 'services') };
    default: return { kind: 'unknown', name };
  }
}

type DirectiveNode = Extract<Nodes, { type: 'leafDirective' | 'containerDirective' }>;

/**
 * Expands the leaf and container directives of a tree once: each gets `data.sop`, the
 * directive resolved against `model.data`. Text directives (`:30` in "10:30") stay as
 * they are: every output prints them as text.
 */
export function realizeTree(model: SopModel, tree: Root): void {
  const visit = (node: Nodes) => {
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      const d = node as DirectiveNode;
      const data: Record<string, unknown> = { ...d.data, sop: realizeDirective(model.data, d.name, d.attributes) };
      d.data = data;
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(tree);
}

/** The realized directive of a node, if `realizeTree` saw it. */
export function realizedOf(node: { data?: unknown }): RealizedDirective | undefined {
  return (node.data as { sop?: RealizedDirective } | undefined)?.sop;
}
