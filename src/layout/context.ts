import type { Diagnostic } from '../diag/index.js';
import { SlugAllocator, type DigitStyle } from '../i18n/index.js';
import type { DataFile, SopModel } from '../model/types.js';
import type { OutlineEntry, StructNode } from '../frame/types.js';
import type { Theme } from './theme.js';
import type { Diagram, GraphSpec } from '../diagram/index.js';
import type { DiagramLook } from '../diagram/draw.js';

/**
 * A flowchart's data laid out for the page (diagram.ts prepares it before layout, which
 * is synchronous). Here, with the context that carries it, so that the context does not
 * import the diagram module that imports the context.
 */
export interface PreparedDiagram {
  data: DataFile;
  kind: 'eligibility' | 'case-steps';
  spec: GraphSpec;
  diagram: Diagram;
  look: DiagramLook;
  /** Drawn at diagram coordinates × scale (≤ 1: never enlarged). */
  scale: number;
}

/** Loose mdast node: the layout reads many node kinds, directives included. */
export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  spread?: boolean | null;
  checked?: boolean | null;
  url?: string;
  alt?: string | null;
  title?: string | null;
  lang?: string | null;
  identifier?: string;
  label?: string | null;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  align?: Array<'left' | 'right' | 'center' | null> | null;
  position?: { start: { line: number; column: number } };
  data?: Record<string, unknown>;
}

/** A horizontal band of the text column: x from the column's left edge. */
export interface Box {
  x: number;
  width: number;
}

export interface SectionState {
  /** Component number, when the text belongs to a numbered component. */
  n?: number;
  counters: number[];
  minDepth: number;
  footnoteDefs: Map<string, MdNode>;
  footnoteOrder: string[];
  /**
   * Which section file of the component is being laid out (0, 1, …). Footnote numbers
   * restart with each file, so a note's anchor names the file too: two files that both
   * use `[^1]` must not share one destination.
   */
  fileIndex: number;
  key: string;
  outline?: OutlineEntry;
  /** Heading anchor scope (component id or `annex-N`): named destinations are `<scope>--<slug>` (`i18n/slug.ts`). */
  scope: string;
  /** Hands out this scope's heading slugs in reading order. */
  slugs: SlugAllocator;
  /** Every heading slug of the scope, known before layout so forward `#links` resolve. */
  anchors: ReadonlySet<string>;
  /** Level (1 = first below the component title) of the last heading tagged. */
  headingLevel?: number;
}

export interface LayoutContext {
  lang: string;
  dir: 'rtl' | 'ltr';
  digits: DigitStyle;
  theme: Theme;
  model?: SopModel;
  /** Source file of the text being laid out (relative), for diagnostics. */
  file?: string;
  bodyLine: number;
  diagnostics: Diagnostic[];
  columnHeight: number;
  section: SectionState;
  /** Heading slug → anchor name, for internal links. */
  anchors: Map<string, string>;
  /** Section file → its component's anchor scope, for `other-file.md#heading` links. */
  linkTargets?: Map<string, { scope: string; dest: string; anchors: ReadonlySet<string> }>;
  /** Missing characters already reported, per file. */
  reportedMissing: Set<string>;
  depth: number;
  /** Flowcharts laid out before the text (ELK is asynchronous), by data name. */
  diagrams?: Map<string, PreparedDiagram | undefined>;
  /** The structure element new blocks go into (a component's Sect, a list item's LBody, …). */
  struct?: StructNode;
}

export function newSection(key: string, n?: number, scope = key, anchors: ReadonlySet<string> = new Set()): SectionState {
  return { n, counters: [], minDepth: 2, footnoteDefs: new Map(), footnoteOrder: [], fileIndex: 0, key, scope, slugs: new SlugAllocator(), anchors };
}

/** File line of a node (mdast lines are body-relative). */
export function lineOf(ctx: LayoutContext, node: MdNode | undefined): { line?: number; column?: number } {
  const p = node?.position?.start;
  if (!p) return {};
  return { line: p.line + ctx.bodyLine - 1, column: p.column };
}
