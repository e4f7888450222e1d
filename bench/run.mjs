#!/usr/bin/env node
/**
 * Runs every benchmark, one after the other (they time whole processes, so never in
 * parallel): `npm run bench [-- --runs N]`.
 *   1. `npm run build` (tsc → lib/; not timed): the benches run the compiled CLI.
 *   2. bench/pdf.mjs  — sopkit vs WeasyPrint / Chromium / Pandoc / Typst on the bench corpus.
 *   3. bench/check.mjs — when present (written separately).
 * Arguments go to bench/pdf.mjs; `--runs N` also goes to the other benches (as an
 * argument and as SOPKIT_BENCH_RUNS). Exit 1 when any bench fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
if (runsAt >= 0 && args[runsAt + 1]) process.env.SOPKIT_BENCH_RUNS = args[runsAt + 1];

function step(title, cmd, argv) {
  process.stdout.write(`\n### ${title}\n`);
  const r = spawnSync(cmd, argv, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.stdout.write(`### ${title}: FAILED (exit ${r.status ?? r.signal})\n`);
  return r.status === 0;
}

let ok = step('build (npm run build)', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build']);
if (!ok) {
  process.stderr.write('bench/run: the TypeScript build failed; the benches need lib/. Fix the build first.\n');
  process.exit(1);
}
const benches = [
  ['PDF: sopkit vs browser and Pandoc pipelines', 'pdf.mjs'],
  ['check', 'check.mjs'],
  ['releases: five successive releases vs one build', 'release.mjs'],
];
for (const [title, file] of benches) {
  const p = path.join(REPO, 'bench', file);
  if (!existsSync(p)) {
    process.stdout.write(`\n### ${title}: skipped (bench/${file} does not exist yet)\n`);
    continue;
  }
  ok = step(`${title} (bench/${file})`, process.execPath, file === 'pdf.mjs' ? [p, ...args] : runsAt >= 0 ? [p, '--runs', args[runsAt + 1]] : [p]) && ok;
}
process.exitCode = ok ? 0 : 1;
