#!/usr/bin/env node
/**
 * The PDF part of `sopkit build` alone, as one process, for bench/pdf.mjs:
 *   node bench/sopkit-pdfs.mjs SOPDIR OUTDIR   → OUTDIR/pdf/*.pdf
 * (loadSop + buildPdfs from lib/, so run `npm run build` first.)
 */

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: node bench/sopkit-pdfs.mjs SOPDIR OUTDIR\n');
  process.exit(2);
}
const lib = (p) => new URL(`../lib/${p}`, import.meta.url).href;
// As the CLI does first (src/cli/launch.ts): V8's compile settings for a short process.
await import(lib('v8-flags.js'));
const { loadSop } = await import(lib('model/index.js'));
const { buildPdfs } = await import(lib('build/pdfs.js'));
const { model } = await loadSop(dir);
await buildPdfs(model, out);
