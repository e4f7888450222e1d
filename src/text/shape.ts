/**
 * HarfBuzz shaping of one run of a paragraph. The whole paragraph is passed as context
 * (`addText(text, start, length)`) so joining across run edges is right; cluster values
 * are indices into the paragraph text.
 */
import { hb } from './hb.js';
import type { FontFace } from './fonts.js';

const buffer = new hb.Buffer();
// Read once: in the CLI's bundle `hb` is the harfbuzzjs namespace behind esbuild's getters,
// and a read per glyph was a getter call per glyph (~18 ms of the 40-page bench document).
const { RTL, LTR } = hb.Direction;
const MONOTONE_CHARACTERS = hb.ClusterLevel.MONOTONE_CHARACTERS;
const REMOVE_DEFAULT_IGNORABLES = hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES;
const UNSAFE_TO_BREAK = hb.GlyphFlag.UNSAFE_TO_BREAK;
const shape = hb.shape;

/**
 * Results by exact input (face, direction, language, the text HarfBuzz sees with its
 * context window, item offset and length), packed six numbers per glyph with clusters
 * relative to the window. Why: tables that do not fit are prepared again at smaller type
 * sizes (same text, same glyphs: sizes only scale the advances), and short labels,
 * markers and repeated cells recur; the same input always gives the same glyphs, so a hit
 * is exact. Packed, an entry is one allocation (the glyph objects are made per call).
 */
const cache = new Map<string, Int32Array>();
let cachedChars = 0;
const MAX_CACHED_CHARS = 1 << 21;

/**
 * Shaped glyphs as HarfBuzz gave them, packed: six numbers per glyph (gid, cluster minus
 * `base`, advance, x offset, y offset, unsafe-to-break 0/1), in visual order. The
 * paragraph engine reads them in place: a glyph object per glyph and call (~110 000 for
 * the 40-page bench document) was garbage the moment the line's glyphs were made.
 */
export interface PackedGlyphs {
  data: Int32Array;
  /** Add to a stored cluster to get the index in the paragraph text. */
  base: number;
}

/** Number of Int32 slots per glyph in `PackedGlyphs.data`. */
export const GLYPH_STRIDE = 6;

/** Shapes `text[start, end)` with `face`: packed glyphs in visual order (shared: never write to them). */
export function shapePacked(face: FontFace, text: string, start: number, end: number, rtl: boolean, lang: string): PackedGlyphs {
  // HarfBuzz looks at most 5 characters around an item for joining context; harfbuzzjs
  // copies the whole string into wasm memory per call, so pass only that window.
  const from = Math.max(0, start - 5);
  const to = Math.min(text.length, end + 5);
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const key = `${face.id}|${rtl ? 'r' : 'l'}|${lang}|${start - from}|${end - start}|${window}`;
  let packed = cache.get(key);
  if (!packed) {
    packed = shapeWindow(face, window, start - from, end - start, rtl, lang);
    if (cachedChars > MAX_CACHED_CHARS) {
      cache.clear();
      cachedChars = 0;
    }
    cache.set(key, packed);
    cachedChars += key.length;
  }
  return { data: packed, base: from };
}

/** Glyphs of `window[offset, offset + length)`: gid, cluster (in `window`), advance, x and y offset, unsafe-to-break. */
function shapeWindow(face: FontFace, window: string, offset: number, length: number, rtl: boolean, lang: string): Int32Array {
  buffer.clearContents();
  buffer.addText(window, offset, length);
  // Script from the face (Naskh items are Arabic, the Latin face's are Latin): cheaper
  // than guessing, and the same result for the text each face is given.
  buffer.setScript(face.role === 'arabic' ? 'Arab' : 'Latn');
  buffer.setDirection(rtl ? RTL : LTR);
  buffer.setLanguage(lang);
  buffer.setClusterLevel(MONOTONE_CHARACTERS);
  // Bidi isolates and other invisible controls get no glyph at all.
  buffer.setFlags(REMOVE_DEFAULT_IGNORABLES);
  // kern, liga, mark and mkmk are on by default: no feature list to copy per call.
  shape(face.hbFont, buffer);
  // getGlyphInfosAndPositions defines hidden properties per glyph and is 5x slower.
  const infos = buffer.getGlyphInfos();
  const pos = buffer.getGlyphPositions();
  const out = new Int32Array(infos.length * 6);
  for (let i = 0, k = 0; i < infos.length; i++, k += 6) {
    const g = infos[i]!;
    const p = pos[i]!;
    out[k] = g.codepoint;
    out[k + 1] = g.cluster;
    out[k + 2] = p.xAdvance;
    out[k + 3] = p.xOffset;
    out[k + 4] = p.yOffset;
    out[k + 5] = (g.flags & UNSAFE_TO_BREAK) !== 0 ? 1 : 0;
  }
  return out;
}
