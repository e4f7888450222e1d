// The fuzz lane's in-process engine (issue 10, part 5): one generated document is written
// into a throw-away SOP folder and driven through the library the way the CLI drives it —
// load, every check rule, the PDF layout of each language (what `check`'s page budget and
// `build` do), the site page, the verify word list — with the CLI's error → exit mapping
// (src/cli/run.ts: a SopkitError exits with its code, anything else is exit 70, a bug).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPdfs } from '../../src/build/pdfs.js';
import { runRules } from '../../src/check/index.js';
import { isSopkitError, SopkitError, type Diagnostic } from '../../src/diag/index.js';
import { layoutSop } from '../../src/layout/index.js';
import { depthDiagnostic } from '../../src/markdown/index.js';
import { fingerprintText, loadSop, parseYamlWithPositions, splitFrontMatter, type SopModel } from '../../src/model/index.js';
import { loadProfile } from '../../src/model/profile.js';
import type { Annex, Manifest, Section } from '../../src/model/types.js';
import { checkPosters } from '../../src/posters/index.js';
import { validateData } from '../../src/validate/index.js';
import { renderSopPage } from '../../src/site/page.js';
import { orderVersions } from '../../src/site/versions.js';
import { markdownWords } from '../../src/verify/source-words.js';
import { treeOf } from '../../src/document/index.js';
import { baseFiles, synced } from '../check/fixture.js';
import { missingTool } from '../helpers/tools.js';
import { ROOT } from '../cli/cli.js';

export type FileContent = string | Uint8Array | null;
export type FileSet = Record<string, FileContent>;

/** The base SOP of every run: the mini fixture plus the example's data files and PDF annex. */
export function baseSop(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { ...synced(baseFiles()) };
  for (const f of readdirSync(path.join(ROOT, 'sop-sources/data'))) files[`data/${f}`] = readFileSync(path.join(ROOT, 'sop-sources/data', f), 'utf8');
  files['annexes/02-dpia.yaml'] = readFileSync(path.join(ROOT, 'sop-sources/annexes/02-dpia.yaml'), 'utf8');
  files['annexes/02-dpia.pdf'] = readFileSync(path.join(ROOT, 'sop-sources/annexes/02-dpia.pdf'));
  return files;
}

/** A folder holding the base SOP, changed per run and put back after it. */
export class World {
  readonly dir: string;
  readonly base: Record<string, string | Uint8Array>;
  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-fuzz-'));
    this.base = baseSop();
    for (const [rel, content] of Object.entries(this.base)) this.write(rel, content);
  }
  private write(rel: string, content: FileContent): void {
    const abs = path.join(this.dir, rel);
    if (content === null) {
      rmSync(abs, { force: true, recursive: true });
      return;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  /** Applies `files`, runs `fn`, then restores the base SOP (and removes dist/). */
  async with<T>(files: FileSet, fn: (dir: string) => Promise<T>): Promise<T> {
    for (const [rel, c] of Object.entries(files)) this.write(rel, c);
    try {
      return await fn(this.dir);
    } finally {
      for (const rel of Object.keys(files)) this.write(rel, this.base[rel] ?? null);
      rmSync(path.join(this.dir, 'dist'), { recursive: true, force: true });
    }
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Outcome {
  exit: number;
  /** The message of an exception that was not a SopkitError (exit 70): a sopkit bug. */
  crash?: string;
  stack?: string;
  diagnostics: Diagnostic[];
  /** PDFs written when `pdf` was asked and the sources had no error (as `build` would). */
  pdfs: string[];
}

export interface RunOptions {
  /** Run the PDF layout of every language (what check's page budget and build do). */
  layout?: boolean;
  /** Render the site page of every language. */
  site?: boolean;
  /** Write the PDFs into `DIR/dist/pdf` when the sources have no error. */
  pdf?: boolean;
}

/** One run through the library, mapped to an exit code as the CLI maps it. */
export async function runInProcess(dir: string, opts: RunOptions = {}): Promise<Outcome> {
  const diagnostics: Diagnostic[] = [];
  let pdfs: string[] = [];
  try {
    const loaded = await loadSop(dir);
    const model: SopModel = loaded.model;
    diagnostics.push(...(await runRules(model, loaded.diagnostics, { today: '2026-11-25' })));
    for (const s of [...model.sections, ...model.annexes]) if ('body' in s) markdownWords(treeOf(model, s));
    if (opts.layout !== false) for (const lang of model.manifest.languages) diagnostics.push(...(await layoutSop(model, lang)).diagnostics);
    if (opts.site) {
      const versions = orderVersions([model]);
      for (const lang of model.manifest.languages) await renderSopPage({ versions, current: versions[0]!, lang, file: 'index.html' });
    }
    const loadErrors = loaded.diagnostics.some((d) => d.severity === 'error');
    if (opts.pdf && !loadErrors) {
      pdfs = (await buildPdfs(model, path.join(dir, 'dist'), { onDiagnostic: (d) => diagnostics.push(d) })).map((f) => path.join(dir, 'dist', f));
    }
    return { exit: diagnostics.some((d) => d.severity === 'error') ? 1 : 0, diagnostics, pdfs };
  } catch (e) {
    if (isSopkitError(e)) return { exit: e.exitCode, diagnostics: [...diagnostics, ...e.diagnostics], pdfs };
    const err = e as Error;
    return { exit: 70, crash: err?.message ?? String(e), stack: err?.stack, diagnostics, pdfs };
  }
}

/** Whether qpdf is installed; when not, the PDF check is skipped with the reason printed (a failure in CI). */
export function hasQpdf(): boolean {
  return !missingTool('qpdf');
}

/** `qpdf --check` of one file: undefined when clean, else its output. */
export function qpdfProblem(file: string): string | undefined {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  // Only a clean file passes (exit 0): sopkit's PDFs pass without warnings (docs/pdf.md).
  if (r.status === 0) return undefined;
  return `qpdf --check ${path.basename(file)} exited ${r.status}:\n${r.stdout}${r.stderr}`;
}

/** The number of runs: FUZZ_RUNS overrides the lane's default (e.g. FUZZ_RUNS=100000 locally). */
export function fuzzRuns(defaultRuns: number, share = 1): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.max(1, Math.round(env * share)) : defaultRuns;
}

/**
 * Runs one lane: `numRuns` generated cases through `check`, with a time budget when
 * FUZZ_TIME_LIMIT_S is set (the local 100,000 run stops there and says how many it did).
 * Prints `fuzz <lane>: N runs in T s` (and appends it to FUZZ_REPORT when set); a failing
 * case is shrunk and thrown with its seed, so it can be replayed (FUZZ_SEED, FUZZ_PATH).
 */
export async function runLane<T>(lane: string, arb: import('fast-check').Arbitrary<T>, numRuns: number, check: (value: T) => Promise<void>): Promise<number> {
  const fc = (await import('fast-check')).default;
  const limit = Number(process.env.FUZZ_TIME_LIMIT_S);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const started = Date.now();
  let ran = 0;
  const details = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      ran++;
      await check(v);
    }),
    {
      numRuns,
      seed,
      path: process.env.FUZZ_PATH,
      endOnFailure: process.env.FUZZ_SHRINK === '0',
      ...(Number.isFinite(limit) && limit > 0 ? { interruptAfterTimeLimit: limit * 1000, markInterruptAsFailure: false } : {}),
    },
  );
  const secs = (Date.now() - started) / 1000;
  const line = `fuzz ${lane}: ${details.numRuns} runs${details.interrupted ? ' (stopped by the time budget)' : ''} in ${secs.toFixed(1)} s (seed ${details.seed}${details.failed ? `, FAILED after ${details.numRuns} runs, ${ran} calls with shrinking` : ''})`;
  process.stdout.write(`${line}\n`);
  if (process.env.FUZZ_REPORT) (await import('node:fs')).appendFileSync(process.env.FUZZ_REPORT, `${new Date().toISOString()} ${line}\n`);
  if (details.failed) {
    const err = details.errorInstance as Error | undefined;
    throw new Error(`${line}\ncounterexample (replay with FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath}):\n${JSON.stringify(details.counterexample, null, 1).slice(0, 4000)}\n${err?.message ?? ''}`);
  }
  return details.numRuns;
}

export interface Loaded {
  model: SopModel;
  diagnostics: Diagnostic[];
}

/**
 * The light run, for the bulk of the lane: one changed file is read into the already
 * loaded base model with the loader's own steps (front-matter split, YAML with positions,
 * schema validation, the Markdown depth check: the calls src/model/load.ts makes), then
 * every check rule (`rules`), the verify word list (which parses the Markdown) and
 * (`layout`) the PDF layout of `lang` and (`posters`), for data and manifest changes, the
 * poster fit check (check's R1 and R10). Same exit mapping as `runInProcess`; no disk.
 */
export async function runLight(base: Loaded, file: string, text: string, lang: string, opts: { rules?: boolean; layout?: boolean; posters?: boolean } = {}): Promise<Outcome> {
  const { rules = true, layout = true, posters = layout } = opts;
  const diagnostics: Diagnostic[] = [];
  try {
    const loadDiags = base.diagnostics.filter((d) => d.file !== file && d.file !== `front-matter of ${file}`);
    let model: SopModel = base.model;
    const md = /^(sections|annexes)\/([^/]+)\/(.+\.md)$/.exec(file);
    if (md) {
      const split = splitFrontMatter(text, file);
      loadDiags.push(...split.diagnostics);
      const deep = depthDiagnostic(split.body, file, split.bodyLine);
      if (deep) loadDiags.push(deep);
      const fm = split.frontMatter;
      const common = { file, lang: md[2]!, name: md[3]!, frontMatter: fm, positions: split.positions, body: split.body, bodyLine: split.bodyLine, fingerprint: fingerprintText(split.body) };
      if (md[1] === 'sections') {
        loadDiags.push(...validateData('section', fm, split.positions, `front-matter of ${file}`));
        const s = { kind: 'section', ...common, component: typeof fm.component === 'string' ? fm.component : undefined, title: typeof fm.title === 'string' ? fm.title : undefined, order: typeof fm.order === 'number' ? fm.order : undefined } as Section;
        model = { ...model, sections: [...model.sections.filter((x) => x.file !== file), s] };
      } else {
        loadDiags.push(...validateData('annex', fm, split.positions, `front-matter of ${file}`));
        const a = { kind: 'markdown-annex', ...common, number: typeof fm.annex === 'number' ? fm.annex : undefined, title: typeof fm.title === 'string' ? fm.title : undefined } as Annex;
        model = { ...model, annexes: [...model.annexes.filter((x) => x.file !== file), a] };
      }
    } else if (file === 'sop.yaml') {
      const y = parseYamlWithPositions(text, file);
      if (y.diagnostics.length) throw new SopkitError(y.diagnostics);
      if (!y.value || typeof y.value !== 'object' || Array.isArray(y.value)) throw new SopkitError([]);
      const errors = validateData('sop', y.value, y.positions, file);
      if (errors.length) throw new SopkitError(errors);
      const manifest = y.value as Manifest;
      model = { ...model, manifest, manifestPositions: y.positions, profile: await loadProfile(model.root, manifest.profile) };
    } else {
      const y = parseYamlWithPositions(text, file);
      loadDiags.push(...y.diagnostics);
      const name = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
      if (file.startsWith('data/')) {
        const data = { ...model.data };
        if (y.diagnostics.length) delete data[name];
        else {
          loadDiags.push(...validateData(name, y.value, y.positions, file));
          data[name] = { name, file, value: y.value, positions: y.positions };
        }
        model = { ...model, data };
      } else if (!y.diagnostics.length) {
        const fm = (y.value ?? {}) as Record<string, unknown>;
        loadDiags.push(...validateData('annex', fm, y.positions, file));
        const a = { kind: 'pdf-annex', file, pdf: `annexes/${typeof fm.file === 'string' ? fm.file : `${name}.pdf`}`, number: typeof fm.annex === 'number' ? fm.annex : undefined, title: fm.title, language: typeof fm.language === 'string' ? fm.language : undefined, frontMatter: fm, positions: y.positions } as Annex;
        model = { ...model, annexes: [...model.annexes.filter((x) => x.file !== file), a] };
      }
    }
    if (rules) diagnostics.push(...(await runRules(model, loadDiags, { today: '2026-11-25' })));
    else diagnostics.push(...loadDiags);
    if (md) for (const s of [...model.sections, ...model.annexes]) if (s.file === file && 'body' in s) markdownWords(treeOf(model, s));
    if (layout && model.manifest.languages.includes(lang)) diagnostics.push(...(await layoutSop(model, lang)).diagnostics);
    if (posters && !md && !diagnostics.some((d) => d.rule === 'schema' && d.severity === 'error' && (d.file ?? '').startsWith('data/'))) diagnostics.push(...(await checkPosters(model)));
    return { exit: diagnostics.some((d) => d.severity === 'error') ? 1 : 0, diagnostics, pdfs: [] };
  } catch (e) {
    if (isSopkitError(e)) return { exit: e.exitCode, diagnostics: [...diagnostics, ...e.diagnostics], pdfs: [] };
    const err = e as Error;
    return { exit: 70, crash: err?.message ?? String(e), stack: err?.stack, diagnostics, pdfs: [] };
  }
}
