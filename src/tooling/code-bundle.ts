/**
 * The last touch on a bundle that runs through V8's code cache (src/cache/code-cache.ts):
 *
 * - every non-ASCII character written as a `\uXXXX` escape (esbuild leaves them in regular
 *   expressions: the Arabic letters of a few patterns). An ASCII source is a one-byte
 *   string to V8, half the memory of a two-byte one, read, hashed and checked faster;
 * - a first line naming the sha256 of the code (CODE_KEY_LINE), so a command keys the
 *   cached code on 64 characters instead of hashing the whole bundle each time.
 *
 * Escapes mean the same inside strings, regular expressions (with or without the u flag:
 * a surrogate pair of escapes is one code point there) and identifiers; in comments they
 * change nothing.
 */
import { createHash } from 'node:crypto';
import { CODE_KEY_PREFIX } from '../cache/code-cache.js';

export function finishCodeBundle(contents: Uint8Array | string): string {
  const code = (typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8')).replace(
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${CODE_KEY_PREFIX}${createHash('sha256').update(code).digest('hex')}\n${code}`;
}
