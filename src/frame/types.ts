/**
 * Format-free frames: the one item vocabulary below every layout (SOP pages, posters and
 * cards, the redline, diagrams) that every exporter reads. Coordinates are points with
 * the origin at the page's top-left corner and y growing downwards.
 */
import type { GlyphRun, Line, Rgb } from '../text/index.js';

/**
 * Structure roles of a tagged PDF (ISO 32000-1 14.8.4, the standard structure types, so no
 * RoleMap is needed). The layout builds a tree of `StructNode`s as it sets the document;
 * the items it emits point at the node they belong to (`tag`), and the PDF writer turns
 * that into marked content and a structure tree.
 */
export type StructRole =
  | 'Document' | 'Part' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD'
  | 'Note' | 'Reference' | 'Link' | 'Figure' | 'Caption' | 'TOC' | 'TOCI' | 'Span' | 'Code';

/** One element of the structure tree. Children are in reading order (see `float`). */
export interface StructNode {
  role: StructRole;
  parent?: StructNode;
  children: StructNode[];
  /** Alternate description (figures). */
  alt?: string;
  /** Links: the link's text, the description of its annotation (/Contents). */
  contents?: string;
  /** BCP 47 language when it differs from the document's (a Latin span in Arabic text). */
  lang?: string;
  /** Header cells: which cells they head. */
  scope?: 'Row' | 'Column' | 'Both';
  /** A unique element id (footnote Notes carry one, as PDF/UA asks). */
  id?: string;
  /**
   * Read at the end of its parent, not where its content is drawn: a footnote is drawn at
   * the page foot but belongs after the paragraph that references it.
   */
  float?: boolean;
}

/** Content a reader skips: running headers and footers, page numbers, watermarks, rules, backgrounds. */
export interface ArtifactTag {
  artifact: 'Pagination' | 'Layout' | 'Page' | 'Background';
  subtype?: 'Header' | 'Footer' | 'Watermark';
}

/** What an item is in the structure: an element's content, or an artifact. None: untagged. */
export type ItemTag = StructNode | ArtifactTag;

export interface Point {
  x: number;
  y: number;
}

/** One line of shaped text; `runs[i].x` is relative to `x`, `y` is the baseline. */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  runs: GlyphRun[];
  /** Rotation in degrees, counter-clockwise, around (x, y) (watermarks). */
  angle?: number;
  /** Draw the glyphs as shapes, not as text: decoration that extractors must not read (watermarks). */
  shapesOnly?: boolean;
  /**
   * The line stands apart from the text drawn before it (a table cell's line): its
   * extracted text starts with a space, so extractors that join pieces without looking
   * at gaps (pdf.js on a leftward jump) keep the word boundary. Looks the same.
   */
  separate?: boolean;
  tag?: ItemTag;
  /**
   * Per run (same indexes as `runs`): the element a run belongs to when it is not the
   * line's own (`tag`): a link inside a paragraph, a span in the other script.
   */
  runTags?: Array<StructNode | undefined>;
}

/**
 * A paragraph's lines stacked from `y` (the top of the first line box), `width` wide:
 * how posters keep a set paragraph as one piece to measure and move. Drawn as one
 * text item per line (`linesToItems`).
 */
export interface LinesItem {
  kind: 'lines';
  x: number;
  y: number;
  width: number;
  lines: Line[];
  tag?: ItemTag;
  /** Per line (same indexes as `lines`): its runs' own elements, as `TextItem.runTags` (a Latin name in Arabic). */
  lineTags?: Array<Array<StructNode | undefined> | undefined>;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  /** Dash pattern in points (on, off, …); none: solid. */
  dash?: number[];
  tag?: ItemTag;
}

/**
 * A straight stroke from (x1, y1) to (x2, y2). With `role` it is a printer's mark (crop,
 * fold, cut line of an imposed sheet): kept apart from artwork so tests can find every one.
 */
export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: Rgb;
  dash?: number[];
  role?: 'crop' | 'fold' | 'cut';
  tag?: ItemTag;
}

export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  data: Uint8Array;
  format: 'png' | 'jpeg';
  /** Same key → embedded once. */
  key: string;
  tag?: ItemTag;
}

/** A clickable area that jumps to an anchor (`dest`) or opens an external address (`uri`). */
export type LinkItem = {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  /** The Link element whose annotation this is (written as an OBJR of it). */
  tag?: StructNode;
} & ({ dest: string; uri?: undefined } | { uri: string; dest?: undefined });

/** A named destination (heading, footnote) at height `y` of its page. */
export interface AnchorItem {
  kind: 'anchor';
  name: string;
  y: number;
  /** Also written as a named destination of the PDF (headings: `<scope>--<slug>`, the site's id). */
  named?: boolean;
}

/** One step of a path, in the coordinates of its item (origin at the item's x, y; y downwards). */
export type PathSegment =
  | { op: 'move'; x: number; y: number }
  | { op: 'line'; x: number; y: number }
  /** A cubic Bézier curve from the current point through control points 1 and 2 to (x, y). */
  | { op: 'curve'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'close' };

/**
 * Vector shapes (diagram boxes, arrows): filled, stroked or both. Points are relative to
 * (x, y), so moving the item moves the whole path. Drawn in its own graphics state.
 */
export interface PathItem {
  kind: 'path';
  x: number;
  y: number;
  segments: PathSegment[];
  fill?: Rgb;
  stroke?: Rgb;
  /** Stroke width in points (default 0.5). */
  lineWidth?: number;
  /** Dash pattern in points (on, off, …); none: solid. */
  dash?: number[];
  tag?: ItemTag;
}

/**
 * Items drawn in a coordinate system of their own: moved to (x, y), scaled by `scale`
 * (default 1), and clipped to `clip` (in the group's coordinates) when given. A diagram
 * split over pages puts each page's band of it in a clipped group. Links and anchors
 * inside a group are placed with its offset (not scaled: keep them out of scaled groups).
 */
export interface GroupItem {
  kind: 'group';
  x: number;
  y: number;
  scale?: number;
  clip?: { x: number; y: number; w: number; h: number };
  items: FrameItem[];
  /** The whole group is this element's content (a figure): its items' own tags are not written. */
  tag?: ItemTag;
}

export type FrameItem = TextItem | LinesItem | RectItem | RuleItem | ImageItem | LinkItem | AnchorItem | PathItem | GroupItem;

export interface PageFrame {
  width: number;
  height: number;
  items: FrameItem[];
}

export interface OutlineEntry {
  title: string;
  dest: string;
  children: OutlineEntry[];
}

export interface DocumentMeta {
  title: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  /** ISO date (YYYY-MM-DD) used for creation and modification dates: builds are reproducible. */
  date: string;
  version?: string;
  author?: string;
}

export interface DocumentFrames {
  pages: PageFrame[];
  outline: OutlineEntry[];
  meta: DocumentMeta;
}
