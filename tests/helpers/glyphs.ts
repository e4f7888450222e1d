/**
 * Shaped glyphs as objects, for tests to read: the engine itself reads HarfBuzz's packed
 * glyphs in place (src/text/shape.ts, `shapePacked`).
 */
import { GLYPH_STRIDE, shapePacked } from '../../src/text/shape.js';
import type { FontFace } from '../../src/text/fonts.js';

export interface RawGlyph {
  gid: number;
  cluster: number;
  advance: number;
  xOffset: number;
  yOffset: number;
  unsafe: boolean;
}

/** Shapes `text[start, end)` with `face`; glyphs in visual order, clusters as indices into `text`. */
export function shapeRange(face: FontFace, text: string, start: number, end: number, rtl: boolean, lang: string): RawGlyph[] {
  const { data, base } = shapePacked(face, text, start, end, rtl, lang);
  const out: RawGlyph[] = [];
  for (let k = 0; k < data.length; k += GLYPH_STRIDE) {
    out.push({ gid: data[k]!, cluster: data[k + 1]! + base, advance: data[k + 2]!, xOffset: data[k + 3]!, yOffset: data[k + 4]!, unsafe: data[k + 5] === 1 });
  }
  return out;
}
