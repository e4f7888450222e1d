import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { copyFile, cp, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { asOutputError, checkOutputDir, discardDir, makeStagingDir, replaceDir } from '../fs/index.js';
import type { SopModel } from '../model/index.js';
// The PDF code (layout, HarfBuzz, elkjs, pdf-lib) is imported when a PDF is made: a
// build whose PDFs all come from the cache does not pay ~0.3 s to load it.
const pdfModule = () => import('./pdfs.js');
const buildPdfs = async (...args: Parameters<typeof import('./pdfs.js').buildPdfs>) => (await pdfModule()).buildPdfs(...args);
import { cacheKey, engineFingerprint, releaseHash } from './cache.js';
import type { ProgressFn } from '../diag/progress.js';
import { cachedStep } from './reuse.js';
import { entryKey, scopedKey, writePosterFacts, writeSopLayoutFacts, type BuildCache, type SopLayoutFacts } from '../cache/index.js';
import type { StampedAnnexes } from './pdfs.js';
import { collectGarbage } from '../collect-garbage.js';

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
  /**
   * The build cache of this SOP (`openCache`): a step whose inputs are unchanged since a
   * build that stored it writes the stored bytes instead of running (see ./reuse.ts).
   * Without it every step runs.
   */
  cache?: BuildCache;
  /**
   * How many threads may build at once (default 1: one step after the other). Above 1,
   * posters and site are made on worker threads that load the SOP again from
   * `model.root`: only for a model exactly as loaded from its folder (`sopkit build`).
   */
  jobs?: number;
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
  const cache = opts.cache;
  // Each step's diagnostics are reported after the steps before it, whichever finishes
  // first, so a parallel build reports what a serial one does, in the same order.
  const jobs = opts.jobs ?? 1;
  const stepDiagnostics: Diagnostic[][] = [];
  const reporter = (): ((d: Diagnostic) => void) => {
    if (jobs <= 1) return (d) => opts.onDiagnostic?.(d); // serial: as they come
    const list: Diagnostic[] = [];
    stepDiagnostics.push(list);
    return (d) => list.push(d);
  };
  // The main thread is one of the `jobs` (it makes the PDFs); the workers take the rest.
  const workerSteps = (targets.has('posters') ? 1 : 0) + (targets.has('site') ? 1 : 0);
  const pool = jobs > 1 && workerSteps ? new (await import('./parallel.js')).WorkerPool(Math.min(jobs - 1, workerSteps)) : undefined;
  const task = (step: 'posters' | 'site') => ({ step, root: model.root, versions: (opts.versions ?? []).map((v) => v.root), staging, outDir });
  try {
    const steps: Array<Promise<string[]>> = [];
    // The steps the site waits for (it links their files): those started before it.
    const before: Array<Promise<string[]>> = [];
    const languages = model.manifest.languages;
    const ownsPdf = (f: string) => f.startsWith('pdf/');
    const pdfStep = async (report: (d: Diagnostic) => void): Promise<string[]> => {
      // One cache entry for the stamped PDF annexes (no language's Markdown changes them)
      // and one per language, keyed on what that language's PDFs read: a save in
      // sections/en/ lays out the English PDFs only.
      const out: string[] = [];
      const hasPdfAnnexes = model.annexes.some((a) => a.kind === 'pdf-annex');
      let stamped: StampedAnnexes | undefined;
      if (hasPdfAnnexes) {
        const step = await cachedStep(cache, cache ? scopedKey(cache, { shared: languages }, 'pdf-annexes') : '', staging, ownsPdf, report, async (r) => {
          const res = await (await pdfModule()).stampPdfAnnexes(model, staging, { onProgress: progress, onDiagnostic: r });
          stamped = res.stamped;
          return res.written;
        });
        if (step.hit) progress('stamped PDF annexes: sources unchanged, reused from the cache', { stage: 'pdf annexes' });
        out.push(...step.written);
      }
      for (const lang of languages) {
        const step = await cachedStep(cache, cache ? scopedKey(cache, { lang, languages }, 'pdf') : '', staging, ownsPdf, report, async (r) => {
          const pdfs = await pdfModule();
          // Stamped by this build, or written from the cache above: the same bytes either way.
          stamped ??= hasPdfAnnexes ? await pdfs.readStampedAnnexes(model, staging) : new Map();
          return pdfs.buildLanguagePdfs(model, lang, stamped, staging, { onProgress: progress, onDiagnostic: r });
        });
        if (step.hit) progress(`PDFs (${lang}): sources unchanged, reused from the cache`, { stage: 'pdf', lang });
        else if (cache) await writeSopLayoutFacts(cache, lang, languages, await sopLayoutFacts(model, lang));
        out.push(...step.written);
      }
      for (const released of opts.versions ?? []) {
        if (released.manifest.version === model.manifest.version) continue;
        out.push(...(await releasedPdfs(released, outDir, staging, progress)));
      }
      return out;
    };
    const posterStep = async (report: (d: Diagnostic) => void): Promise<string[]> => {
      const posterDiagnostics: Diagnostic[] = [];
      const step = await cachedStep(cache, cache ? scopedKey(cache, { shared: languages }, 'posters') : '', staging, (f) => f.startsWith('posters/'), report, async (r) => {
        const onDiagnostic = (d: Diagnostic) => {
          posterDiagnostics.push(d);
          r(d);
        };
        if (pool) return pool.run(task('posters'), progress, onDiagnostic);
        const { buildPosters } = await import('../posters/index.js');
        return buildPosters(model, staging, { onProgress: progress, onDiagnostic });
      });
      // What buildPosters reports is what checkPosters returns (the same composition): `check` reuses it.
      if (step.hit) progress('posters: sources unchanged, reused from the cache', { stage: 'posters' });
      else if (cache) await writePosterFacts(cache, languages, posterDiagnostics);
      return step.written;
    };
    const siteStep = async (report: (d: Diagnostic) => void): Promise<string[]> => {
      // The pages of unchanged frozen releases are copied from the previous dist/ (keyed
      // by release.json, the version list and the engine) instead of rendered again.
      // The site links the PDFs and posters built with it (placed in site/downloads/), and
      // lists every released version; so it waits for the steps that make those files.
      const downloads = downloadable((await Promise.all(before)).flat());
      const siteKey = cache ? entryKey(cache, 'site', ...downloads, ...(await versionKeys(opts.versions ?? []))) : '';
      const owns = (f: string) => f.startsWith('site/') || f.startsWith('.cache/site-');
      const step = await cachedStep(cache, siteKey, staging, owns, report, async (r) => {
        if (pool) return pool.run({ ...task('site'), downloads }, progress, r);
        const { buildSite } = await import('./site.js');
        return buildSite(model, staging, { onProgress: progress, versions: opts.versions, previousDir: outDir, downloads });
      });
      if (step.hit) progress('site: sources unchanged, reused from the cache', { stage: 'site' });
      return [...step.written, ...(await placeDownloads(staging, downloads))];
    };
    // Serial: one step after the other. Parallel: the posters start on a worker, the PDFs
    // run here, and the site (which links both) follows on a worker; a failure of any step
    // fails the build as before.
    const run = [targets.has('pdf') && pdfStep, targets.has('posters') && posterStep, targets.has('site') && siteStep].filter((f): f is (r: (d: Diagnostic) => void) => Promise<string[]> => Boolean(f));
    const reportTo = run.map(() => reporter());
    if (pool) {
      for (let i = run.length - 1; i >= 0; i--) if (run[i] !== siteStep) before.push((steps[i] = run[i]!(reportTo[i]!)));
      const site = run.indexOf(siteStep);
      if (site >= 0) steps[site] = siteStep(reportTo[site]!);
      const settled = await Promise.allSettled(steps);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      for (const s of settled) files.push(...(s as PromiseFulfilledResult<string[]>).value);
    } else {
      for (const [i, step] of run.entries()) {
        // What the step before made is mostly garbage now: collect it before the next step
        // piles up on top (peak RSS of the example 333 -> 282 MB; ../collect-garbage.ts).
        if (i > 0) collectGarbage();
        const p = step(reportTo[i]!);
        before.push(p);
        files.push(...(await p));
      }
    }
    for (const list of stepDiagnostics) list.forEach((d) => opts.onDiagnostic?.(d));
    if (targets.has('docx')) {
      // The Word writer (and the docx library) load only when asked for.
      const { buildDocx } = await import('../word/export/build.js');
      files.push(...(await buildDocx(model, staging, { onProgress: progress, onDiagnostic: opts.onDiagnostic })));
    }
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
  } finally {
    await pool?.close();
  }
  return { outDir, files: files.map((f) => f.split(path.sep).join('/')).sort() };
}

/** The PDFs and posters among the built files (`pdf/…`, `posters/…`, `/`-separated), sorted. */
function downloadable(built: string[]): string[] {
  return built.map((f) => f.split(path.sep).join('/')).filter((f) => /^(pdf|posters)\/[^/]+\.pdf$/.test(f)).sort();
}

/** The released versions a site lists, as key parts: version, root and release.json hash. */
async function versionKeys(versions: SopModel[]): Promise<string[]> {
  return Promise.all(versions.map(async (v) => `${v.manifest.version}\0${v.root}\0${(await releaseHash(v)) ?? 'none'}`));
}

/** What `check` needs from the SOP's layout in `lang`; the PDFs just laid it out (`layoutSop` keeps it per model). */
async function sopLayoutFacts(model: SopModel, lang: string): Promise<SopLayoutFacts> {
  const { layoutSop } = await import('../layout/index.js');
  const l = await layoutSop(model, lang);
  return { bodyPages: l.bodyPages, diagramFit: l.diagnostics.filter((d) => d.rule === 'diagram-fit') };
}

/**
 * The PDFs and posters of this build, also under `site/downloads/` (hard links where the
 * file system allows, copies elsewhere), so the site folder alone works from a USB stick;
 * its pages link there.
 */
async function placeDownloads(staging: string, downloads: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const rel of downloads) {
    const to = path.join(staging, 'site', 'downloads', ...rel.split('/'));
    await mkdir(path.dirname(to), { recursive: true });
    await link(path.join(staging, ...rel.split('/')), to).catch(() => copyFile(path.join(staging, ...rel.split('/')), to));
    out.push(`site/downloads/${rel}`);
  }
  return out;
}
