/**
 * Results of pure functions of bytes (a Markdown parse, an annex PDF's verdict), kept as
 * JSON files in the cache folder so that the next command reads them back instead of
 * computing them again, and does not even load the code that computes them (pdf-lib for
 * the annex verdict: ~0.1 s of every `check` and of a `build` whose outputs all come
 * from the cache). One file per result, `<dir>/<kind>/<sha256 of salt, \0, input>.json`;
 * the salt is the engine fingerprint (another sopkit computes differently). A missing or
 * damaged file is a miss; a store that cannot be written only costs the reuse. Set once per
 * process by the CLI (`useMemoStore`); off (compute every time) until then, and in tests.
 * Each kind keeps at most `MAX_PER_KIND` results (`pruneKind`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let store: { dir: string; salt: string } | undefined;

/** Keeps results under `dir` (the cache folder), keyed with `salt`; `undefined` turns it off. */
export function useMemoStore(dir: string | undefined, salt = ''): void {
  store = dir ? { dir, salt } : undefined;
}

/** Where the result of `kind` for `input` is kept; undefined when the store is off. */
export function memoFile(kind: string, input: string | Uint8Array): string | undefined {
  if (!store) return undefined;
  return path.join(store.dir, kind, `${createHash('sha256').update(store.salt).update('\0').update(input).digest('hex')}.json`);
}

/** The kept result, or undefined (missing, damaged). */
export function recall<T>(file: string): { value: T } | undefined {
  try {
    return { value: JSON.parse(readFileSync(file, 'utf8')) as T };
  } catch {
    return undefined; // missing or damaged
  }
}

/**
 * Writes a cache file: beside it, then renamed into place, so a reader never sees half of
 * one. Best effort (false when it could not be written): a cache folder that cannot be
 * written only costs the reuse. Shared by every synchronous cache writer (memo results,
 * compiled code, the engine fingerprint's index).
 */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Results kept per kind (a few KB each: Markdown trees, YAML parses, ELK layouts). Every
 * edit adds results for what it changed, and a data edit adds the graphs of every poster it
 * touches, so without a limit the folder grows with each build.
 */
export const MAX_PER_KIND = 4096;
const prunedKinds = new Set<string>();

/**
 * Past `max` results in the kind folder `dir`, removes the oldest written until a quarter
 * of the room is free (so this runs once per many builds, not on every write). "Oldest
 * written", not least used: a result still in use that goes is computed and kept again
 * once, which costs less than touching every file a command reads. Best effort.
 */
export function pruneKind(dir: string, max = MAX_PER_KIND): void {
  try {
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    if (names.length <= max) return;
    const aged = names.map((n) => ({ n, t: statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.t - a.t || (a.n < b.n ? -1 : 1));
    for (const { n } of aged.slice(Math.floor((max * 3) / 4))) {
      try {
        unlinkSync(path.join(dir, n));
      } catch {
        // another process removed it first
      }
    }
  } catch {
    // no folder, or one that cannot be read: nothing to prune
  }
}

/** Keeps `value` (plain JSON data) at `file`; the first new result of a kind in a process checks the kind's size. */
export function keep(file: string, value: unknown): void {
  if (!writeCacheFile(file, JSON.stringify(value))) return;
  const dir = path.dirname(file);
  if (prunedKinds.has(dir)) return;
  prunedKinds.add(dir);
  pruneKind(dir);
}

/**
 * `compute()`, or what it returned for the same `kind` and `input` before. Its result must
 * be plain JSON data that survives `JSON.stringify` exactly (no undefined in arrays, no
 * NaN, no class instances): the caller's test proves it for its kind.
 */
export function memoized<T>(kind: string, input: string | Uint8Array, compute: () => T): T {
  const file = memoFile(kind, input);
  const hit = file ? recall<T>(file) : undefined;
  if (hit) return hit.value;
  const value = compute();
  if (file) keep(file, value);
  return value;
}

/** `memoized` for an asynchronous computation (the file I/O stays synchronous: small files). */
export async function memoizedAsync<T>(kind: string, input: string | Uint8Array, compute: () => Promise<T>): Promise<T> {
  const file = memoFile(kind, input);
  const hit = file ? recall<T>(file) : undefined;
  if (hit) return hit.value;
  const value = await compute();
  if (file) keep(file, value);
  return value;
}
