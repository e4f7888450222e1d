/**
 * The CLI's entry (bin/sopkit.js imports it). `npm run build` bundles the whole program
 * (./start.ts and every module it imports, lazily loaded commands included) into one
 * CommonJS file, lib/cli/bundle.cjs (src/tooling/bundle-cli.ts), run here through V8's code
 * cache (../cache/code-cache.ts): Node 20 compiles each of the ~120 ES modules a command
 * loads on every run and keeps nothing, while the bundle's compiled code is read back from
 * the cache folder. Its cached code is kept per command (`check`, `build`…): each runs
 * different functions, and V8 only keeps those that were compiled when the data was made.
 *
 * The ES modules of lib/ run instead when there is no bundle (esbuild missing at build
 * time), with SOPKIT_BUNDLE=0, and with SOPKIT_DEBUG set, so that a stack trace names the
 * lib/ module and line a developer can open (there are no source maps).
 */
// First: V8's flags, set before anything is compiled (the code cache checks them).
import '../v8-flags.js';
import { existsSync } from 'node:fs';
import { loadBundle } from '../cache/code-cache.js';

const bundle = new URL('./bundle.cjs', import.meta.url);

/** The command a code cache is kept for: the first word of argv that is not an option. */
function commandName(argv: readonly string[]): string {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  return first && /^[a-z][a-z0-9-]*$/.test(first) ? first : '-';
}

if (process.env.SOPKIT_BUNDLE !== '0' && !process.env.SOPKIT_DEBUG && existsSync(bundle)) {
  // The bundle's import() of an ES module (pdf.js, harfbuzzjs, vendor bundles), from this
  // folder, which is the bundle's (src/tooling/bundle-cli.ts).
  (globalThis as Record<symbol, unknown>)[Symbol.for('sopkit.bundle.import')] = (spec: string) => import(spec);
  // Kept only from a run that stayed on the start-up path (no layout, writer or site code).
  const startUpOnly = (b: Record<string, unknown>) => (b as { startUpOnly: () => boolean }).startUpOnly();
  const { main } = loadBundle(bundle, { variant: commandName(process.argv), keep: startUpOnly }) as { main: () => Promise<void> };
  await main();
} else {
  const { main } = await import('./start.js');
  await main();
}
