/**
 * HarfBuzz access. harfbuzzjs 1.x initialises its wasm with top-level await, so this
 * module must stay ESM. The subsetter lives in a separate wasm (`hb-subset`) with no
 * imports, instantiated once on first use.
 */
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export { hb };

const require = createRequire(import.meta.url);

interface SubsetExports {
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

let subsetExports: SubsetExports | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;

/** Starts compiling the subsetter (680 KB of wasm) in the background; safe to call often. */
export function warmSubsetter(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  return compiled;
}

/** Waits for the background compile (call before `subsetFont` in async code). */
export async function subsetterReady(): Promise<void> {
  if (!subsetExports) subsetExports = new WebAssembly.Instance(await warmSubsetter(), {}).exports as unknown as SubsetExports;
}

function subsetter(): SubsetExports {
  if (!subsetExports) {
    const module = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    subsetExports = new WebAssembly.Instance(module, {}).exports as unknown as SubsetExports;
  }
  return subsetExports;
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
export function subsetFont(bytes: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  const x = subsetter();
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
