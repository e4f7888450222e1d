import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SopModel } from '../model/types.js';
import { buildServicesPages, buildSiteVersions, downloadsOf, orderVersions, type KeptFile, type SiteBuildOptions, type SiteVersion } from '../site/index.js';
import type { PageSpans } from '../site/page.js';
import { cacheKey, engineFingerprint, releaseHash } from './cache.js';

export interface BuildSiteOptions extends SiteBuildOptions {
  /**
   * The previous output folder (`dist/`). The pages of a frozen release are copied from it
   * instead of rendered again when their cache key matches (see `siteCacheKeys`).
   */
  previousDir?: string;
}

/** Where the key and file hashes of a release's cached pages are kept (outside site/, which is published). */
const stampOf = (dir: string, version: string): string => path.join(dir, '.cache', `site-v${version}.json`);

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface SiteStamp {
  key: string;
  /** `site/<version>/…` → sha256 of the bytes written, and for HTML pages the spans of the version-list slots. */
  files: Record<string, { sha256: string; spans: PageSpans | null }>;
}

/**
 * Cache key of the pages of each frozen release in `versions` (the version being built,
 * `model`, and drafts get none): (engine, sha256 of its release.json). The release.json
 * hashes every source file of the release, so it stands for everything its pages are made
 * of except the version list, which only the version switcher and the "older version"
 * banner show; those two are re-rendered on every build (`VERSION_LIST_SLOTS`).
 */
export async function siteCacheKeys(model: SopModel, versions: SiteVersion[], downloads: readonly string[] = []): Promise<Map<string, string>> {
  const engine = await engineFingerprint();
  const keys = new Map<string, string>();
  for (const v of versions) {
    const own = v.model === model ? null : await releaseHash(v.model);
    // Its pages link the downloads this build placed for it: a build with other targets
    // (`--only site`, then a full one) must not reuse pages with other links.
    if (own) keys.set(v.version, cacheKey('site', engine, own, ...[...downloadsOf(downloads, v, false)].sort()));
  }
  return keys;
}

/** The files of a cached version when its stamp has `key` and every file is still intact; otherwise null. */
async function readCached(previousDir: string, version: string, key: string): Promise<Map<string, KeptFile> | null> {
  let stamp: SiteStamp;
  try {
    stamp = JSON.parse(await readFile(stampOf(previousDir, version), 'utf8')) as SiteStamp;
  } catch {
    return null;
  }
  if (stamp.key !== key || !stamp.files || !Object.keys(stamp.files).length) return null;
  const files = new Map<string, KeptFile>();
  for (const [rel, f] of Object.entries(stamp.files)) {
    const bytes = await readFile(path.join(previousDir, ...rel.split('/'))).catch(() => null);
    // A page edited or deleted in dist/ by hand is rebuilt, never republished.
    if (!bytes || sha256(bytes) !== f.sha256) return null;
    files.set(rel, { bytes, spans: f.spans });
  }
  return files;
}

/**
 * Builds the static site into `outDir/site/` (outDir is a temporary folder the caller
 * renames to `dist/`). Publishes `model` plus any `opts.versions` (released versions);
 * returns the written files relative to `outDir`. Deterministic: same input, same bytes,
 * whether a release's pages were rendered or reused from `opts.previousDir`.
 */
export async function buildSite(model: SopModel, outDir: string, opts: BuildSiteOptions = {}): Promise<string[]> {
  const models = [model, ...(opts.versions ?? [])];
  const keys = await siteCacheKeys(model, orderVersions(models), opts.downloads);
  const reuse = new Map<string, Map<string, KeptFile>>();
  for (const [version, key] of keys) {
    const cached = opts.previousDir ? await readCached(opts.previousDir, version, key) : null;
    if (!cached) continue;
    reuse.set(version, cached);
    opts.onProgress?.(`site pages of release ${version}: unchanged, reused (version switcher updated)`, { stage: `site ${version}` });
  }
  const stamps = new Map<string, SiteStamp>();
  const written = await buildSiteVersions(models, outDir, {
    onProgress: opts.onProgress,
    downloads: opts.downloads,
    reuse,
    onFile: (version, rel, bytes, spans) => {
      const key = keys.get(version);
      if (!key) return;
      const stamp = stamps.get(version) ?? { key, files: {} };
      stamp.files[rel] = { sha256: sha256(bytes), spans };
      stamps.set(version, stamp);
    },
  });
  for (const [version, stamp] of stamps) {
    await mkdir(path.dirname(stampOf(outDir, version)), { recursive: true });
    await writeFile(stampOf(outDir, version), `${JSON.stringify(stamp)}\n`);
  }
  return written;
}

/** Rebuilds only `site/<version>/<lang>/services.html` (the living service map, R11). */
export { buildServicesPages };
export type { SiteBuildOptions };
