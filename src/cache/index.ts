/**
 * The build cache (see ./store.ts for where and how entries are kept): which key an
 * output has, and the "layout facts" `check` needs from a layout (body page counts,
 * diagram and poster fit), which a build leaves behind so `check` after `build` does not
 * lay the document out again.
 */
import { cacheDir, getEntry, putEntry } from './store.js';
import { engineFingerprint } from './engine.js';
import { ALL_INPUTS, inputsFingerprint, languageScope, readSopInputs, sharedScope, type SopInputs } from './inputs.js';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diag/index.js';

export { cacheDir, getEntry, putEntry, type CacheEntry, type CachedFile } from './store.js';
export { engineFingerprint } from './engine.js';
export { memoized, memoizedAsync, useMemoStore } from './memo.js';
export { filesFingerprint, inputsFingerprint, languageFingerprint, languageScope, readSopInputs, sharedScope, sourceFiles, type SopInputs, type SourceFiles } from './inputs.js';

/** An open cache for one SOP folder: where the store is and what its keys start from. */
export interface BuildCache {
  dir: string;
  /** sha256 over the engine fingerprint and the SOP's input files. */
  base: string;
  engine: string;
  /** The SOP's input files, read once: entries of one language or of no language are keyed on their part (`scopedKey`). */
  inputs: SopInputs;
}

/**
 * Which inputs an entry is keyed on: all of them, one language's (`languageScope`), or
 * the files no language's Markdown is in (`sharedScope`: posters, stamped PDF annexes).
 */
export type EntryScope = { lang: string; languages: readonly string[] } | { shared: readonly string[] };

/**
 * The cache for the SOP at `root`, or undefined when caching is off: `--no-cache`
 * (`enabled: false`), `SOPKIT_CACHE=0`, or no place to keep it.
 */
export async function openCache(root: string, opts: { enabled?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<BuildCache | undefined> {
  const env = opts.env ?? process.env;
  if (opts.enabled === false || env.SOPKIT_CACHE === '0') return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const [engine, inputs] = await Promise.all([engineFingerprint(), readSopInputs(root)]);
  return { dir, base: keyOf(engine, inputsFingerprint(inputs, 'all', ALL_INPUTS)), engine, inputs };
}

function keyOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** The key of one kind of entry (`pdf`, `site`, …) with the options that change its bytes. */
export function entryKey(cache: BuildCache, kind: string, ...parts: string[]): string {
  return keyOf(cache.base, kind, ...parts);
}

/** The key of an entry made from part of the inputs only (see `EntryScope`). */
export function scopedKey(cache: BuildCache, scope: EntryScope, kind: string, ...parts: string[]): string {
  const inputs = 'lang' in scope
    ? inputsFingerprint(cache.inputs, `lang:${scope.lang}`, languageScope(scope.lang, scope.languages))
    : inputsFingerprint(cache.inputs, 'shared', sharedScope(scope.shared));
  return keyOf(cache.engine, inputs, kind, ...parts);
}

/** One language's layout facts: the body pages of its SOP and its `diagram-fit` diagnostics (from `layoutSop`). */
export interface SopLayoutFacts {
  bodyPages: number;
  diagramFit: Diagnostic[];
}

/** Keyed on the language's inputs only: a save in another language leaves them valid. */
const layoutFactsKey = (cache: BuildCache, lang: string, languages: readonly string[]) => scopedKey(cache, { lang, languages }, 'sop-layout');

export async function readSopLayoutFacts(cache: BuildCache, lang: string, languages: readonly string[]): Promise<SopLayoutFacts | null> {
  const meta = (await getEntry<SopLayoutFacts>(cache.dir, layoutFactsKey(cache, lang, languages)))?.meta;
  return meta && typeof meta.bodyPages === 'number' && Array.isArray(meta.diagramFit) ? meta : null;
}

export async function writeSopLayoutFacts(cache: BuildCache, lang: string, languages: readonly string[], facts: SopLayoutFacts): Promise<void> {
  await putEntry(cache.dir, layoutFactsKey(cache, lang, languages), { meta: facts, files: [] });
}

/** The `poster-fit` diagnostics of composing every poster (what `checkPosters` returns); keyed as the posters are. */
export async function readPosterFacts(cache: BuildCache, languages: readonly string[]): Promise<Diagnostic[] | null> {
  return (await getEntry<Diagnostic[]>(cache.dir, scopedKey(cache, { shared: languages }, 'poster-fit')))?.meta ?? null;
}

export async function writePosterFacts(cache: BuildCache, languages: readonly string[], diagnostics: Diagnostic[]): Promise<void> {
  await putEntry(cache.dir, scopedKey(cache, { shared: languages }, 'poster-fit'), { meta: diagnostics, files: [] });
}
