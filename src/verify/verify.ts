/**
 * `sopkit verify`: proves R3/R4 by reading every page of the built PDFs back and
 * looking for the header that `pageHeader()` defines (the same function the PDF engine
 * and the posters use to write it).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, isSopkitError, SopkitError, type Diagnostic } from '../diag/index.js';
import { pathExists, toPosix } from '../fs/index.js';
import { pageHeader } from '../i18n/index.js';
import { loadSop } from '../model/index.js';
import type { Manifest, SopModel } from '../model/types.js';
import { classifyPdf, type PdfKind } from './classify.js';
import { pageText, readPdfText, topText } from './extract.js';
import { placeText, prepareArea, type Placement } from './match.js';
import { normalizeText } from './normalize.js';

export interface VerifyOptions {
  /** The SOP folder (holds sop.yaml). Default: the folder that contains the `dist` folder, else the current folder. */
  dir?: string;
  /** Language of the PDFs, overriding what their names say. */
  lang?: string;
  /** Annex number, overriding what the names say (the files are then checked as annexes). */
  annex?: number;
  /** Base for relative paths and for messages. Default: process.cwd(). */
  cwd?: string;
  /** Height of the header area, as a fraction of the page height. Default 0.15. */
  headerFraction?: number;
}

/** One header a page may carry: the SOP's, or an annex's, in one language. */
export interface ExpectedHeader {
  lang: string;
  annex?: number;
  title: string;
  stamp: string;
}

export interface PageFailure {
  page: number;
  /** What is missing: `title`, `stamp` or both. */
  missing: Array<'title' | 'stamp'>;
  /** The header the page came closest to carrying. */
  expected: ExpectedHeader;
  message: string;
  /** The start of the header area's text as extracted, to show what is there instead. */
  found: string;
}

export interface PageNote {
  page: number;
  message: string;
}

export interface FileResult {
  /** Path as shown to the user (relative to cwd, `/`-separated). */
  file: string;
  kind: PdfKind;
  /** Languages tried (one when the name or --lang says which). */
  langs: string[];
  annex?: number;
  pages: number;
  passed: boolean;
  failures: PageFailure[];
  /** Problems with the file as a whole (e.g. named for another version). */
  problems: string[];
  /** Headers found only outside the header area. */
  notes: PageNote[];
  /** Set when the file could not be read at all (exit 2). */
  error?: Diagnostic;
}

export interface VerifyResult {
  /** SOP folder as shown to the user. */
  sopDir: string;
  files: FileResult[];
  /** 0: every page carries its header; 1: some page does not; 2: some input is unusable. */
  exitCode: 0 | 1 | 2;
}

function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return toPosix(rel === '' ? '.' : rel);
}


/** The SOP folder for a target: `--dir`, else the parent of an enclosing `dist`, else cwd, else the nearest folder up with sop.yaml. */
export async function findSopDir(targetAbs: string, cwd: string, dir?: string): Promise<string> {
  if (dir) return path.resolve(cwd, dir);
  let p = targetAbs;
  for (;;) {
    const parent = path.dirname(p);
    if (path.basename(p) === 'dist' && (await pathExists(path.join(parent, 'sop.yaml')))) return parent;
    if (parent === p) break;
    p = parent;
  }
  if (await pathExists(path.join(cwd, 'sop.yaml'))) return cwd;
  p = targetAbs;
  for (;;) {
    if (await pathExists(path.join(p, 'sop.yaml'))) return p;
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  throw new SopkitError(
    diagnostic('sop-folder-missing', 'error', `cannot tell which SOP ${shown(targetAbs, cwd)} belongs to: there is no sop.yaml above it or in the current folder`, undefined, 'Pass the SOP folder with --dir, e.g. `sopkit verify dist/ --dir my-sop`.'),
  );
}

/** Every `.pdf` below a folder, sorted, skipping hidden folders and node_modules. */
async function listPdfs(dirAbs: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(full);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.pdf')) out.push(full);
    }
  };
  await walk(dirAbs);
  return out;
}

/** Annex numbers the SOP knows, with the language an external annex is written in. */
function annexNumbers(model: SopModel, lang: string): Array<{ n: number; lang: string }> {
  const seen = new Map<number, string>();
  for (const a of model.annexes) {
    if (a.number === undefined) continue;
    if (a.kind === 'markdown-annex' && a.lang === lang) seen.set(a.number, lang);
    if (a.kind === 'pdf-annex' && !seen.has(a.number)) seen.set(a.number, a.language ?? lang);
  }
  return [...seen].sort((a, b) => a[0] - b[0]).map(([n, l]) => ({ n, lang: l }));
}

function expectedHeaders(model: SopModel, manifest: Manifest, kind: PdfKind, langs: string[], annex: number | undefined, annexLangFixed: boolean): ExpectedHeader[] {
  const out: ExpectedHeader[] = [];
  for (const lang of langs) {
    if (kind === 'annex' || (kind !== 'pack' && annex !== undefined)) {
      out.push({ lang, annex, ...pageHeader(manifest, lang, annex) });
      continue;
    }
    out.push({ lang, ...pageHeader(manifest, lang) });
    if (kind === 'pack') {
      for (const a of annexNumbers(model, lang)) {
        const l = annexLangFixed ? lang : a.lang;
        out.push({ lang: l, annex: a.n, ...pageHeader(manifest, l, a.n) });
      }
      if (annex !== undefined && !out.some((h) => h.annex === annex)) out.push({ lang, annex, ...pageHeader(manifest, lang, annex) });
    }
  }
  return out;
}

/**
 * In a pack, a page whose header area starts an annex header ("Annex 2 — ", "الملحق ٢ — ")
 * is an annex page: it must carry that annex's full header, and the SOP header
 * elsewhere in its text does not make up for it.
 */
function pageCandidates(candidates: ExpectedHeader[], headerText: string): ExpectedHeader[] {
  const annexPage = candidates.filter((h) => h.annex !== undefined && headerText.includes(`${normalizeText(h.title.split(' — ')[0]!)} —`));
  return annexPage.length ? annexPage : candidates;
}

function partName(part: 'title' | 'stamp', h: ExpectedHeader): string {
  if (h.annex === undefined) return part === 'title' ? 'title' : 'version stamp';
  return part === 'title' ? 'annex header' : 'annex date';
}

const AREA_NOTE = (fraction: number) => `outside the top ${Math.round(fraction * 100)}% of the page`;

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n).join('')}…`;
}

interface Loaded {
  model: SopModel;
  manifest: Manifest;
}

/**
 * Verifies one file or every PDF below a folder. Never throws for a bad PDF: that file
 * gets an `error` and the result exit code 2. Throws `SopkitError` when the target does
 * not exist or the SOP folder cannot be found or loaded.
 */
const builtVersions = new Map<string, string | undefined>();

/**
 * The version a build folder holds, from the `build.json` that `sopkit build` writes at
 * its top (looked for from `dir` up to the SOP folder). Files whose names carry no version
 * (posters) are of that version: after `release 1.1`, dist/ holds 1.1, not the draft.
 */
async function builtVersion(dir: string, sopDir: string): Promise<string | undefined> {
  if (builtVersions.has(dir)) return builtVersions.get(dir);
  let found: string | undefined;
  try {
    const v = (JSON.parse(await readFile(path.join(dir, 'build.json'), 'utf8')) as { version?: unknown }).version;
    if (typeof v === 'string') found = v;
  } catch {
    const up = path.dirname(dir);
    if (up !== dir && dir !== path.resolve(sopDir) && up.startsWith(path.resolve(sopDir))) found = await builtVersion(up, sopDir);
  }
  builtVersions.set(dir, found);
  return found;
}

export async function verifyPdfs(target: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  builtVersions.clear();
  const fraction = options.headerFraction ?? 0.15;
  const targetAbs = path.resolve(cwd, target);
  let st;
  try {
    st = await stat(targetAbs);
  } catch {
    throw new SopkitError(diagnostic('file-missing', 'error', `${toPosix(target)} does not exist`, undefined, 'Pass a PDF file or a folder of PDFs, e.g. `sopkit verify dist/` after `sopkit build`.'));
  }
  const files = st.isDirectory() ? await listPdfs(targetAbs) : [targetAbs];
  if (files.length === 0) {
    throw new SopkitError(diagnostic('no-pdf', 'error', `there are no PDF files in ${shown(targetAbs, cwd)}`, undefined, 'Build them first with `sopkit build`, then run `sopkit verify dist/`.'));
  }
  const sopDir = await findSopDir(targetAbs, cwd, options.dir);
  const current = await loadSop(sopDir);
  if (options.lang && !current.model.manifest.languages.includes(options.lang)) {
    const langs = current.model.manifest.languages;
    throw new SopkitError(diagnostic('usage', 'error', `--lang ${options.lang} is not one of this SOP's languages (${langs.join(', ')})`, { file: shown(path.join(sopDir, 'sop.yaml'), cwd) }, `Use one of ${langs.map((l) => `--lang ${l}`).join(', ')}, or leave --lang out to take the language from the file names.`));
  }
  const byVersion = new Map<string, Loaded | undefined>([[current.model.manifest.version, { model: current.model, manifest: current.model.manifest }]]);
  const forVersion = async (v: string): Promise<Loaded | undefined> => {
    if (byVersion.has(v)) return byVersion.get(v);
    // An older release's PDFs carry that release's header: read its frozen sources.
    const frozen = path.join(sopDir, 'releases', v);
    let loaded: Loaded | undefined;
    if (await pathExists(path.join(frozen, 'sop.yaml'))) {
      try {
        const r = await loadSop(frozen);
        loaded = { model: r.model, manifest: r.model.manifest };
      } catch {
        loaded = undefined;
      }
    }
    byVersion.set(v, loaded);
    return loaded;
  };

  const results: FileResult[] = [];
  for (const abs of files) {
    const file = shown(abs, cwd);
    const id = classifyPdf(file);
    const kind: PdfKind = options.annex !== undefined && id.kind !== 'pack' ? 'annex' : id.kind;
    const annex = options.annex ?? id.annex;
    const result: FileResult = { file, kind, langs: [], pages: 0, passed: false, failures: [], problems: [], notes: [] };
    if (annex !== undefined) result.annex = annex;
    results.push(result);

    const version = id.version ?? (await builtVersion(path.dirname(abs), sopDir)) ?? current.model.manifest.version;
    const loaded = await forVersion(version);
    if (!loaded) {
      result.problems.push(`${file} is named for version ${version}, but sop.yaml is version ${current.model.manifest.version} and there is no releases/${version}/ to compare with`);
      continue;
    }
    const { model, manifest } = loaded;
    const known = manifest.languages;
    let langs: string[];
    let annexLangFixed = false;
    if (options.lang) {
      langs = [options.lang];
      annexLangFixed = true;
    } else if (id.lang && known.includes(id.lang)) {
      langs = [id.lang];
    } else if (kind === 'annex' && annex !== undefined) {
      const ext = model.annexes.find((a) => a.kind === 'pdf-annex' && a.number === annex);
      const l = ext?.kind === 'pdf-annex' ? ext.language : undefined;
      langs = l ? [l] : [...known];
    } else langs = [...known];
    result.langs = langs;
    const candidates = expectedHeaders(model, manifest, kind, langs, annex, annexLangFixed);

    let pages;
    try {
      pages = await readPdfText(await readFile(abs), file);
    } catch (e) {
      if (isSopkitError(e)) result.error = e.diagnostic;
      else result.error = diagnostic('pdf-unreadable', 'error', `${file} cannot be read (${(e as Error)?.message ?? String(e)})`, { file }, 'Check that the file is a complete PDF and that you may read it.');
      continue;
    }
    result.pages = pages.length;
    for (const page of pages) {
      const top = topText(page, fraction);
      const header = prepareArea(top);
      const whole = prepareArea(pageText(page));
      let best: { h: ExpectedHeader; title: Placement; stamp: Placement } | undefined;
      const rank = (t: Placement, s: Placement) => (t !== 'missing' && s !== 'missing' ? 10 : 0) + (t === 'header' ? 2 : t === 'page' ? 1 : 0) + (s === 'header' ? 2 : s === 'page' ? 1 : 0);
      for (const h of pageCandidates(candidates, header.spaced)) {
        const title = placeText(h.title, header, whole);
        const stamp = placeText(h.stamp, header, whole);
        if (!best || rank(title, stamp) > rank(best.title, best.stamp)) best = { h, title, stamp };
        if (title === 'header' && stamp === 'header') break;
      }
      if (!best) continue;
      const missing = (['title', 'stamp'] as const).filter((p) => best[p] === 'missing');
      if (missing.length) {
        const q = (s: string) => `"${normalizeText(s)}"`;
        const what = missing.length === 2
          ? `no header: neither the ${partName('title', best.h)} ${q(best.h.title)} nor the ${partName('stamp', best.h)} ${q(best.h.stamp)}`
          : `no ${partName(missing[0]!, best.h)} ${q(best.h[missing[0]!])}`;
        result.failures.push({ page: page.number, missing: [...missing], expected: best.h, message: `page ${page.number} of ${file} has ${what}`, found: clip(normalizeText(top), 160) });
      } else {
        const outside = (['title', 'stamp'] as const).filter((p) => best[p] === 'page').map((p) => partName(p, best.h));
        if (outside.length) result.notes.push({ page: page.number, message: `page ${page.number} of ${file}: the ${outside.join(' and the ')} ${outside.length > 1 ? 'were' : 'was'} found ${AREA_NOTE(fraction)}` });
      }
    }
    result.passed = result.failures.length === 0 && result.problems.length === 0;
  }
  const exitCode = results.some((r) => r.error) ? 2 : results.every((r) => r.passed) ? 0 : 1;
  return { sopDir: shown(sopDir, cwd), files: results, exitCode };
}
