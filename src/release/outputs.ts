import path from 'node:path';
import { buildAll, type BuildResult } from '../build/index.js';
import type { Diagnostic } from '../diag/index.js';
import { runDiff, type RunDiffResult } from '../diff/run.js';
import { listReleases, readSourceFiles, sha256, verifyRelease } from '../store/index.js';
import { loadReleasedModels } from './released.js';

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
