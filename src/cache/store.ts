/**
 * A content-addressed store of build results, shared by `build`, `check` and `serve`.
 *
 * An entry is found by a key that hashes everything its bytes were made from (the engine,
 * the SOP's input files, the options that matter: see `./keys.ts`), so a hit can only
 * give back what a fresh build would write, and an entry is never updated, only added.
 * One entry is one file: a header (JSON: metadata, the files' names and sizes, the sha256
 * of the payload) followed by the files' bytes. A missing, truncated or corrupt entry is a
 * miss (never an error); a store that cannot be written only costs the reuse.
 *
 * Where: `$SOPKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/sopkit`, else `~/.cache/sopkit`. Not
 * inside `dist/`, which is published (the site folder is copied to USB sticks, `verify`
 * and the output comparisons read every file in it), and never in the SOP's sources.
 * Old entries are pruned (least recently used first) past `MAX_ENTRIES` or `MAX_BYTES`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const FORMAT = 'sopkit-cache-1';
const MAX_ENTRIES = 256;
const MAX_BYTES = 512 * 1024 * 1024;

export interface CachedFile {
  /** `/`-separated path relative to the folder the entry is restored into. */
  path: string;
  bytes: Uint8Array;
}

export interface CacheEntry<M> {
  meta: M;
  files: CachedFile[];
}

interface Header<M> {
  format: string;
  meta: M;
  files: Array<{ path: string; size: number }>;
  sha256: string;
}

/** The folder of the store (see the module comment), or undefined when there is no home to put it in. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOPKIT_CACHE_DIR) return path.resolve(env.SOPKIT_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(path.resolve(env.XDG_CACHE_HOME), 'sopkit');
  const home = os.homedir();
  return home ? path.join(home, '.cache', 'sopkit') : undefined;
}

const entryFile = (dir: string, key: string): string => path.join(dir, `${key}.entry`);

/** The entry stored under `key`, or null (missing, unreadable, corrupt or of another format). */
export async function getEntry<M>(dir: string, key: string): Promise<CacheEntry<M> | null> {
  const file = entryFile(dir, key);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    return null;
  }
  try {
    if (buf.length < 4) return null;
    const headerLength = buf.readUInt32LE(0);
    if (4 + headerLength > buf.length) return null;
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Header<M>;
    const payload = buf.subarray(4 + headerLength);
    if (header.format !== FORMAT || !Array.isArray(header.files)) return null;
    if (header.files.reduce((a, f) => a + f.size, 0) !== payload.length) return null;
    if (createHash('sha256').update(payload).digest('hex') !== header.sha256) return null;
    const files: CachedFile[] = [];
    let at = 0;
    for (const f of header.files) {
      files.push({ path: f.path, bytes: payload.subarray(at, at + f.size) });
      at += f.size;
    }
    // Marks the entry as used, for the least-recently-used pruning.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return { meta: header.meta, files };
  } catch {
    return null;
  }
}

/**
 * Stores an entry under `key` (atomically: written beside, then renamed, so a reader never
 * sees half an entry). Failures are swallowed: the cache is an optimisation only.
 */
export async function putEntry<M>(dir: string, key: string, entry: CacheEntry<M>): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const payload = Buffer.concat(entry.files.map((f) => f.bytes));
    const header: Header<M> = {
      format: FORMAT,
      meta: entry.meta,
      files: entry.files.map((f) => ({ path: f.path, size: f.bytes.length })),
      sha256: createHash('sha256').update(payload).digest('hex'),
    };
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length, 0);
    const tmp = path.join(dir, `.${key}.${process.pid}.${Math.floor(performance.now() * 1000)}.tmp`);
    await writeFile(tmp, Buffer.concat([length, head, payload]));
    await rename(tmp, entryFile(dir, key));
    await prune(dir);
  } catch {
    // A read-only or full disk: the next build does the work again, nothing else changes.
  }
}

/** Removes the least recently used entries beyond the count and size limits. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.entry'));
  if (names.length <= 16) return;
  const entries = await Promise.all(names.map(async (n) => ({ n, s: await stat(path.join(dir, n)).catch(() => null) })));
  const live = entries.filter((e): e is { n: string; s: NonNullable<typeof e.s> } => e.s !== null).sort((a, b) => b.s.mtimeMs - a.s.mtimeMs);
  let bytes = 0;
  for (const [i, e] of live.entries()) {
    bytes += e.s.size;
    if (i >= MAX_ENTRIES || bytes > MAX_BYTES) await unlink(path.join(dir, e.n)).catch(() => undefined);
  }
}
