/**
 * Stands in for `pako` inside the pdf-lib bundle (src/tooling/bundle-vendor.ts maps the
 * import here). pdf-lib deflates streams with pako in JavaScript and its standard-font
 * tables are inflated with pako on import; Node's zlib does the same work natively.
 * pako.deflate and zlib.deflateSync both write zlib-wrapped deflate data at level 6, so
 * the PDFs are byte-identical to the unbundled run (where src/pdf/deflate.ts
 * patches pako the same way).
 */
import { deflateSync, inflateSync } from 'node:zlib';

const view = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function deflate(data: Uint8Array | string, options?: { level?: number }): Uint8Array {
  const level = options?.level ?? 6;
  return view(deflateSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level }));
}

export function inflate(data: Uint8Array, options?: { to?: string }): Uint8Array | string {
  const out = inflateSync(data);
  return options?.to === 'string' ? out.toString('utf8') : view(out);
}

export default { deflate, inflate };
