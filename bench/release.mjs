#!/usr/bin/env node
/**
 * What does adding a release cost? `node bench/release.mjs [--runs N]` (after `npm run build`).
 *
 * Copies sop-sources/ (without dist/ and releases/) into a temp folder, then runs
 * `sopkit release 1.0`, edits one section, `release 1.1`, … up to 1.4: five releases with
 * increasing dates, each a small edit (one paragraph appended to the English definitions,
 * a translation, so no other language goes stale and the strict check stays clean).
 * Each release is a whole process, timed for wall clock and CPU (user+sys of the child,
 * from /usr/bin/time when present). For comparison it times one plain `sopkit build` of a
 * fresh copy with no release (one version: what "building one" costs), and one
 * `sopkit build` of the folder with five releases (the rebuild after the last release).
 * The machine is shared, so the CPU column is the figure to compare; wall is printed too.
 * With --runs N the whole series is repeated N times and the median of each row is shown.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO, 'bin', 'sopkit.js');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = Math.max(1, Number(runsAt >= 0 ? args[runsAt + 1] : process.env.SOPKIT_BENCH_RUNS ?? 1) || 1);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const RELEASES = [
  ['1.0', '2026-01-10'],
  ['1.1', '2026-02-10'],
  ['1.2', '2026-03-10'],
  ['1.3', '2026-04-10'],
  ['1.4', '2026-05-10'],
];
const EDITED = path.join('sections', 'en', '05-definitions.md');

if (!existsSync(path.join(REPO, 'lib', 'cli', 'main.js'))) {
  process.stderr.write('bench/release: lib/ is missing; run `npm run build` first.\n');
  process.exit(1);
}

function freshCopy(tmp, name) {
  const dir = path.join(tmp, name);
  cpSync(path.join(REPO, 'sop-sources'), dir, {
    recursive: true,
    filter: (src) => !/[\\/](dist|releases)$/.test(src),
  });
  return dir;
}

/** Runs `sopkit ARGS` in `cwd`; returns { wall, cpu } in seconds; exits on failure. */
function timed(cwd, argv, tmp) {
  const out = path.join(tmp, 'time.txt');
  const cmd = TIME ?? process.execPath;
  const full = TIME ? ['-o', out, '-f', '%U %S', process.execPath, CLI, ...argv] : [CLI, ...argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(`bench/release: \`sopkit ${argv.join(' ')}\` failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}\n`);
    process.exit(1);
  }
  let cpu = NaN;
  if (TIME) {
    const [u, s] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    cpu = u + s;
  }
  return { wall, cpu };
}

function series() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sopkit-bench-release-'));
  try {
    const rows = [];
    const plain = freshCopy(tmp, 'plain');
    rows.push(['build (fresh copy, no release)', timed(plain, ['build'], tmp)]);
    const dir = freshCopy(tmp, 'sop');
    RELEASES.forEach(([version, date], i) => {
      if (i > 0) appendFileSync(path.join(dir, EDITED), `\nBench edit ${i}: this paragraph was added before release ${version}.\n`);
      rows.push([`release ${version} (${i + 1} version${i ? 's' : ''})`, timed(dir, ['release', version, '--date', date], tmp)]);
    });
    rows.push(['build after 5 releases', timed(dir, ['build'], tmp)]);
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const all = [];
for (let i = 0; i < RUNS; i++) all.push(series());
const rows = all[0].map(([label], k) => [label, median(all.map((r) => r[k][1].wall)), median(all.map((r) => r[k][1].cpu))]);

const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
process.stdout.write(`sopkit release bench: sop-sources, ${RUNS} run${RUNS > 1 ? 's' : ''} (median), node ${process.version}, ${os.cpus().length} cores\n\n`);
process.stdout.write('| step | wall s | CPU s |\n|---|---:|---:|\n');
for (const [label, wall, cpu] of rows) process.stdout.write(`| ${label} | ${f(wall)} | ${f(cpu)} |\n`);
const plain = rows[0];
const fifth = rows[RELEASES.length];
process.stdout.write(`\n5th release / plain build: ${f(fifth[1] / plain[1])}× wall, ${f(fifth[2] / plain[2])}× CPU\n`);
