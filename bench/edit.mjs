#!/usr/bin/env node
/**
 * Times what a focal point waits for after saving one section: `build` and `check` of the
 * example after one sentence is added to one section, as whole processes under GNU time
 * (wall, CPU, peak RSS), with the cache warm from the build before (issue 15, item 1:
 * reuse what the edit cannot change).
 *
 *   node bench/edit.mjs [--runs N] [--lang en] [CHECKOUT ...]
 *
 * Each CHECKOUT (default: this one; each with its lib/ built) gets its own copy of
 * `sop-sources/` and its own cache folder, warmed by one untimed build. Each run then
 * appends a new sentence to `sections/<lang>/03-purpose-scope.md` of every copy and times,
 * checkout after checkout (interleaved, so a burst of load elsewhere hits all alike):
 *   build:  `build COPY -o OUT --quiet` right after the edit;
 *   check:  `check COPY` after a second edit (the build's layout facts are then stale for
 *           that language only).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const runs = Number(opt('--runs', process.env.SOPKIT_BENCH_RUNS ?? 5));
const lang = opt('--lang', 'en');
const checkouts = (args.length ? args : [fileURLToPath(new URL('..', import.meta.url))]).map((c) => path.resolve(c));
const tmp = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-edit-'));

const trees = checkouts.map((co, k) => {
  const sop = path.join(tmp, `sop-${k}`);
  cpSync(path.join(co, 'sop-sources'), sop, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
  return { co, sop, out: path.join(tmp, `out-${k}`), env: { ...process.env, SOPKIT_CACHE_DIR: path.join(tmp, `cache-${k}`), SOPKIT_PROGRESS: '' } };
});

function timed(t, argv, okCodes = [0]) {
  const timing = path.join(tmp, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timing, process.execPath, 'bin/sopkit.js', ...argv], { cwd: t.co, encoding: 'utf8', env: t.env });
  if (!okCodes.includes(r.status)) throw new Error(`${t.co}: ${argv[0]} failed (exit ${r.status}):\n${r.stderr}`);
  const [wall, user, sys, rssKb] = readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rssKb / 1024 };
}

let edits = 0;
const edit = (t) => appendFileSync(path.join(t.sop, 'sections', lang, '03-purpose-scope.md'), `\nA sentence added by the edit bench, number ${++edits}.\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

try {
  const loadBefore = load();
  for (const t of trees) timed(t, ['build', t.sop, '-o', t.out, '--quiet']); // warm: fills the cache
  const results = trees.map(() => ({ build: [], check: [] }));
  for (let i = 0; i < runs; i++) {
    trees.forEach((t, k) => {
      edit(t);
      results[k].build.push(timed(t, ['build', t.sop, '-o', t.out, '--quiet']));
      edit(t);
      results[k].check.push(timed(t, ['check', t.sop, '--today', '2026-11-25', '--format', 'json'], [0, 1]));
    });
  }
  const lines = [`one section edited (sections/${lang}/03-purpose-scope.md), then build / check of the example, cache warm; ${runs} interleaved runs each; load average before ${loadBefore}, after ${load()}`];
  trees.forEach((t, k) => {
    lines.push(`  ${t.co}`);
    for (const step of ['build', 'check']) {
      const r = results[k][step];
      const f = (key, unit, d) => `${median(r.map((x) => x[key])).toFixed(d)} ${unit} (${r.map((x) => x[key].toFixed(d)).join(' / ')})`;
      lines.push(`    ${step}: wall ${f('wall', 's', 2)}; CPU ${f('cpu', 's', 2)}; peak RSS ${f('rss', 'MB', 0)}`);
    }
  });
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
