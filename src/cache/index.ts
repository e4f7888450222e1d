/**
 * The build cache (see ./store.ts for where and how entries are kept): which key an
 * output has, and the "layout facts" `check` needs from a layout (body page counts,
 * diagram and poster fit), which a build leaves behind so `check` after `build` does not
 * lay the document out again.
 */
import { cacheDir, getEntry, putEntry } from './store.js';
import { engineFingerprint } from './engine.js';
import { sopInputsFingerprint } from './inputs.js';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diag/index.js';

export { cacheDir, getEntry, putEntry, type CacheEntry, type CachedFile } from './store.js';
export { engineFingerprint } from './engine.js';
export { memoized, memoizedAsync, useMemoStore } from './memo.js';
export { filesFingerprint, languageFingerprint, languageInputsFingerprint, sopInputsFingerprint, sourceFiles, type SourceFiles } from './inputs.js';

/** An open cache for one SOP folder: where the store is and what its keys start from. */
export interface BuildCache {
  dir: string;
  /** sha256 over the engine fingerprint and the SOP's input files. */
  base: string;
}

/**
 * The cache for the SOP at `root`, or undefined when caching is off: `--no-cache`
 * (`enabled: false`), `SOPKIT_CACHE=0`, or no place to keep it.
 */
export async function openCache(root: string, opts: { enabled?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<BuildCache | undefined> {
  const env = opts.env ?? process.env;
  if (opts.enabled === false || env.SOPKIT_CACHE === '0') return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const [engine, inputs] = await Promise.all([engineFingerprint(), sopInputsFingerprint(root)]);
  return { dir, base: keyOf(engine, inputs) };
}

function keyOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** The key of one kind of entry (`pdf`, `site`, …) with the options that change its bytes. */
export function entryKey(cache: BuildCache, kind: string, ...parts: string[]): string {
  return keyOf(cache.base, kind, ...parts);
}

/** Per language: the body pages of the SOP and its `diagram-fit` diagnostics (from `layoutSop`). */
export type SopLayoutFacts = Record<string, { bodyPages: number; diagramFit: Diagnostic[] }>;

export async function readSopLayoutFacts(cache: BuildCache): Promise<SopLayoutFacts | null> {
  return (await getEntry<SopLayoutFacts>(cache.dir, entryKey(cache, 'sop-layout')))?.meta ?? null;
}

export async function writeSopLayoutFacts(cache: BuildCache, facts: SopLayoutFacts): Promise<void> {
  await putEntry(cache.dir, entryKey(cache, 'sop-layout'), { meta: facts, files: [] });
}

/** The `poster-fit` diagnostics of composing every poster (what `checkPosters` returns). */
export async function readPosterFacts(cache: BuildCache): Promise<Diagnostic[] | null> {
  return (await getEntry<Diagnostic[]>(cache.dir, entryKey(cache, 'poster-fit')))?.meta ?? null;
}

export async function writePosterFacts(cache: BuildCache, diagnostics: Diagnostic[]): Promise<void> {
  await putEntry(cache.dir, entryKey(cache, 'poster-fit'), { meta: diagnostics, files: [] });
}
