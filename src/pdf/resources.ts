import type { FrameItem, StructNode } from '../frame/types.js';
import type { GlyphRun } from '../text/index.js';

/**
 * What drawing asks of the PDF being written (writer.ts implements it): codes for glyphs,
 * resource names for fonts, glyph forms and images. A module of its own so that the
 * drawing of text (draw-text.ts) and of the rest (draw.ts) need not import each other.
 */
export interface ResourceSink {
  /** The 2-byte code of (glyph, text); records that the page uses it. */
  code(face: GlyphRun['face'], gid: number, text: string, zeroWidth: boolean): number;
  /** Registers a font on the current page, returns its resource name. */
  font(run: GlyphRun): string;
  /** Registers the path form of a text-less glyph, returns its resource name. */
  glyph(run: GlyphRun, gid: number): string;
  /** Registers an image, returns its resource name (or undefined when unusable). */
  image(item: Extract<FrameItem, { kind: 'image' }>): string | undefined;
  /**
   * Tagged pages only: the next marked-content id of the page, recorded as content of
   * `node`. Without it nothing is marked (posters, until they are tagged).
   */
  mark?(node: StructNode): number;
}
