import path from 'node:path';
import { loadSop, type SopModel } from '../model/index.js';
import { listReleases } from '../store/index.js';

// Apart from outputs.ts so that `build` (which needs only this) does not load the redline
// writer that outputs.ts imports, and with it the PDF engine and HarfBuzz (~0.1 s of a
// build whose outputs all come from the cache; tests/cli/startup-imports.test.ts).

/**
 * Every frozen release loaded as a model, oldest first (read-only: models of
 * `releases/VERSION/`). For the site's version switcher; a release that cannot be read
 * is skipped and reported.
 */
export async function loadReleasedModels(root: string): Promise<{ models: SopModel[]; problems: string[] }> {
  const { releases } = await listReleases(path.resolve(root));
  const models: SopModel[] = [];
  const problems: string[] = [];
  for (const r of releases) {
    try {
      models.push((await loadSop(path.join(path.resolve(root), 'releases', r.version))).model);
    } catch (e) {
      problems.push(`releases/${r.version}: ${(e as Error).message}`);
    }
  }
  return { models, problems };
}

