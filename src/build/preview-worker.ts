/**
 * The worker thread of `serve`'s PDF preview (see ./preview.ts): lays out the PDFs on its
 * own core, keeping its warmed-up code, the parsed Markdown of unchanged sections, the SOP
 * as last loaded and the laid-out components from one save to the next.
 */
import { parentPort } from 'node:worker_threads';
import { keepParsedTrees } from '../document/index.js';
import { updatePreviews, type PreviewSession } from './preview.js';

keepParsedTrees();
/** The SOP as last loaded and the laid-out components, from one save to the next. */
const session: PreviewSession = {};
const port = parentPort;
port?.on('message', async (task: { root: string; languages: string[]; known: Map<string, string>; store?: string }) => {
  try {
    const later: (() => Promise<void>)[] = [];
    const results = await updatePreviews(task.root, task.languages, task.known, task.store, later, session);
    // Copied, not transferred: bytes read from the store are views on a larger buffer.
    port.postMessage({ ok: true, results });
    // Into the build cache's store once the previews are on their way (best effort, as every store write).
    for (const keep of later) await keep().catch(() => undefined);
  } catch (e) {
    port.postMessage({ ok: false, message: (e as Error)?.message ?? String(e) });
  }
});
