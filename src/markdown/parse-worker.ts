/**
 * Worker side of `createParsePool` (./parse-pool.ts): claims bodies from the back end of
 * the shared claim word, parses them and posts the trees, until it meets the main
 * thread's front end.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseMarkdown } from './parse.js';

const { bodies, state, port } = workerData as { bodies: string[]; state: Int32Array; port: MessagePort };

for (;;) {
  const v = Atomics.load(state, 0);
  const front = v & 0xffff;
  const back = v >>> 16;
  if (back <= front) break;
  const i = back - 1;
  if (Atomics.compareExchange(state, 0, v, front | (i << 16)) !== v) continue;
  let done = 1;
  try {
    port.postMessage({ i, tree: parseMarkdown(bodies[i]!) });
  } catch {
    // The main thread parses this body itself and reports the error where it happens.
    done = 2;
  }
  Atomics.store(state, 1 + i, done);
  Atomics.notify(state, 1 + i);
}
port.close();
