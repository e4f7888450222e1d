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

/** Scripts whose compiled code is to be kept when the process exits. */
const toKeep: Array<{ script: vm.Script; file: string; keep?: () => boolean }> = [];
let hooked = false;

/** Writes the compiled code of the bundles loaded without (valid) cached code; how many were written. Run at exit. */
export function keepCompiledCode(): number {
  let written = 0;
  // A cache folder that cannot be written only costs the compile next time.
  for (const { script, file, keep } of toKeep.splice(0)) if ((!keep || keep()) && writeCacheFile(file, script.createCachedData())) written += 1;
  return written;
}

export interface LoadBundleOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Keeps a separate cached code per use of one bundle (the CLI's: one per command), since
   * the data holds only the functions compiled when it was made.
   */
  variant?: string;
  /** Asked at exit: whether this run's compiled code is the one to keep. */
  keep?: (exports: Record<string, unknown>) => boolean;
  /** `false` runs a file not written for strict mode (elkjs's bundle) as `require` would. */
  strict?: boolean;
}

/** Runs the CommonJS bundle at `url` and returns its `module.exports`. */
export function loadBundle(url: URL, o: LoadBundleOptions = {}): Record<string, unknown> {
  const { env = process.env, variant = '', keep } = o;
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const dir = env.SOPKIT_CACHE === '0' ? undefined : cacheDir(env);
  const key = dir && createHash('sha256').update(`${process.version}\0${process.arch}\0${variant}\0`).update(KEY_LINE.exec(source)?.[1] ?? source).digest('hex');
  const cacheFile = dir && key ? path.join(dir, 'code', `${key}.bin`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  // The bundle's code inside the function Node wraps every CommonJS file in, plus its
  // import.meta.url (the bundles locate files beside themselves with it); strict, as the
  // ES module bundles it replaces were (`strict: false` for a file `require` would run as written).
  const wrapped = `(function (exports, require, module, __filename, __dirname, __importMetaUrl) {${o.strict === false ? '' : "'use strict';"}${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    toKeep.push({ script, file: cacheFile, keep: keep && (() => keep(module.exports)) });
    if (!hooked) {
      hooked = true;
      process.once('exit', () => keepCompiledCode());
    }
  }
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file), pathToFileURL(file).href);
  return module.exports;
}
