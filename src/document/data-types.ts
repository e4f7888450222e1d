import type { Localized } from '../model/types.js';

/**
 * Shapes of the data files as the schemas in `schemas/` define them (the loader validates
 * every file against its schema, so a `DataFile` of a known name holds this shape).
 * `DATA_SHAPES` below lists each object's properties and which are required; the unit test
 * tests/document/data-types.test.ts compares that table with the schemas, and the compiler
 * compares it with these types, so the two cannot drift apart unnoticed.
 */
export interface EligibilityCriterion { id: string; text: Localized }
export interface FlowNode { id: string; type: 'start' | 'decision' | 'action' | 'outcome'; label: Localized }
export interface FlowEdge { from: string; to: string; label?: Localized }
export interface EligibilityFlow { nodes: FlowNode[]; edges: FlowEdge[] }
export interface EligibilityData {
  title?: Localized;
  criteria: EligibilityCriterion[];
  flow: EligibilityFlow;
}

export interface CaseStep { id: string; title: Localized; key_actions: Localized[]; timeline?: Localized; next?: string[] }
export interface CaseStepsData {
  title?: Localized;
  steps: CaseStep[];
}

export interface ResponseTime { hours: number; text: Localized }
export interface PriorityLevel {
  id: string; label: Localized; colour?: string; definition: Localized; examples?: Localized[];
  response_time: ResponseTime; follow_up?: Localized;
}
export interface PrioritisationData {
  title?: Localized;
  levels: PriorityLevel[];
}

export interface UrgentContact { name: Localized; agency?: string; phone: string; hours?: Localized }
export interface CardHeadings { triggers?: Localized; actions?: Localized; contacts?: Localized }
export interface UrgentActionData {
  title?: Localized;
  triggers: Localized[];
  actions: Localized[];
  contacts: UrgentContact[];
  notes?: Localized;
  headings?: CardHeadings;
  colour?: string;
}

export interface ServiceContact { phone?: string; email?: string; person?: string }
export interface Service {
  id: string; sector: string; agency: string; name: Localized; location: Localized;
  contact: ServiceContact;
  hours?: Localized; ages?: string; notes?: Localized; last_verified?: string;
}
export interface ServicesData {
  last_verified: string;
  sectors?: Record<string, Localized>;
  services: Service[];
}

export interface PathwayStep { service: string; action: Localized; timeframe?: Localized }
export interface Pathway { id: string; concern: Localized; steps: PathwayStep[] }
export interface PathwaysData {
  title?: Localized;
  pathways: Pathway[];
}

/** data/organigram.yaml: the coordination bodies, in the flow format of the eligibility flow. */
export interface OrganigramData {
  title?: Localized;
  flow: EligibilityFlow;
}

export interface TableColumn { id: string; label: Localized }
export interface TableRow { id: string; label: Localized; cells: Localized[] }
/** data/relationships.yaml: a rows × columns table (the graded relationships). */
export interface RelationshipsData {
  title?: Localized;
  corner?: Localized;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TwoWayRow { id: string; topic?: Localized; first: Localized; second: Localized; to_second?: Localized; to_first?: Localized }
/** A two-way-flow poster's data: two actors, and per row what each does and what flows between them. */
export interface TwoWayFlowData {
  title?: Localized;
  first: Localized;
  second: Localized;
  rows: TwoWayRow[];
}

/**
 * The type of the data each schema describes, by schema name (`schemas/<name>.schema.json`):
 * the poster kinds' schemas are named by kind (a CPCM file name such as `eligibility`
 * is an alias schema that refers to its kind's), `services` is the service map.
 */
export interface DataTypes {
  'decision-flow': EligibilityData;
  steps: CaseStepsData;
  'priority-levels': PrioritisationData;
  'contact-card': UrgentActionData;
  services: ServicesData;
  pathways: PathwaysData;
  organigram: OrganigramData;
  matrix: RelationshipsData;
  'two-way-flow': TwoWayFlowData;
}

/** Every property of `T`, `true` when it is required: the compiler rejects a missing, extra or wrongly required key. */
export type Shape<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? false : true };

export interface ShapeEntry {
  /** Schema name (`schemas/<schema>.schema.json`). */
  schema: keyof DataTypes;
  /** JSON pointer inside the schema of the object schema this entry describes. */
  pointer: string;
  shape: Record<string, boolean>;
}

/** Property table of every object in the data types, by where the schema defines it. */
export const DATA_SHAPES: readonly ShapeEntry[] = [
  { schema: 'decision-flow', pointer: '', shape: { title: false, criteria: true, flow: true } satisfies Shape<EligibilityData> },
  { schema: 'decision-flow', pointer: '/properties/criteria/items', shape: { id: true, text: true } satisfies Shape<EligibilityCriterion> },
  { schema: 'decision-flow', pointer: '/definitions/flow', shape: { nodes: true, edges: true } satisfies Shape<EligibilityFlow> },
  { schema: 'decision-flow', pointer: '/definitions/flow/properties/nodes/items', shape: { id: true, type: true, label: true } satisfies Shape<FlowNode> },
  { schema: 'decision-flow', pointer: '/definitions/flow/properties/edges/items', shape: { from: true, to: true, label: false } satisfies Shape<FlowEdge> },
  { schema: 'steps', pointer: '', shape: { title: false, steps: true } satisfies Shape<CaseStepsData> },
  { schema: 'steps', pointer: '/properties/steps/items', shape: { id: true, title: true, key_actions: true, timeline: false, next: false } satisfies Shape<CaseStep> },
  { schema: 'priority-levels', pointer: '', shape: { title: false, levels: true } satisfies Shape<PrioritisationData> },
  { schema: 'priority-levels', pointer: '/properties/levels/items', shape: { id: true, label: true, colour: false, definition: true, examples: false, response_time: true, follow_up: false } satisfies Shape<PriorityLevel> },
  { schema: 'priority-levels', pointer: '/properties/levels/items/properties/response_time', shape: { hours: true, text: true } satisfies Shape<ResponseTime> },
  { schema: 'contact-card', pointer: '', shape: { title: false, triggers: true, actions: true, contacts: true, notes: false, headings: false, colour: false } satisfies Shape<UrgentActionData> },
  { schema: 'contact-card', pointer: '/properties/headings', shape: { triggers: false, actions: false, contacts: false } satisfies Shape<CardHeadings> },
  { schema: 'contact-card', pointer: '/properties/contacts/items', shape: { name: true, agency: false, phone: true, hours: false } satisfies Shape<UrgentContact> },
  { schema: 'services', pointer: '', shape: { last_verified: true, sectors: false, services: true } satisfies Shape<ServicesData> },
  { schema: 'services', pointer: '/properties/services/items', shape: { id: true, sector: true, agency: true, name: true, location: true, contact: true, hours: false, ages: false, notes: false, last_verified: false } satisfies Shape<Service> },
  { schema: 'services', pointer: '/properties/services/items/properties/contact', shape: { phone: false, email: false, person: false } satisfies Shape<ServiceContact> },
  { schema: 'pathways', pointer: '', shape: { title: false, pathways: true } satisfies Shape<PathwaysData> },
  { schema: 'pathways', pointer: '/properties/pathways/items', shape: { id: true, concern: true, steps: true } satisfies Shape<Pathway> },
  { schema: 'pathways', pointer: '/properties/pathways/items/properties/steps/items', shape: { service: true, action: true, timeframe: false } satisfies Shape<PathwayStep> },
  { schema: 'organigram', pointer: '', shape: { title: false, flow: true } satisfies Shape<OrganigramData> },
  { schema: 'organigram', pointer: '/properties/flow', shape: { nodes: true, edges: true } satisfies Shape<EligibilityFlow> },
  { schema: 'organigram', pointer: '/properties/flow/properties/nodes/items', shape: { id: true, type: true, label: true } satisfies Shape<FlowNode> },
  { schema: 'organigram', pointer: '/properties/flow/properties/edges/items', shape: { from: true, to: true, label: false } satisfies Shape<FlowEdge> },
  { schema: 'matrix', pointer: '', shape: { title: false, corner: false, columns: true, rows: true } satisfies Shape<RelationshipsData> },
  { schema: 'matrix', pointer: '/properties/columns/items', shape: { id: true, label: true } satisfies Shape<TableColumn> },
  { schema: 'matrix', pointer: '/properties/rows/items', shape: { id: true, label: true, cells: true } satisfies Shape<TableRow> },
  { schema: 'two-way-flow', pointer: '', shape: { title: false, first: true, second: true, rows: true } satisfies Shape<TwoWayFlowData> },
  { schema: 'two-way-flow', pointer: '/properties/rows/items', shape: { id: true, topic: false, first: true, second: true, to_second: false, to_first: false } satisfies Shape<TwoWayRow> },
];
