/**
 * pdf-lib (bundled into one file by the build: see ./index.ts).
 *
 * pdf-lib compresses object streams (and any `flateStream`) with pako, in JavaScript:
 * ~40 % of `save()`. Node's zlib writes the same zlib-wrapped deflate data at level 6,
 * so pako's `deflate` is pointed at it here, before pdf-lib is used: same bytes, native
 * speed. In the bundle, `pako` is already src/vendor/pako-native.ts (the build maps it),
 * so this assignment changes nothing there; it matters only where this file runs
 * unbundled (tsc output without esbuild, or tests/tooling/vendor-bundle.test.ts comparing
 * the façade with its bundle), patching the node_modules pako that pdf-lib requires.
 */
import pako from 'pako';
import { deflate } from './pako-native.js';

(pako as { deflate: unknown }).deflate = deflate;

export * from 'pdf-lib';
