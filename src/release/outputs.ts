import path from 'node:path';
import { buildAll, type BuildResult } from '../build/index.js';
import type { Diagnostic } from '../diag/index.js';
import { runDiff, type RunDiffResult } from '../diff/run.js';
import { loadSop, type SopModel } from '../model/index.js';
import { listReleases, readSourceFiles, sha256, verifyRelease } from '../store/index.js';

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

export interface ReleaseOutputs {
  build?: BuildResult;
  diff?: RunDiffResult;
  diagnostics: Diagnostic[];
}

/**
 * After a release is frozen: builds its outputs with the lead's orchestrator (PDFs and
 * posters of the frozen version, the site with every release) into `<root>/dist`, then
 * writes the redline and changelog against the previous release into `dist/report/`
 * (after the build, which replaces dist/ whole). Finally re-hashes the frozen folder:
 * building must never touch a release.
 */
export async function buildReleaseOutputs(root: string, version: string, previous: string | null, options: { build: boolean; onProgress?: (m: string) => void }): Promise<ReleaseOutputs> {
  const abs = path.resolve(root);
  const diagnostics: Diagnostic[] = [];
  const out: ReleaseOutputs = { diagnostics };
  if (options.build) {
    const { models } = await loadReleasedModels(abs);
    const current = models.find((m) => m.manifest.version === version && path.basename(m.root) === version);
    if (current) {
      out.build = await buildAll(current, {
        outDir: path.join(abs, 'dist'),
        versions: models.filter((m) => m !== current),
        onProgress: options.onProgress,
        onDiagnostic: (d) => diagnostics.push(d),
      });
    }
  }
  if (previous) out.diff = await runDiff({ dir: abs, from: previous, to: version });
  const { releases } = await listReleases(abs);
  const release = releases.find((r) => r.version === version);
  if (release) {
    const { files } = await readSourceFiles(path.join(abs, 'releases', version));
    diagnostics.push(...verifyRelease(release, Object.fromEntries(files.map((f) => [f.path, sha256(f.bytes)]))));
  }
  return out;
}
