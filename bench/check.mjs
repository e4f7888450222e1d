#!/usr/bin/env node
// Times `sopkit check` on the example SOP: whole-process runs (what a user or CI waits
// for) and the in-process check work (load + every rule), which is the 300 ms target.
// Usage: npm run build && node bench/check.mjs [DIR] [--runs N]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
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

function timeProcess(argv) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = spawnSync(process.execPath, [path.join(root, 'bin/sopkit.js'), ...argv], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t0);
  }
  return { times, last };
}

const version = timeProcess(['--version']);
const whole = timeProcess(['check', dir, '--today', today, '--format', 'json']);
// --no-layout skips page-budget and poster-fit, the two rules that lay the document out.
const quick = timeProcess(['check', dir, '--today', today, '--format', 'json', '--no-layout']);
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

const out = [
  `sopkit check ${dir} — ${runs} runs each, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2-core machine shared with other work: compare on a quiet machine)`,
  `  result: ${summary.errors} errors, ${summary.warnings} warnings (exit ${whole.last.status})`,
  `  whole process  \`node bin/sopkit.js check ${dir}\`: median ${ms(median(whole.times))}  (min ${ms(Math.min(...whole.times))}, max ${ms(Math.max(...whole.times))})`,
  `  whole process  \`… check ${dir} --no-layout\`:     median ${ms(median(quick.times))}  (min ${ms(Math.min(...quick.times))}, max ${ms(Math.max(...quick.times))})`,
  `  CLI start-up   \`node bin/sopkit.js --version\`:      median ${ms(median(version.times))}  (min ${ms(Math.min(...version.times))})`,
  `  in-process     import lib/check: ${ms(importMs)}; first check (schemas compiled): ${ms(cold)}; then median ${ms(median(warm))} (min ${ms(Math.min(...warm))})`,
  `    of which   loading the SOP (model/, schemas): first ${ms(loads[0])}, then median ${ms(median(loads.slice(1)))}; the check rules: first ${ms(rules[0])}, then median ${ms(median(rules.slice(1)))}`,
  `  (the in-process figures exclude page-budget and poster-fit, which lay out the whole document and every poster)`,
  `  target: check work under 300 ms — ${median(warm) < 300 ? 'met' : 'NOT met'} (warm median), ${cold < 300 ? 'met' : 'not met'} (first run)`,
];
process.stdout.write(`${out.join('\n')}\n`);
