/**
 * Results of pure functions of bytes (a Markdown parse, an annex PDF's verdict), kept as
 * JSON files in the cache folder so that the next command reads them back instead of
 * computing them again, and does not even load the code that computes them (pdf-lib for
 * the annex verdict: ~0.1 s of every `check` and of a `build` whose outputs all come
 * from the cache). One file per result, `<dir>/<kind>/<sha256 of salt, \0, input>.json`;
 * the salt is the engine fingerprint (another sopkit computes differently). A missing or
 * damaged file is a miss; a store that cannot be written only costs the reuse. Set once per
 * process by the CLI (`useMemoStore`); off (compute every time) until then, and in tests.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Keeps `value` (plain JSON data) at `file`. */
export function keep(file: string, value: unknown): void {
  writeCacheFile(file, JSON.stringify(value));
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
