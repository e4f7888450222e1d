import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { copyFile, cp, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { asOutputError, checkOutputDir, discardDir, makeStagingDir, replaceDir } from '../fs/index.js';
import type { SopModel } from '../model/index.js';
import { buildPdfs } from './pdfs.js';
import { cacheKey, engineFingerprint, releaseHash } from './cache.js';
import type { ProgressFn } from './progress.js';

export type BuildTarget = 'pdf' | 'site' | 'posters' | 'docx';
export const BUILD_TARGETS: readonly BuildTarget[] = ['pdf', 'site', 'posters', 'docx'];
/**
 * What `build` makes when no `--only` is given. The Word copies are for a consultation
 * round, asked for by name (`--only docx`): a plain build and a release keep the outputs
 * they always had.
 */
export const DEFAULT_TARGETS: readonly BuildTarget[] = ['pdf', 'site', 'posters'];

export interface BuildOptions {
  /** Final output folder (default `<sop>/dist`). */
  outDir?: string;
  /** The option the user named `outDir` with (`--out`), for messages. */
  outOption?: string;
  targets?: readonly BuildTarget[];
  /** Released versions to publish in the site beside the current one. */
  versions?: SopModel[];
  onProgress?: ProgressFn;
  onDiagnostic?: (d: Diagnostic) => void;
}

/**
 * The PDFs of a frozen release, for the site's older versions. A release never changes
 * (`releases/V/` is immutable), so its PDFs are built once and then carried from one
 * dist/ to the next, keyed by the hash of its `release.json` and the engine (its site
 * pages likewise, see `buildSite`): adding a release costs one build, not one per release.
 */
async function releasedPdfs(released: SopModel, outDir: string, staging: string, progress: ProgressFn): Promise<string[]> {
  const v = released.manifest.version;
  // A release folder without release.json is still built, just never cached. The engine
  // is part of the key: a cached PDF must be the bytes this sopkit would write.
  const own = await releaseHash(released);
  const key = own ? cacheKey('pdf', await engineFingerprint(), own) : 'none';
  const stamp = `pdf/.release-v${v}.sha256`;
  const oldPdf = path.join(outDir, 'pdf');
  const cached = key !== 'none' && (await readFile(path.join(outDir, stamp), 'utf8').catch(() => '')) === key;
  if (cached) {
    const names = (await readdir(oldPdf)).filter((n) => n.includes(`-v${v}-`) || n.endsWith(`-v${v}.pdf`));
    if (names.length) {
      await mkdir(path.join(staging, 'pdf'), { recursive: true });
      for (const n of names) await copyFile(path.join(oldPdf, n), path.join(staging, 'pdf', n));
      await copyFile(path.join(outDir, stamp), path.join(staging, stamp));
      progress(`PDFs of release ${v}: unchanged, reused`, { stage: `pdf release ${v}` });
      return names.map((n) => `pdf/${n}`);
    }
  }
  progress(`PDFs of release ${v}`, { stage: `pdf release ${v}` });
  const written = await buildPdfs(released, staging);
  if (key !== 'none') await writeFile(path.join(staging, stamp), key);
  return written;
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
  // The output policy (src/fs/output-guard.ts): never the SOP, its sources, a parent of
  // it, the root or home folder, nor a folder sopkit did not make. Nothing is written
  // before this check.
  const { abs: outDir } = await checkOutputDir(path.resolve(opts.outDir ?? path.join(model.root, 'dist')), { command: 'build', option: opts.outOption, sopRoot: model.root });
  const targets = new Set(opts.targets ?? DEFAULT_TARGETS);
  const progress = opts.onProgress ?? (() => undefined);
  const staging = await makeStagingDir(outDir);
  const files: string[] = [];
  // Posters and site are imported when asked for: their libraries (elkjs, rehype) cost
  // ~0.15 s to load, which `build --only pdf` should not pay.
  try {
    if (targets.has('pdf')) {
      files.push(...(await buildPdfs(model, staging, { onProgress: progress, onDiagnostic: opts.onDiagnostic })));
      for (const released of opts.versions ?? []) {
        if (released.manifest.version === model.manifest.version) continue;
        files.push(...(await releasedPdfs(released, outDir, staging, progress)));
      }
    }
    if (targets.has('posters')) {
      const { buildPosters } = await import('../posters/index.js');
      files.push(...(await buildPosters(model, staging, { onProgress: progress, onDiagnostic: opts.onDiagnostic })));
    }
    if (targets.has('site')) {
      // The pages of unchanged frozen releases are copied from the previous dist/ (keyed
      // by release.json, the version list and the engine) instead of rendered again.
      const { buildSite } = await import('./site.js');
      files.push(...(await buildSite(model, staging, { onProgress: progress, versions: opts.versions, previousDir: outDir })));
    }
    if (targets.has('docx')) {
      // The Word writer (and the docx library) load only when asked for.
      const { buildDocx } = await import('../word/export/build.js');
      files.push(...(await buildDocx(model, staging, { onProgress: progress })));
    }
    if (targets.has('site')) files.push(...(await placeDownloads(staging, files)));
    // Which version and date these outputs are of: file names of posters carry no version,
    // so `verify` reads it here (after a release, dist/ holds the release, not the draft).
    await writeFile(path.join(staging, 'build.json'), `${JSON.stringify({ version: model.manifest.version, date: model.manifest.date }, null, 2)}\n`);
    // dist/report/ holds the redlines and changelogs written by `release` and `diff`;
    // a rebuild of the outputs must not lose them.
    const reports = path.join(outDir, 'report');
    if (existsSync(reports) && !existsSync(path.join(staging, 'report'))) {
      await cp(reports, path.join(staging, 'report'), { recursive: true });
    }
    await replaceDir(staging, outDir);
  } catch (e) {
    await discardDir(staging);
    throw asOutputError(e, outDir);
  }
  return { outDir, files: files.map((f) => f.split(path.sep).join('/')).sort() };
}

/**
 * The PDFs and posters of this build, also under `site/downloads/` (hard links where the
 * file system allows, copies elsewhere), so the site folder alone works from a USB stick;
 * its pages link there.
 */
async function placeDownloads(staging: string, built: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const rel of built.map((f) => f.split(path.sep).join('/')).filter((f) => /^(pdf|posters)\/[^/]+\.pdf$/.test(f)).sort()) {
    const to = path.join(staging, 'site', 'downloads', ...rel.split('/'));
    await mkdir(path.dirname(to), { recursive: true });
    await link(path.join(staging, ...rel.split('/')), to).catch(() => copyFile(path.join(staging, ...rel.split('/')), to));
    out.push(`site/downloads/${rel}`);
  }
  return out;
}
