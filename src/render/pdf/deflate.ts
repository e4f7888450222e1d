import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from '../../vendor/pdf-lib.js';

/**
 * A FlateDecode stream compressed with Node's native zlib: pdf-lib's `flateStream` uses
 * pako in JavaScript, which was a quarter of the render time. Same input → same bytes.
 */
export function deflateStream(ctx: PDFContext, data: string | Uint8Array, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const packed = deflateSync(bytes, { level: 6 });
  return ctx.stream(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), { ...dict, Filter: 'FlateDecode' } as never);
}

/**
 * pdf-lib compresses object streams (and any `flateStream`) with pako, in JavaScript:
 * ~40 % of `save()`. pako.deflate and zlib.deflateSync both write zlib-wrapped deflate
 * data, so pdf-lib's own copy of pako is pointed at the native one. Output stays
 * deterministic (same input → same bytes).
 */
function useNativeDeflateInPdfLib(): void {
  try {
    const fromPdfLib = createRequire(createRequire(import.meta.url).resolve('pdf-lib'));
    const pako = fromPdfLib('pako') as { deflate?: unknown; __sopkitNative?: boolean };
    if (typeof pako.deflate === 'function' && !pako.__sopkitNative) {
      pako.deflate = (data: Uint8Array) => {
        const out = deflateSync(data, { level: 6 });
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      };
      pako.__sopkitNative = true;
    }
  } catch {
    // pdf-lib resolved its pako elsewhere: keep the JavaScript deflate.
  }
}

useNativeDeflateInPdfLib();
