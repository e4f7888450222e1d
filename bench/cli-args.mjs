/**
 * What the checkout-comparing benches share (bench/build.mjs, bench/edit.mjs): options
 * taken out of the argument list, the checkouts left (default: this one), medians, and the
 * machine's load, printed with every figure (a shared 2-core machine moves with it).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--name value` taken out of `args` (mutated), or `dflt`. */
export function takeOption(args, name, dflt) {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

/** The checkouts named in what is left of `args`, absolute; this one when none is. */
export function checkoutsFrom(args) {
  return (args.length ? args : [fileURLToPath(new URL('..', import.meta.url))]).map((c) => path.resolve(c));
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** GNU time's last `%e %U %S %M` line in `file`: wall (s), CPU (user + system, s), peak RSS (MB). */
export function readTiming(file, readFileSync) {
  const [wall, user, sys, rssKb] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rssKb / 1024 };
}
