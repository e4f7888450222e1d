/**
 * The subsetter's warm-up thread (see `warmSubsetter` in ./hb.ts): compiles the
 * subsetter's module, subsets a sample font once with it, and sends the module to the
 * main thread. V8 compiles a wasm function on its first call, and a module's code is
 * shared by every thread it is sent to: the functions a subset runs are compiled here,
 * on the other core, while the main thread lays out and draws the pages. The sample's
 * subset is thrown away.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { subsetWith, type SubsetExports } from './subsetter.js';

const { wasm, sample } = workerData as { wasm: string; sample: Uint8Array };
const module = new WebAssembly.Module(readFileSync(wasm));
const x = new WebAssembly.Instance(module, {}).exports as unknown as SubsetExports;
// A spread of glyph ids: simple and composite glyphs, as a document's subset has.
const glyphs: number[] = [];
for (let g = 1; g < 600; g += 3) glyphs.push(g);
subsetWith(x, sample, glyphs);
parentPort?.postMessage(module);
