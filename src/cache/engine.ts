import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFile } from './memo.js';
import { cacheDir } from './store.js';

/** One file of the engine: where, and the stat fields that change when it is written. */
interface Stamp {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every file under `dir` (sorted by name at each level), `/`-separated, prefixed with `label`.
 * Paths are joined by hand: `path.join` normalises each one again, and this runs for the
 * ~380 files of the engine at the start of every command that uses the cache.
 */
function listTree(dir: string, label: string, rel = '', out: Stamp[] = []): Stamp[] {
  const here = rel ? `${dir}${path.sep}${rel.split('/').join(path.sep)}` : dir;
  let entries;
  try {
    entries = readdirSync(here, { withFileTypes: true });
  } catch {
    return out; // e.g. no templates/ beside an unusual install: nothing to hash.
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) listTree(dir, label, r, out);
    else if (e.isFile()) {
      const s = statSync(`${here}${path.sep}${e.name}`);
      out.push({ file: `${label}${r}`, size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  return out;
}

/** sha256 over the files' names and bytes: lib/, then templates/, then package.json. */
function hashFiles(roots: { lib: string; templates: string; pkg: string }, files: Stamp[]): string {
  const hash = createHash('sha256');
  const part = (label: string, dir: string) => {
    for (const f of files) {
      if (!f.file.startsWith(label)) continue;
      const rel = f.file.slice(label.length);
      hash.update(`${rel}\0`).update(readFileSync(path.join(dir, rel))).update('\0');
    }
  };
  part('lib:', roots.lib);
  hash.update('\0templates\0');
  part('templates:', roots.templates);
  let pkg: Buffer;
  try {
    pkg = readFileSync(roots.pkg);
  } catch {
    pkg = Buffer.from('');
  }
  hash.update('\0package.json\0').update(pkg);
  return hash.digest('hex');
}

let engine: Promise<string> | undefined;

/**
 * A fingerprint of the code that renders the outputs: every file of the compiled tree
 * this module runs from (lib/, for the CLI and the tests alike), the templates and package.json.
 * A cached output is only reused by the same engine, so an upgrade (or any code change)
 * rebuilds the older releases once instead of publishing pages an up-to-date build would
 * not write. Computed once per process.
 *
 * Hashing the 7 MB of lib/ took ~100 ms of every command that uses the cache (a third of
 * `check --no-layout` after its module loading). So the hash is kept in the cache folder
 * beside the list of files it was made from, with their sizes and modification times
 * (the "stat index" of git and make): when a stat of every file (a few ms) finds the same
 * list, the kept hash is used; any file added, removed, rewritten or touched hashes the
 * bytes again. Without a cache folder (`SOPKIT_CACHE=0`) the bytes are always hashed.
 */
export function engineFingerprint(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  engine ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url)); // <tree>/cache
    const tree = path.dirname(here);
    const pkg = path.dirname(tree);
    return fingerprintOf({ lib: tree, templates: path.join(pkg, 'templates'), pkg: path.join(pkg, 'package.json') }, env);
  })();
  return engine;
}

/** The engine fingerprint of the files under `roots` (see `engineFingerprint`; uncached, exported for its test). */
export function fingerprintOf(roots: { lib: string; templates: string; pkg: string }, env: NodeJS.ProcessEnv = process.env): string {
  const files = [...listTree(roots.lib, 'lib:'), ...listTree(roots.templates, 'templates:')];
  try {
    const s = statSync(roots.pkg);
    files.push({ file: 'package.json:', size: s.size, mtimeMs: s.mtimeMs });
  } catch {
    files.push({ file: 'package.json:', size: -1, mtimeMs: 0 });
  }
  const dir = env.SOPKIT_CACHE === '0' ? undefined : cacheDir(env);
  const index = dir && path.join(dir, `engine-${createHash('sha256').update(roots.lib).digest('hex').slice(0, 16)}.json`);
  const listed = JSON.stringify(files);
  if (index) {
    try {
      const kept = JSON.parse(readFileSync(index, 'utf8')) as { files: Stamp[]; fingerprint: string };
      if (typeof kept.fingerprint === 'string' && JSON.stringify(kept.files) === listed) return kept.fingerprint;
    } catch {
      // missing or damaged: hash the bytes
    }
  }
  const fingerprint = hashFiles(roots, files);
  // A cache folder that cannot be written only costs the hashing next time.
  if (index) writeCacheFile(index, JSON.stringify({ files, fingerprint }));
  return fingerprint;
}
