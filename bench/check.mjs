#!/usr/bin/env node
// Times `sopkit check` on the example SOP: whole-process runs (what a user or CI waits
// for) against issue 15's targets — `check --no-layout` ≤ 0.3 s, `check` after a build
// ≤ 0.8 s, a second `build` with nothing changed ≤ 0.6 s — each with the bench's own
// cache folder, warmed first; and the in-process check work (load + every rule).
// Usage: npm run build && node bench/check.mjs [DIR] [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'sop-sources';
const today = '2026-11-25';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

// The bench's own cache folder (docs/cache.md): parsed trees, YAML, the annex PDF's
// verdict, the build's outputs and layout facts, the vendor bundles' compiled code.
const cacheRoot = mkdtempSync(path.join(tmpdir(), 'sopkit-bench-check-'));
const env = { ...process.env, SOPKIT_CACHE_DIR: path.join(cacheRoot, 'cache') };
const out = path.join(cacheRoot, 'out');
process.on('exit', () => rmSync(cacheRoot, { recursive: true, force: true }));
const sopkit = (argv) => spawnSync(process.execPath, [path.join(root, 'bin/sopkit.js'), ...argv], { cwd: root, encoding: 'utf8', env });

function timeProcess(argv) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = sopkit(argv);
    times.push(performance.now() - t0);
  }
  return { times, last };
}

const checkArgs = ['check', dir, '--today', today, '--format', 'json'];
const buildArgs = ['build', dir, '-o', out, '--quiet'];
// Warm-up, untimed: fills the cache as a user's first build and check would.
sopkit(buildArgs);
sopkit(checkArgs);
sopkit([...checkArgs, '--no-layout']);
// Round-robin, so a burst of load elsewhere hits every command alike.
// Node's own start, in the same rounds: a floor no sopkit change moves. Where the machine
// sets NODE_EXTRA_CA_CERTS (this one does), Node parses that certificate file before any
// script runs (~0.1 s here), so `check --no-layout` is also timed without it.
const extraCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
const { NODE_EXTRA_CA_CERTS: _certs, ...envNoCerts } = env;
const bareNode = (e) => spawnSync(process.execPath, ['-e', '0'], { env: e });
const series = { version: [], whole: [], quick: [], rebuild: [], node: [], nodeNoCerts: [], quickNoCerts: [] };
const last = {};
for (let i = 0; i < runs; i++) {
  const rounds = [
    ['node', () => bareNode(env)],
    ['version', () => sopkit(['--version'])],
    ['quick', () => sopkit([...checkArgs, '--no-layout'])],
    ['whole', () => sopkit(checkArgs)],
    ['rebuild', () => sopkit(buildArgs)],
    ...(extraCerts
      ? [['nodeNoCerts', () => bareNode(envNoCerts)], ['quickNoCerts', () => spawnSync(process.execPath, [path.join(root, 'bin/sopkit.js'), ...checkArgs, '--no-layout'], { cwd: root, encoding: 'utf8', env: envNoCerts })]]
      : []),
  ];
  for (const [k, run] of rounds) {
    const t0 = performance.now();
    last[k] = run();
    series[k].push(performance.now() - t0);
  }
}
const version = { times: series.version };
const whole = { times: series.whole, last: last.whole };
// --no-layout skips page-budget and poster-fit, the two rules that lay the document out.
const quick = { times: series.quick };
const rebuild = { times: series.rebuild, last: last.rebuild };
if (rebuild.last.status !== 0) {
  process.stderr.write(`build failed (exit ${rebuild.last.status}):\n${rebuild.last.stderr}\n`);
  process.exit(1);
}
if (whole.last.status !== 0 && whole.last.status !== 1) {
  process.stderr.write(`check failed (exit ${whole.last.status}):\n${whole.last.stderr}\n`);
  process.exit(1);
}
const summary = JSON.parse(whole.last.stdout).summary;

// In-process: the check work alone (every rule but the two layout ones), after sopkit's modules are imported.
const t0 = performance.now();
const { runRules } = await import(pathToFileURL(path.join(root, 'lib/check/index.js')).href);
const { loadSop } = await import(pathToFileURL(path.join(root, 'lib/model/index.js')).href);
const importMs = performance.now() - t0;
const work = [];
const loads = [];
const rules = [];
for (let i = 0; i < runs + 1; i++) {
  const t = performance.now();
  const { model, diagnostics } = await loadSop(path.join(root, dir));
  const t1 = performance.now();
  await runRules(model, diagnostics, { today });
  const t2 = performance.now();
  work.push(t2 - t);
  loads.push(t1 - t);
  rules.push(t2 - t1);
}
const [cold, ...warm] = work;

const lines = [
  `sopkit check ${dir} — ${runs} runs each, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2-core machine shared with other work: compare on a quiet machine)`,
  `  result: ${summary.errors} errors, ${summary.warnings} warnings (exit ${whole.last.status})`,
  `  whole process  \`… check ${dir} --no-layout\`:     median ${ms(median(quick.times))}  (min ${ms(Math.min(...quick.times))}, max ${ms(Math.max(...quick.times))})  target ≤ 300 ms: ${median(quick.times) <= 300 ? 'met' : 'NOT met'}`,
  `  whole process  \`… check ${dir}\` after a build:  median ${ms(median(whole.times))}  (min ${ms(Math.min(...whole.times))}, max ${ms(Math.max(...whole.times))})  target ≤ 800 ms: ${median(whole.times) <= 800 ? 'met' : 'NOT met'}`,
  `  whole process  \`… build ${dir}\`, nothing changed: median ${ms(median(rebuild.times))}  (min ${ms(Math.min(...rebuild.times))}, max ${ms(Math.max(...rebuild.times))})  target ≤ 600 ms: ${median(rebuild.times) <= 600 ? 'met' : 'NOT met'}`,
  `  CLI start-up   \`node bin/sopkit.js --version\`:      median ${ms(median(version.times))}  (min ${ms(Math.min(...version.times))})`,
  `  Node's start   \`node -e 0\`:                        median ${ms(median(series.node))}  (min ${ms(Math.min(...series.node))})${extraCerts ? '  with NODE_EXTRA_CA_CERTS set, as here' : ''}`,
  ...(extraCerts
    ? [
        `  without NODE_EXTRA_CA_CERTS: \`node -e 0\` median ${ms(median(series.nodeNoCerts))}; \`… check ${dir} --no-layout\` median ${ms(median(series.quickNoCerts))} (min ${ms(Math.min(...series.quickNoCerts))}): ${median(series.quickNoCerts) <= 300 ? 'under' : 'over'} 300 ms`,
      ]
    : []),
  `  in-process     import lib/check: ${ms(importMs)}; first check (schemas compiled): ${ms(cold)}; then median ${ms(median(warm))} (min ${ms(Math.min(...warm))})`,
  `    of which   loading the SOP (model/, schemas): first ${ms(loads[0])}, then median ${ms(median(loads.slice(1)))}; the check rules: first ${ms(rules[0])}, then median ${ms(median(rules.slice(1)))}`,
  `  (the in-process figures exclude page-budget and poster-fit, which lay out the whole document and every poster)`,
  `  target: check work under 300 ms — ${median(warm) < 300 ? 'met' : 'NOT met'} (warm median), ${cold < 300 ? 'met' : 'not met'} (first run)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
