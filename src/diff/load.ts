import path from 'node:path';
import { diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { loadSop } from '../model/index.js';
import { listReleases, loadReleaseSnapshot } from '../store/index.js';
import { readSourceFiles, sha256 } from '../store/index.js';
import type { Snapshot } from './compare.js';

/**
 * Loads one side of a diff: `draft` (the SOP folder itself) or a frozen release
 * (`releases/VERSION/`, checked against its release.json). An unknown version is a
 * usage error (exit 2) that lists the versions there are.
 */
export async function loadSnapshot(root: string, label: string): Promise<{ snapshot: Snapshot; diagnostics: Diagnostic[] }> {
  if (label === 'draft') {
    const { model, diagnostics: loaded } = await loadSop(root);
    const { files, diagnostics: read } = await readSourceFiles(root);
    // Files the links-and-paths policy kept out are not compared: say so.
    const outside = [...loaded, ...read].filter((d) => d.rule === 'path-outside').map((d) => ({ ...d, severity: 'warning' as const }));
    const seen = new Set<string>();
    const diagnostics = outside.filter((d) => !seen.has(d.message) && seen.add(d.message));
    return { snapshot: { label, model, hashes: Object.fromEntries(files.map((f) => [f.path, sha256(f.bytes)])) }, diagnostics };
  }
  const { releases } = await listReleases(root);
  const release = releases.find((r) => r.version === label);
  if (!release) {
    const known = releases.map((r) => r.version);
    throw new SopkitError(
      diagnostic('diff-version-unknown', 'error', `there is no release ${label} in ${path.basename(root) || '.'}/releases/`, undefined, known.length ? `Known releases: ${known.join(', ')}; or use \`draft\` for the working sources.` : 'There are no releases yet; use `draft`, or make one with `sopkit release 1.0`.'),
    );
  }
  return loadReleaseSnapshot(root, release);
}
