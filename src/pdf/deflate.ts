import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from '../vendor/pdf-lib.js';

/**
 * A FlateDecode stream compressed with Node's native zlib: pdf-lib's `flateStream` uses
 * pako in JavaScript, which was a quarter of the render time. Same input → same bytes.
 */
export function deflateStream(ctx: PDFContext, data: string | Uint8Array, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const packed = deflateSync(bytes, { level: 6 });
  return ctx.stream(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), { ...dict, Filter: 'FlateDecode' } as never);
}
