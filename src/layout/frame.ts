/**
 * Format-free frames: what the layout produces and every exporter reads. Coordinates
 * are points with the origin at the page's top-left corner and y growing downwards.
 */
import type { GlyphRun, Line, Rgb } from '../text/index.js';

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
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: Rgb;
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
}

/** A clickable area that jumps to an anchor (`dest`) or opens an external address (`uri`). */
export type LinkItem = {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
} & ({ dest: string; uri?: undefined } | { uri: string; dest?: undefined });

/** A named destination (heading, footnote) at height `y` of its page. */
export interface AnchorItem {
  kind: 'anchor';
  name: string;
  y: number;
  /** Also written as a named destination of the PDF (headings: `<scope>--<slug>`, the site's id). */
  named?: boolean;
}

export type FrameItem = TextItem | RectItem | RuleItem | ImageItem | LinkItem | AnchorItem;

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

/** Turns laid-out lines into text items at (x, top) of a box. */
export function linesToItems(lines: Line[], x: number, top: number): TextItem[] {
  const out: TextItem[] = [];
  let y = top;
  for (const l of lines) {
    if (l.runs.length) out.push({ kind: 'text', x, y: y + l.baseline, runs: l.runs });
    y += l.height;
  }
  return out;
}
