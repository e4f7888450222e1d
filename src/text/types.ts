import type { FontFace } from './fonts.js';

export type Rgb = [number, number, number];

/** How a piece of inline text looks. Sizes in PDF points. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Rgb;
  /** Baseline shift in points, positive up (footnote references). */
  rise?: number;
  /** Internal link target (an anchor name); the layout turns it into a link box. */
  link?: string;
  /** External address (ASCII, http/https/mailto) the text opens; the layout turns it into a link box. */
  uri?: string;
  /** Draw a line under the text (links). */
  underline?: boolean;
}

export interface Span {
  text: string;
  style: TextStyle;
}

/**
 * One glyph as HarfBuzz positioned it, in font units. `text` is the source text this
 * glyph stands for in ToUnicode (the whole cluster on its main glyph; '' for the extra
 * glyphs of a cluster such as Naskh's detached dots and marks).
 */
export interface ShapedGlyph {
  gid: number;
  advance: number;
  xOffset: number;
  yOffset: number;
  text: string;
}

/** Glyphs of one face, size and style, in visual (left-to-right) order. */
export interface GlyphRun {
  face: FontFace;
  size: number;
  color: Rgb;
  rise: number;
  /** Left edge of the run relative to its line's left edge, in points. */
  x: number;
  /** Width in points (sum of advances, justification included). */
  width: number;
  glyphs: ShapedGlyph[];
  link?: string;
  uri?: string;
  underline?: boolean;
  rtl: boolean;
}

/** A finished line: runs positioned within the line box. */
export interface Line {
  /**
   * In logical order (the order of their source text), each at its own `x`: for a
   * right-to-left line that is mostly right to left. Do not assume `runs[0]` is leftmost.
   */
  runs: GlyphRun[];
  /** Width of the inked content (after justification), points. */
  width: number;
  /** Line box height, points. */
  height: number;
  /** Baseline distance from the line box top, points. */
  baseline: number;
  /** Logical UTF-16 range of the paragraph text the line shows. */
  start: number;
  end: number;
}

export type Align = 'start' | 'end' | 'center' | 'justify' | 'left' | 'right';
