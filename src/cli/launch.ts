/**
 * Runs the CLI from its one-file bundle (lib/cli/bundle.cjs, src/tooling/bundle-cli.ts)
 * through V8's code cache (../cache/code-cache.ts). Two callers: bin/sopkit.js, through
 * the CommonJS copy of this module that `npm run build` writes (lib/cli/launch.cjs), so a
 * command's start runs no ES module at all (Node's ES module loader, and the built-ins
 * that `import` from node:fs, node:crypto and node:v8 evaluate in full, cost ~25 ms of
 * every start); and ./main.ts, the ES module entry, when it is run directly.
 *
 * The ES modules of lib/ run instead (./start.ts) when there is no bundle (esbuild missing
 * at build time), with SOPKIT_BUNDLE=0, and with SOPKIT_DEBUG set, so that a stack trace
 * names the lib/ module and line a developer can open (there are no source maps).
 */
// First: V8's flags, set before anything is compiled (the code cache checks them).
import '../v8-flags.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandCodeCache, loadBundle } from '../cache/code-cache.js';

const bundle = new URL('./bundle.cjs', import.meta.url);

/** Whether this process runs the CLI bundle (see above). */
export function bundleWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SOPKIT_BUNDLE !== '0' && !env.SOPKIT_DEBUG && existsSync(fileURLToPath(bundle));
}

/** The command a code cache is kept for: the first word of argv that is not an option. */
function commandName(argv: readonly string[]): string {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  return first && /^[a-z][a-z0-9-]*$/.test(first) ? first : '-';
}

/**
 * Runs the program from the bundle. Its compiled code is kept per command (`check`,
 * `build`…): each runs different functions, and V8 only keeps those that were compiled
 * when the data was made. Two copies per command: the start-up code (from a run that laid
 * nothing out, wrote no PDF or site) and, except for `check`, everything a run that did
 * compiled (`<command>-full`), which is read first when it exists: without it, every
 * `build` that lays out compiled the layout, PDF and site code of the 1.5 MB bundle again
 * (the 40-page bench document: 1.81 → 1.63 s, 10 runs each). A run that stays on the
 * start-up path reads the larger copy too: deserialising it costs a few milliseconds.
 * `check` keeps only the start-up code, so `check --no-layout` reads the smallest copy.
 */
export async function runBundle(): Promise<void> {
  // The bundle's import() of an ES module (pdf.js, harfbuzzjs, vendor bundles), from this
  // folder, which is the bundle's (src/tooling/bundle-cli.ts).
  (globalThis as Record<symbol, unknown>)[Symbol.for('sopkit.bundle.import')] = (spec: string) => import(spec);
  const startUpOnly = (b: Record<string, unknown>) => (b as { startUpOnly: () => boolean }).startUpOnly();
  const { main } = loadBundle(bundle, commandCodeCache(commandName(process.argv), startUpOnly)) as { main: () => Promise<void> };
  await main();
}
