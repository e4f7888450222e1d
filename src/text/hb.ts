/**
 * HarfBuzz access. harfbuzzjs 1.x initialises its wasm with top-level await, so this
 * module must stay ESM. The subsetter lives in a separate wasm (`hb-subset`) with no
 * imports, instantiated once on first use.
 */
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { subsetWith, type SubsetExports } from './subsetter.js';

export { hb };

const require = createRequire(import.meta.url);

let subsetExports: SubsetExports | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;

const subsetWasm = (): string => require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
const compileSubsetter = (): Promise<WebAssembly.Module> => WebAssembly.compile(readFileSync(subsetWasm()));

/**
 * Starts compiling the subsetter (680 KB of wasm) off the main thread; safe to call often.
 * With `sample` (the bytes of a font the document uses), on a warm-up thread
 * (./subset-warm-worker.ts) that also subsets the sample once. Why: V8 compiles a wasm
 * function on its first call, on the calling thread, so the first subset of a process
 * spent ~60-80 ms of the main thread compiling (the next ones take 1-3 ms). The thread
 * sends the module back, and a module's code is shared by every thread it is sent to:
 * what the sample's subset compiled is compiled for the main thread too. (The thread
 * compiles the module itself: an async compile started here would finish only when the
 * main thread next yields, after the synchronous layout.)
 */
export function warmSubsetter(sample?: Uint8Array): Promise<WebAssembly.Module> {
  compiled ??= sample ? warmUp(sample) : compileSubsetter();
  return compiled;
}

/** The module from the warm-up thread; compiled here instead if the thread fails. */
function warmUp(sample: Uint8Array): Promise<WebAssembly.Module> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (m: WebAssembly.Module | Promise<WebAssembly.Module>) => {
      if (!settled) resolve(m);
      settled = true;
    };
    try {
      // The thread ends by itself after its one subset.
      const w = new Worker(new URL('./subset-warm-worker.js', import.meta.url), { workerData: { wasm: subsetWasm(), sample } });
      w.once('message', (m: WebAssembly.Module) => settle(m));
      w.once('error', () => settle(compileSubsetter()));
      w.once('exit', () => settle(compileSubsetter()));
    } catch {
      settle(compileSubsetter());
    }
  });
}

/** Waits for the subsetter's module (call before `subsetFont` in async code). */
export async function subsetterReady(): Promise<void> {
  const module = await warmSubsetter();
  if (!subsetExports) subsetExports = new WebAssembly.Instance(module, {}).exports as unknown as SubsetExports;
}

function subsetter(): SubsetExports {
  if (!subsetExports) {
    const module = new WebAssembly.Module(readFileSync(subsetWasm()));
    subsetExports = new WebAssembly.Instance(module, {}).exports as unknown as SubsetExports;
  }
  return subsetExports;
}

/**
 * Subsets a TrueType font to `glyphs` keeping glyph ids (see ./subsetter.ts); the
 * original bytes if HarfBuzz refuses.
 */
export function subsetFont(bytes: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  return subsetWith(subsetter(), bytes, glyphs);
}
