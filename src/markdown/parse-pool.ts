/**
 * Parses many Markdown bodies with a second thread helping.
 *
 * Why: a PDF build parses every section before laying it out, and micromark is the
 * largest single cost of a cold (first-run) layout (~0.2 s of ~0.5 s for a 40-page SOP).
 * The layout needs one core; a 2-core machine often has the other one idle. A worker
 * thread parses bodies while the main thread lays out the ones it already has.
 *
 * How: the main thread takes bodies from the front (in the order the layout asks for
 * them), the worker from the back; one shared word (Atomics) says where each end is, so
 * every body is parsed once, by one thread. The main thread only waits for a body the
 * worker is already parsing (where the two ends meet, when the worker is warm), never for
 * the worker to start: while it boots the main thread simply parses from the front. Trees
 * come back by structured clone (`receiveMessageOnPort`, as layout is synchronous): the
 * same plain objects `parseMarkdown` returns.
 *
 * No worker when there is little Markdown, when the machine is busy (1-minute load
 * average at or above the core count: a worker then only adds CPU), without the compiled
 * worker (tests run src/ under vitest) or with SOPKIT_PARSE_WORKER=0 (=1 forces it):
 * everything is parsed on the calling thread, on demand. Results are the same either way.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { parseMarkdown } from './parse.js';

export interface ParsePool {
  /** The tree of body `i` (parsed here, or by the worker). */
  get(i: number): Root;
}

export interface ParsePoolOptions {
  /** Force the worker on or off (default: on for enough Markdown on a machine with a spare core). */
  worker?: boolean;
  /** The compiled worker module (default: parse-worker.js beside this module). */
  workerUrl?: URL;
}

/** Below this much Markdown a worker costs more than it saves. */
const MIN_CHARS = 20_000;
/** Longest wait for a body the worker claimed before parsing it here (a dead worker). */
const MAX_WAIT_MS = 5_000;
/** The claim word packs the front (low 16 bits) and back (high 15 bits) ends. */
const MAX_BODIES = 0x7fff;

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

function workerWanted(url: URL): boolean {
  if (process.env.SOPKIT_PARSE_WORKER === '0') return false;
  // Every core already busy on average (other processes): a worker would only add CPU.
  if (process.env.SOPKIT_PARSE_WORKER !== '1' && loadavg()[0] >= availableParallelism()) return false;
  try {
    return url.protocol === 'file:' && existsSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

export function createParsePool(bodies: string[], opts: ParsePoolOptions = {}): ParsePool {
  const n = bodies.length;
  const trees: Array<Root | undefined> = new Array(n);
  const parseHere = (i: number) => (trees[i] ??= parseMarkdown(bodies[i]!));
  const url = opts.workerUrl ?? WORKER_URL;
  const total = bodies.reduce((s, b) => s + b.length, 0);
  const useWorker = n <= MAX_BODIES && (opts.worker ?? (n >= 3 && total >= MIN_CHARS && workerWanted(url)));
  if (!useWorker) return { get: parseHere };
  // state[0]: front | back << 16 (bodies [front, back) are unclaimed); state[1 + i]: 1 once
  // the worker posted tree i, 2 if it failed (then this thread parses it and reports).
  const state = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  state[0] = n << 16;
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = new Worker(url, { workerData: { bodies, state, port: port2 }, transferList: [port2] });
    // Never keeps the process alive, never fails the build: this thread can do it all.
    worker.unref();
    worker.on('error', () => {});
    port1.unref();
  } catch {
    return { get: parseHere };
  }
  return {
    get(i) {
      const have = trees[i];
      if (have) return have;
      for (;;) {
        const v = Atomics.load(state, 0);
        const front = v & 0xffff;
        const back = v >>> 16;
        // Taken from the front already (asked out of order): ours.
        if (i < front) return parseHere(i);
        if (i < back) {
          // Unclaimed: move the front past it (bodies skipped on the way are ours too).
          if (Atomics.compareExchange(state, 0, v, (i + 1) | (back << 16)) === v) return parseHere(i);
          continue;
        }
        break;
      }
      // The worker has it: wait until it is posted.
      const t0 = performance.now();
      while (Atomics.load(state, 1 + i) === 0 && performance.now() - t0 < MAX_WAIT_MS) Atomics.wait(state, 1 + i, 0, 50);
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const { i: k, tree } = m.message as { i: number; tree: Root };
        trees[k] = tree;
      }
      return parseHere(i);
    },
  };
}
