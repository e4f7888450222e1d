/**
 * Loads a vendor bundle (lib/vendor/<name>.cjs, written by `npm run build`) through V8's
 * code cache. Node 20 keeps no compiled code between runs of an ES module (its
 * `module.enableCompileCache` came in Node 22), so every sopkit command compiled the
 * ~1 MB of libraries it starts with (commander, yaml, gray-matter, micromark) again. A
 * CommonJS bundle run through `vm.Script` can be given the code V8 compiled last time
 * (`cachedData`): the functions that ran are then neither parsed nor compiled again.
 *
 * The cached code is kept in the sopkit cache folder (`code/<sha256>.bin`, keyed by the
 * bundle's bytes, Node's version and architecture). It is written once, when the process
 * exits (so it holds the functions this command ran), and only when it was missing or V8
 * rejected it (V8 checks the source and its own flags and version, and compiles afresh
 * when they differ: a stale or damaged file costs the compile it saves, never a wrong
 * result). `SOPKIT_CACHE=0` or no cache folder: compiled each time, as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { writeCacheFile } from './memo.js';
import { cacheDir } from './store.js';

/**
 * The first line `npm run build` gives a bundle (src/tooling/code-bundle.ts): the sha256
 * of the rest, so the key costs no hashing of the whole file. A bundle without it (a
 * test's) is hashed whole.
 */
export const CODE_KEY_PREFIX = '// sopkit-code-sha256: ';
const KEY_LINE = /^\/\/ sopkit-code-sha256: ([0-9a-f]{64})\n/;

/** Scripts whose compiled code may be kept when the process exits: `file()` says where, or undefined for nowhere. */
const toKeep: Array<{ script: vm.Script; file: () => string | undefined }> = [];
let hooked = false;

/** Writes the compiled code of the bundles loaded without (valid) cached code; how many were written. Run at exit. */
export function keepCompiledCode(): number {
  let written = 0;
  // A cache folder that cannot be written only costs the compile next time.
  for (const { script, file } of toKeep.splice(0)) {
    const to = file();
    if (to && writeCacheFile(to, script.createCachedData())) written += 1;
  }
  return written;
}

export interface LoadBundleOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Keeps a separate cached code per use of one bundle (the CLI's: one per command), since
   * the data holds only the functions compiled when it was made.
   */
  variant?: string;
  /**
   * The variants to read, in order: the first kept one that V8 accepts is used (default
   * `[variant]`). With `keepAs`, which decides what is written.
   */
  variants?: string[];
  /**
   * Asked at exit, with the variant that was read (undefined: none, or V8 rejected it):
   * the variant to keep this run's compiled code as, or undefined to keep nothing. By
   * default the code is kept as `variant` when none was read.
   */
  keepAs?: (exports: Record<string, unknown>, read: string | undefined) => string | undefined;
  /** `false` runs a file not written for strict mode (elkjs's bundle) as `require` would. */
  strict?: boolean;
}

/**
 * Which copies of the CLI bundle's compiled code a command reads and keeps (see
 * src/cli/launch.ts, `runBundle`): `<command>-full` first, then `<command>`; a run that
 * stayed on the start-up path (`startUpOnly`) keeps `<command>` when it read nothing, one
 * that did more keeps `<command>-full` unless it read it. `check` keeps the start-up copy only.
 */
export function commandCodeCache(command: string, startUpOnly: (exports: Record<string, unknown>) => boolean): Pick<LoadBundleOptions, 'variants' | 'keepAs'> {
  const full = command === 'check' ? undefined : `${command}-full`;
  return {
    variants: full ? [full, command] : [command],
    keepAs: (exports, read) => {
      if (startUpOnly(exports)) return read === undefined ? command : undefined;
      return full && read !== full ? full : undefined;
    },
  };
}

/** Runs the CommonJS bundle at `url` and returns its `module.exports`. */
export function loadBundle(url: URL, o: LoadBundleOptions = {}): Record<string, unknown> {
  const { env = process.env, variant = '' } = o;
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const dir = env.SOPKIT_CACHE === '0' ? undefined : cacheDir(env);
  const sourceKey = KEY_LINE.exec(source)?.[1] ?? source;
  const cacheFile = (v: string) => dir && path.join(dir, 'code', `${createHash('sha256').update(`${process.version}\0${process.arch}\0${v}\0`).update(sourceKey).digest('hex')}.bin`);
  let cachedData: Buffer | undefined;
  let read: string | undefined;
  for (const v of o.variants ?? [variant]) {
    const f = cacheFile(v);
    if (!f) break;
    try {
      cachedData = readFileSync(f);
      read = v;
      break;
    } catch {
      // none yet
    }
  }
  // The bundle's code inside the function Node wraps every CommonJS file in, plus its
  // import.meta.url (the bundles locate files beside themselves with it); strict, as the
  // ES module bundles it replaces were (`strict: false` for a file `require` would run as written).
  const wrapped = `(function (exports, require, module, __filename, __dirname, __importMetaUrl) {${o.strict === false ? '' : "'use strict';"}${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (script.cachedDataRejected) read = undefined;
  const keepAs = o.keepAs ?? ((_: unknown, r: string | undefined) => (r === undefined ? variant : undefined));
  if (dir) {
    toKeep.push({ script, file: () => { const v = keepAs(module.exports, read); return v === undefined ? undefined : cacheFile(v); } });
    if (!hooked) {
      hooked = true;
      process.once('exit', () => keepCompiledCode());
    }
  }
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file), pathToFileURL(file).href);
  return module.exports;
}
