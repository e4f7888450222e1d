#!/usr/bin/env node
/**
 * Times a cold full build of the example (`build sop-sources --no-cache`: PDFs, posters,
 * site) as whole processes under GNU time: wall, CPU (user + system) and peak RSS.
 * Several checkouts can be timed against each other, interleaved run by run so a burst
 * of load elsewhere on the machine hits all of them alike (A/B before and after a change):
 *
 *   node bench/build.mjs [--runs N] [--jobs N] [--env K=V] [CHECKOUT ...]
 *
 * CHECKOUT defaults to this one; each must have its lib/ built (`npm run build`). One
 * untimed warm-up run per checkout. `--env K=V` (repeatable) is set for every run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkoutsFrom, load, median, readTiming, takeOption } from './cli-args.mjs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => takeOption(args, name, dflt);
const runs = Number(opt('--runs', process.env.SOPKIT_BENCH_RUNS ?? 5));
const jobs = opt('--jobs', undefined);
const env = { ...process.env };
for (let i = args.indexOf('--env'); i >= 0; i = args.indexOf('--env')) {
  const [k, ...v] = args[i + 1].split('=');
  env[k] = v.join('=');
  args.splice(i, 2);
}
const checkouts = checkoutsFrom(args);
const time = '/usr/bin/time';

const tmp = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-build-'));
function once(co) {
  const out = path.join(tmp, 'out');
  const timing = path.join(tmp, 'time.txt');
  const argv = ['-f', '%e %U %S %M', '-o', timing, process.execPath, 'bin/sopkit.js', 'build', 'sop-sources', '-o', out, '--no-cache', '--quiet', ...(jobs ? ['--jobs', jobs] : [])];
  const r = spawnSync(time, argv, { cwd: co, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${co}: build failed (exit ${r.status}):\n${r.stderr}`);
  rmSync(out, { recursive: true, force: true });
  return readTiming(timing, readFileSync);
}


try {
  const loadBefore = load();
  for (const co of checkouts) once(co); // warm-up: file cache, nothing timed
  const results = checkouts.map(() => []);
  for (let i = 0; i < runs; i++) checkouts.forEach((co, k) => results[k].push(once(co)));
  const lines = [`cold full build of the example (build sop-sources --no-cache${jobs ? ` --jobs ${jobs}` : ''}), ${runs} interleaved runs each; load average before ${loadBefore}, after ${load()}`];
  checkouts.forEach((co, k) => {
    const r = results[k];
    const f = (key, unit, d) => `${median(r.map((x) => x[key])).toFixed(d)} ${unit} (${r.map((x) => x[key].toFixed(d)).join(' / ')})`;
    lines.push(`  ${co}\n    wall ${f('wall', 's', 2)}\n    CPU  ${f('cpu', 's', 2)}\n    peak RSS ${f('rss', 'MB', 0)}`);
  });
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
