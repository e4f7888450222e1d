import fs from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
const dir = '/tmp/bk/sop-ar/sections/ar';
if (isMainThread) {
  const t0 = performance.now();
  const names = fs.readdirSync(dir).filter(f => f.endsWith('.md')).sort();
  if (process.argv[2] === 'worker') {
    const w = new Worker(new URL(import.meta.url), { workerData: names });
    let n = 0;
    w.on('message', (m) => { n++; if (n === 1) console.log('first tree at', (performance.now() - t0).toFixed(0)); if (n === names.length) { console.log('all trees at', (performance.now() - t0).toFixed(0)); w.terminate(); } });
    // main busy-waits 150 ms as if loading fonts
    const b = performance.now(); while (performance.now() - b < 150);
    console.log('main free at', (performance.now() - t0).toFixed(0));
  } else {
    const { parseMarkdown } = await import('/work/main/lib/markdown/parse.js');
    for (const f of names) parseMarkdown(fs.readFileSync(path.join(dir, f), 'utf8'));
    console.log('main parsed all at', (performance.now() - t0).toFixed(0));
  }
} else {
  const { parseMarkdown } = await import('/work/main/lib/markdown/parse.js');
  for (const f of workerData) parentPort.postMessage(parseMarkdown(fs.readFileSync(path.join(dir, f), 'utf8')));
}
