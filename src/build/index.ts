import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { discardDir, makeStagingDir, replaceDir } from '../fs/index.js';
import type { SopModel } from '../model/index.js';
import { buildPosters } from '../posters/index.js';
import { buildPdfs } from './pdfs.js';
import { buildSite } from './site.js';

export type BuildTarget = 'pdf' | 'site' | 'posters';
export const BUILD_TARGETS: readonly BuildTarget[] = ['pdf', 'site', 'posters'];

export interface BuildOptions {
  /** Final output folder (default `<sop>/dist`). */
  outDir?: string;
  targets?: readonly BuildTarget[];
  /** Released versions to publish in the site beside the current one. */
  versions?: SopModel[];
  onProgress?: (message: string) => void;
  onDiagnostic?: (d: Diagnostic) => void;
}

export interface BuildResult {
  outDir: string;
  files: string[];
}

/**
 * Builds every output into a staging folder beside `outDir`, then swaps it in with
 * renames. A failed build leaves the previous `dist/` exactly as it was and removes its
 * staging folder; a successful one replaces it whole (no stale files from earlier runs).
 */
export async function buildAll(model: SopModel, opts: BuildOptions = {}): Promise<BuildResult> {
  const outDir = path.resolve(opts.outDir ?? path.join(model.root, 'dist'));
  const targets = new Set(opts.targets ?? BUILD_TARGETS);
  const progress = opts.onProgress ?? (() => undefined);
  const staging = await makeStagingDir(outDir);
  const files: string[] = [];
  try {
    if (targets.has('pdf')) {
      progress('PDFs: laying out and writing the SOP, annexes and packs');
      files.push(...(await buildPdfs(model, staging, { onProgress: progress, onDiagnostic: opts.onDiagnostic })));
    }
    if (targets.has('posters')) {
      progress('posters and pocket cards');
      files.push(...(await buildPosters(model, staging, { onProgress: progress })));
    }
    if (targets.has('site')) {
      progress('site: every language and version');
      files.push(...(await buildSite(model, staging, { onProgress: progress, versions: opts.versions })));
    }
    await replaceDir(staging, outDir);
  } catch (e) {
    await discardDir(staging);
    throw e;
  }
  return { outDir, files: files.map((f) => f.split(path.sep).join('/')).sort() };
}
