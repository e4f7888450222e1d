/**
 * HarfBuzz's subsetter (`hb-subset`, a wasm of its own with no imports): one subset of a
 * TrueType font. Kept apart from ./hb.ts, which loads harfbuzzjs (the shaper), so the
 * warm-up worker (./subset-warm-worker.ts) runs the very same calls without loading it.
 */

export interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_length(b: number): number;
  hb_blob_get_data(b: number, lenPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_glyph_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const RETAIN_GIDS = 0x2;
const NO_LAYOUT_CLOSURE = 0x200;
const SETS_DROP_TABLE_TAG = 3;

function tag(s: string): number {
  return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
}

/**
 * Subsets a TrueType font to `glyphs` keeping glyph ids (retain-gids), so the glyph ids
 * HarfBuzz produced stay valid in the PDF. Layout tables are dropped: shaping is done.
 * Returns the original bytes if HarfBuzz refuses (never fails the build over size).
 */
export function subsetWith(x: SubsetExports, bytes: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  const dataPtr = x.malloc(bytes.length);
  new Uint8Array(x.memory.buffer, dataPtr, bytes.length).set(bytes);
  const blob = x.hb_blob_create(dataPtr, bytes.length, 2 /* writable */, 0, 0);
  const face = x.hb_face_create(blob, 0);
  x.hb_blob_destroy(blob);
  const input = x.hb_subset_input_create_or_fail();
  let out: Uint8Array = bytes;
  try {
    const set = x.hb_subset_input_glyph_set(input);
    x.hb_set_add(set, 0);
    for (const g of glyphs) x.hb_set_add(set, g);
    const drop = x.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'DSIG', 'kern', 'morx', 'meta']) x.hb_set_add(drop, tag(t));
    x.hb_subset_input_set_flags(input, RETAIN_GIDS | NO_LAYOUT_CLOSURE);
    const subFace = x.hb_subset_or_fail(face, input);
    if (subFace) {
      const subBlob = x.hb_face_reference_blob(subFace);
      const len = x.hb_blob_get_length(subBlob);
      const ptr = x.hb_blob_get_data(subBlob, 0);
      if (len > 0) out = new Uint8Array(x.memory.buffer, ptr, len).slice();
      x.hb_blob_destroy(subBlob);
      x.hb_face_destroy(subFace);
    }
  } finally {
    x.hb_subset_input_destroy(input);
    x.hb_face_destroy(face);
    x.free(dataPtr);
  }
  return out;
}
