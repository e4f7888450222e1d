/**
 * The embedded font program (FontFile2) of a face subset to a set of glyphs, subset and
 * compressed once per process. Why: every poster is its own PDF with its own code table,
 * but its A3 and A2 (or Tabloid and ANSI C) variants, and the SOP and its pack, use the
 * same glyphs, so they embed the same subset; subsetting and deflating it again cost
 * about a tenth of the posters step. Same (face, glyphs) → same bytes, so a hit is exact.
 */
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from '../vendor/pdf-lib.js';
import type { FontFace } from '../text/index.js';
import { subsetFont } from '../text/index.js';

interface Packed {
  /** Length of the uncompressed subset (the stream's Length1). */
  length1: number;
  packed: Uint8Array;
}

const files = new Map<string, Packed>();
let cachedBytes = 0;
/** Bound for long-running processes (`serve`, `watch`): the example's posters hold ~3 MB. */
const MAX_CACHED_BYTES = 64 << 20;

/** A FlateDecode FontFile2 stream of `face` subset to `gids` (sorted, retain-gids). */
export function fontFileStream(ctx: PDFContext, face: FontFace, gids: number[]): PDFRawStream {
  const key = `${face.id}:${gids.join(',')}`;
  let hit = files.get(key);
  if (!hit) {
    const sub = subsetFont(face.bytes, gids);
    // The same settings as deflateStream (deflate.ts), so the bytes are those it wrote.
    const z = deflateSync(sub, { level: 6 });
    hit = { length1: sub.length, packed: new Uint8Array(z.buffer, z.byteOffset, z.byteLength) };
    if (cachedBytes > MAX_CACHED_BYTES) {
      files.clear();
      cachedBytes = 0;
    }
    files.set(key, hit);
    cachedBytes += hit.packed.byteLength;
  }
  return ctx.stream(hit.packed, { Length1: hit.length1, Filter: 'FlateDecode' } as never);
}
