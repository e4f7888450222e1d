import type { SopModel } from '../model/types.js';
import { buildServicesPages, buildSiteVersions, type SiteBuildOptions } from '../site/index.js';

/**
 * Builds the static site into `outDir/site/` (outDir is a temporary folder the caller
 * renames to `dist/`). Publishes `model` plus any `opts.versions` (released versions);
 * returns the written files relative to `outDir`. Deterministic: same input, same bytes.
 */
export async function buildSite(model: SopModel, outDir: string, opts: SiteBuildOptions = {}): Promise<string[]> {
  return buildSiteVersions([model, ...(opts.versions ?? [])], outDir, opts);
}

/** Rebuilds only `site/<version>/<lang>/services.html` (the living service map, R11). */
export { buildServicesPages };
export type { SiteBuildOptions };
