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
  const computed = new Map<string, Promise<SopLayoutFacts>>();

  // Per language, keyed on that language's inputs: after a save in sections/en/ the Arabic facts still come from the store.
  function factsFor(m: SopModel, lang: string): Promise<SopLayoutFacts> {
    let f = computed.get(lang);
    if (!f) computed.set(lang, (f = (async () => {
      const c = await open(m);
      const hit = c ? await readSopLayoutFacts(c, lang, m.manifest.languages) : null;
      if (hit) return hit;
      const { layoutSop } = await import('../layout/index.js');
      const l = await layoutSop(m, lang); // throws on a layout failure: the rule reports it for this language
      const facts = { bodyPages: l.bodyPages, diagramFit: l.diagnostics.filter((d) => d.rule === 'diagram-fit') };
      if (c) await writeSopLayoutFacts(c, lang, m.manifest.languages, facts);
      return facts;
    })()));
    return f;
  }

  return {
    countBodyPages: async (m, lang) => (await factsFor(m, lang)).bodyPages,
    diagramFit: async (m, lang) => (await factsFor(m, lang)).diagramFit,
    async posterFit(m) {
      const c = await open(m);
      const hit = c ? await readPosterFacts(c, m.manifest.languages) : null;
      if (hit) return hit;
      const { checkPosters } = await import('../posters/index.js');
      const fit = await checkPosters(m);
      if (c) await writePosterFacts(c, m.manifest.languages, fit);
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
