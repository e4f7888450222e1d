/**
 * The layout rules of `check` (page budget, diagram fit, poster fit) through the build
 * cache: a `build` leaves behind the body page counts, diagram-fit and poster-fit
 * diagnostics of the sources it built (src/build/index.ts), so `check` after `build`
 * reads them instead of laying the SOP and every poster out again. On a miss the layout
 * runs as before and its facts are stored for the next `check`.
 */
import type { Diagnostic } from '../diag/index.js';
import type { SopModel } from '../model/types.js';
import { cacheDir, engineFingerprint, openCache, useMemoStore, readPosterFacts, readSopLayoutFacts, writePosterFacts, writeSopLayoutFacts, type BuildCache, type SopLayoutFacts } from '../cache/index.js';

export interface CachedLayoutRules {
  countBodyPages(model: SopModel, lang: string): Promise<number>;
  diagramFit(model: SopModel, lang: string): Promise<Diagnostic[]>;
  posterFit(model: SopModel): Promise<Diagnostic[]>;
}

/** `enabled: false` (`--no-cache`) lays out every time and stores nothing. */
export function cachedLayoutRules(opts: { enabled?: boolean } = {}): CachedLayoutRules {
  let cache: Promise<BuildCache | undefined> | undefined;
  const open = (m: SopModel) => (cache ??= openCache(m.root, { enabled: opts.enabled }));
  let stored: Promise<SopLayoutFacts | null> | undefined;
  const computed: SopLayoutFacts = {};
  let written = false;

  async function factsFor(m: SopModel, lang: string): Promise<SopLayoutFacts[string]> {
    const c = await open(m);
    const hit = c ? await (stored ??= readSopLayoutFacts(c)) : null;
    if (hit?.[lang] && m.manifest.languages.every((l) => hit[l])) return hit[lang]!;
    if (!computed[lang]) {
      const { layoutSop } = await import('../layout/index.js');
      const l = await layoutSop(m, lang); // throws on a layout failure: the rule reports it for this language
      computed[lang] = { bodyPages: l.bodyPages, diagramFit: l.diagnostics.filter((d) => d.rule === 'diagram-fit') };
    }
    // Stored once every language is laid out, so an entry is always whole.
    if (c && !written && m.manifest.languages.every((l) => computed[l])) {
      written = true;
      await writeSopLayoutFacts(c, computed);
    }
    return computed[lang]!;
  }

  return {
    countBodyPages: async (m, lang) => (await factsFor(m, lang)).bodyPages,
    diagramFit: async (m, lang) => (await factsFor(m, lang)).diagramFit,
    async posterFit(m) {
      const c = await open(m);
      const hit = c ? await readPosterFacts(c) : null;
      if (hit) return hit;
      const { checkPosters } = await import('../posters/index.js');
      const fit = await checkPosters(m);
      if (c) await writePosterFacts(c, fit);
      return fit;
    },
  };
}

/**
 * Turns on the store of computed results (src/cache/memo.ts: parsed Markdown trees, annex
 * PDF verdicts) for this process, unless caching is off (`--no-cache`, `SOPKIT_CACHE=0`).
 * Called before the SOP is loaded.
 */
export async function enableMemoStore(opts: { enabled?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  const env = opts.env ?? process.env;
  if (opts.enabled === false || env.SOPKIT_CACHE === '0') return;
  const dir = cacheDir(env);
  if (dir) useMemoStore(dir, await engineFingerprint());
}
