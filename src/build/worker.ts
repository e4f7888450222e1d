/**
 * A build worker thread (see ./parallel.ts): loads the SOP from its folder, as `build`
 * does, and runs one step (posters or site) into the shared staging folder, sending its
 * progress, diagnostics and written files back to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadSop } from '../model/index.js';
import type { SopModel } from '../model/types.js';
import type { Diagnostic } from '../diag/index.js';
import type { WorkerReply, WorkerTask } from './parallel.js';

const port = parentPort;
const models = new Map<string, Promise<SopModel>>();
const load = (root: string) => {
  let m = models.get(root);
  if (!m) models.set(root, (m = loadSop(root).then((r) => r.model)));
  return m;
};

port?.on('message', async (task: WorkerTask) => {
  const send = (msg: WorkerReply) => port.postMessage(msg);
  try {
    const model = await load(task.root);
    const progress = (message: string, info?: unknown) => send({ type: 'progress', message, info });
    const onDiagnostic = (d: Diagnostic) => send({ type: 'diagnostic', diagnostic: d });
    let written: string[];
    if (task.step === 'posters') {
      const { buildPosters } = await import('../posters/index.js');
      written = await buildPosters(model, task.staging, { onProgress: progress, onDiagnostic });
    } else {
      const versions = await Promise.all(task.versions.map(load));
      const { buildSite } = await import('./site.js');
      written = await buildSite(model, task.staging, { onProgress: progress, versions, previousDir: task.outDir, downloads: task.downloads });
    }
    send({ type: 'done', written });
  } catch (e) {
    send({ type: 'error', message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack });
  }
});
