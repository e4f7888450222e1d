/**
 * Build steps on worker threads: the posters and the site are made in workers while the
 * main thread makes the PDFs, so a build uses more than one core. A worker loads the
 * SOP from its folder itself (a model does not cross threads), so only callers that build
 * an SOP exactly as it is on disk use this (`sopkit build`); the outputs are the bytes of
 * a serial build (each step writes its own folders; tests/build/parallel.test.ts).
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diag/index.js';
import type { ProgressFn } from '../diag/progress.js';

export interface WorkerTask {
  step: 'posters' | 'site';
  /** The SOP folder, and the folders of the released versions the site lists. */
  root: string;
  versions: string[];
  /** Site only: the PDFs and posters it links (see SiteBuildOptions.downloads). */
  downloads?: string[];
  staging: string;
  outDir: string;
}

export type WorkerReply =
  | { type: 'progress'; message: string; info?: unknown }
  | { type: 'diagnostic'; diagnostic: Diagnostic }
  | { type: 'done'; written: string[] }
  | { type: 'error'; message: string; stack?: string };

/** A fixed set of worker threads taking steps in turn; `close()` ends them. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  private take(): Promise<Worker> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Runs one step on the next free worker; progress and diagnostics come back as they happen. */
  async run(task: WorkerTask, progress: ProgressFn, report: (d: Diagnostic) => void): Promise<string[]> {
    const w = await this.take();
    try {
      return await new Promise<string[]>((resolve, reject) => {
        const onMessage = (msg: WorkerReply) => {
          if (msg.type === 'progress') progress(msg.message, msg.info as Parameters<ProgressFn>[1]);
          else if (msg.type === 'diagnostic') report(msg.diagnostic);
          else {
            w.off('message', onMessage);
            w.off('error', onError);
            if (msg.type === 'done') resolve(msg.written);
            else reject(Object.assign(new Error(msg.message), { stack: msg.stack }));
          }
        };
        const onError = (e: Error) => {
          w.off('message', onMessage);
          reject(e);
        };
        w.on('message', onMessage);
        w.once('error', onError);
        w.postMessage(task);
      });
    } finally {
      this.give(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
