/**
 * HarfBuzz shaping of one run of a paragraph. The whole paragraph is passed as context
 * (`addText(text, start, length)`) so joining across run edges is right; cluster values
 * are indices into the paragraph text.
 */
import { hb } from './hb.js';
import type { FontFace } from './fonts.js';

export interface RawGlyph {
  gid: number;
  cluster: number;
  advance: number;
  xOffset: number;
  yOffset: number;
  unsafe: boolean;
}

const buffer = new hb.Buffer();

/** Shapes `text[start, end)` with `face`; glyphs come back in visual order. */
export function shapeRange(face: FontFace, text: string, start: number, end: number, rtl: boolean, lang: string): RawGlyph[] {
  buffer.clearContents();
  // HarfBuzz looks at most 5 characters around an item for joining context; harfbuzzjs
  // copies the whole string into wasm memory per call, so pass only that window.
  const from = Math.max(0, start - 5);
  const to = Math.min(text.length, end + 5);
  buffer.addText(from === 0 && to === text.length ? text : text.slice(from, to), start - from, end - start);
  // Script from the face (Naskh items are Arabic, the Latin face's are Latin): cheaper
  // than guessing, and the same result for the text each face is given.
  buffer.setScript(face.role === 'arabic' ? 'Arab' : 'Latn');
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setLanguage(lang);
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  // Bidi isolates and other invisible controls get no glyph at all.
  buffer.setFlags(hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
  // kern, liga, mark and mkmk are on by default: no feature list to copy per call.
  hb.shape(face.hbFont, buffer);
  // getGlyphInfosAndPositions defines hidden properties per glyph and is 5x slower.
  const infos = buffer.getGlyphInfos();
  const pos = buffer.getGlyphPositions();
  const out: RawGlyph[] = new Array(infos.length);
  for (let i = 0; i < infos.length; i++) {
    const g = infos[i]!;
    const p = pos[i]!;
    out[i] = {
      gid: g.codepoint,
      cluster: g.cluster + from,
      advance: p.xAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
      unsafe: (g.flags & hb.GlyphFlag.UNSAFE_TO_BREAK) !== 0,
    };
  }
  return out;
}
