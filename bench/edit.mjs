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
import { tmpdir } from 'node:os';
import { checkoutsFrom, load, median, readTiming, takeOption } from './cli-args.mjs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => takeOption(args, name, dflt);
const runs = Number(opt('--runs', process.env.SOPKIT_BENCH_RUNS ?? 5));
const lang = opt('--lang', 'en');
const checkouts = checkoutsFrom(args);
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
  return readTiming(timing, readFileSync);
}

let edits = 0;
const edit = (t) => appendFileSync(path.join(t.sop, 'sections', lang, '03-purpose-scope.md'), `\nA sentence added by the edit bench, number ${++edits}.\n`);


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
