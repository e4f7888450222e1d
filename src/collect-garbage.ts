/**
 * A full garbage collection, asked for where a build has just finished a large step
 * (the PDFs, the posters) and the next will not read most of what it made.
 *
 * Why: V8 grows its heap lazily and a build is a short process, so it hardly ever ran a
 * full collection after the first PDF: the example's cold build ended with 183 MB of
 * heap in use, of which 68 MB was still reachable (measured by collecting at the start of
 * the site step), and peaked at ~333 MB RSS. Collecting before the posters and before
 * the site, when most of the previous step's data has just become garbage, keeps the peak
 * at ~282 MB, for ~130 ms more of GC pauses on the main thread (two full collections;
 * collecting before the site only left 320 MB: the posters step made the peak). Measured
 * in docs/bench.md, "Issue 15: fourth and fifth sessions".
 *
 * Node gives scripts no `gc()` unless started with `--expose-gc`; with the flag set at
 * run time, a new V8 context has it. src/v8-flags.ts sets the flag when the CLI starts
 * (V8's flags are part of the code cache's check, so they must not change mid-run);
 * elsewhere (tests, the library) the first call sets it. A process that cannot have it
 * simply does not collect: results never depend on this.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Collects when more than `aboveBytes` of heap is in use (default 64 MB): a build whose
 * steps came from the cache never gets there and pays nothing.
 */
export function collectGarbage(aboveBytes = 64 * 2 ** 20): void {
  if (getHeapStatistics().used_heap_size <= aboveBytes) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
