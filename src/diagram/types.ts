/**
 * Format-free diagram data: the site draws it as SVG, the posters as PDF frames.
 * Coordinates are in CSS pixels / PDF points (1 unit = 1 px at 100 %), origin top-left.
 */
/**
 * `connector`: where a flow split over several sheets leaves one and enters the next
 * ("Continued on sheet 2"); made by `splitGraph`, never written in a data file.
 */
export type NodeKind = 'start' | 'decision' | 'action' | 'outcome' | 'step' | 'connector';

export interface GraphNodeSpec {
  id: string;
  kind: NodeKind;
  /** Main text, already in the target language. */
  label: string;
  /** Optional smaller second text (e.g. a timeline). */
  note?: string;
}

export interface GraphEdgeSpec {
  from: string;
  to: string;
  label?: string;
}

export interface GraphSpec {
  nodes: GraphNodeSpec[];
  edges: GraphEdgeSpec[];
  /** `down`: flows top to bottom (decision trees); `across`: reading direction (step sequences). */
  flow: 'down' | 'across';
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutNode extends Box {
  id: string;
  kind: NodeKind;
  /** Label broken into lines that fit the node. */
  lines: string[];
  noteLines: string[];
}

export interface LaidOutEdge {
  from: string;
  to: string;
  /** Polyline from source border to target border (the last point is the arrow tip). */
  points: Point[];
  label?: { lines: string[] } & Box;
}

export interface Diagram {
  width: number;
  height: number;
  /** True when laid out right-to-left (the reading direction of the language). */
  rtl: boolean;
  fontSize: number;
  lineHeight: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

export interface LayoutOptions {
  rtl?: boolean;
  /** Font size of node labels (default 14). */
  fontSize?: number;
  /** Widest a node's text may get before wrapping (default 220). */
  maxTextWidth?: number;
  /**
   * Wrap a long `across` chain into rows to approach this width/height ratio (e.g. 1.4 for a
   * page column); unset: one row. Rows still read in the language's direction.
   */
  aspectRatio?: number;
  /**
   * Box sizes measured by the caller (the PDF sets labels with the real fonts): node id →
   * [width, height], and per edge (in spec order) its label's [width, height]. Nodes not
   * listed get the estimate.
   */
  sizes?: { nodes: Record<string, [number, number]>; edgeLabels?: Array<[number, number] | null> };
  /**
   * Decision trees (`down` flows): keep the main path (at each decision, the branch with
   * the most decisions after it; the first edge on a tie) on the start side of the
   * language — left in left-to-right, right in right-to-left — and the branches toward
   * the end side.
   */
  trunkToStart?: boolean;
  /**
   * Where edge labels sit: `center` (default) makes ELK give each label a layer of its own,
   * which nearly doubles a decision tree's height; `tail` puts "Yes"/"No" beside the edge's
   * start, next to the question it answers, with no extra layer (posters, where height is
   * what a sheet runs out of).
   */
  edgeLabels?: 'center' | 'tail';
  /**
   * How ELK places the nodes of a layer across: `balanced` (default, Brandes-Köpf: long
   * straight runs, but a decision tree's side branches step outwards one column each) or
   * `compact` (ELK's SIMPLE placement: each node near its predecessors, so branches that
   * have ended free their column; about 40 % narrower on the example's eligibility tree).
   */
  placement?: 'balanced' | 'compact';
  /** Gaps between nodes of a layer, between layers, and around the drawing (default 28, 36, 8). */
  spacing?: { node: number; layer: number; pad: number };
}
