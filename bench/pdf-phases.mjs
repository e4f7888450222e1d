#!/usr/bin/env node
/**
 * Where the time of one SOP PDF goes, phase by phase, inside one process:
 *
 *   node bench/pdf-phases.mjs SOPDIR [--lang ar] [--runs 5]
 *
 * Run `npm run build` first (it times lib/, the compiled and bundled code). The first run
 * is the cold one a user gets (module loading, JIT warm-up, wasm compile); later runs are
 * warm and show the steady cost of each phase. Phases: import (loading the modules),
 * load (loadSop: reading, YAML, schemas), layout (Markdown → frames), pages (frames →
 * content streams), finish (fonts subset and embedded, links, outline), save (pdf-lib
 * writes the file). SOPDIR: any SOP folder, e.g. `sop-sources/`, or the bench corpus
 * folder that `node bench/pdf.mjs --docs ar --engines sopkit --runs 1 --keep DIR` leaves
 * in DIR/sop-ar.
 */
import { createHash } from 'node:crypto';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!dir) {
  process.stderr.write('usage: node bench/pdf-phases.mjs SOPDIR [--lang ar] [--runs 5]\n');
  process.exit(2);
}
const runs = Number(opt('--runs', 5));
const lib = (p) => new URL(`../lib/${p}`, import.meta.url).href;

const t0 = performance.now();
// As the CLI does first (src/cli/launch.ts): V8's compile settings for a short process.
await import(lib('v8-flags.js'));
const { loadSop } = await import(lib('model/index.js'));
const { layoutSop } = await import(lib('layout/index.js'));
const { PdfWriter, RenderCache, saveDocument, setMetadata } = await import(lib('pdf/index.js'));
const { PDFDocument } = await import(lib('vendor/pdf-lib.js'));
const importMs = performance.now() - t0;

const rows = [];
for (let r = 0; r < runs; r++) {
  const t = [performance.now()];
  const { model } = await loadSop(dir);
  t.push(performance.now());
  const lang = opt('--lang', model.manifest.languages[0]);
  const sop = await layoutSop(model, lang);
  t.push(performance.now());
  const doc = await PDFDocument.create({ updateMetadata: false });
  const w = new PdfWriter(doc, new RenderCache());
  for (const p of sop.frames.pages) w.addPage(p);
  t.push(performance.now());
  await w.finish(sop.frames.outline);
  t.push(performance.now());
  setMetadata(doc, sop.frames.meta);
  const bytes = await saveDocument(doc);
  t.push(performance.now());
  const d = t.slice(1).map((x, i) => x - t[i]);
  rows.push({ run: r + 1, load: d[0], layout: d[1], pages: d[2], finish: d[3], save: d[4], total: t[5] - t[0], pageCount: sop.frames.pages.length, sha: createHash('sha256').update(bytes).digest('hex').slice(0, 12) });
}
const f = (x) => x.toFixed(0).padStart(6);
process.stdout.write(`import ${importMs.toFixed(0)} ms (once)\n run    load  layout   pages  finish    save   total  pages  sha256\n`);
for (const r of rows) process.stdout.write(`${String(r.run).padStart(4)}${f(r.load)}${f(r.layout)}${f(r.pages)}${f(r.finish)}${f(r.save)}${f(r.total)}  ${String(r.pageCount).padStart(5)}  ${r.sha}\n`);
