import path from 'node:path';
import { stat } from 'node:fs/promises';
import { diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { checkSourcePath, listDir, readSourceText, toPosix } from '../fs/index.js';
import { depthDiagnostic } from '../markdown/limits.js';
import { enumDiagnostic, validateData, schemaNames } from '../validate/index.js';
import { fingerprintText } from './fingerprint.js';
import { splitFrontMatter } from './front-matter.js';
import { loadProfile } from './profile.js';
import { dataSchemaOf } from './poster-kinds.js';
import { profileContexts } from './profile-roles.js';
import type { Annex, DataFile, Manifest, MarkdownAnnex, PdfAnnex, PositionMap, Section, SopModel } from './types.js';
import { parseYamlWithPositions } from './yaml.js';
import { compareText } from '../order.js';

export interface LoadResult {
  model: SopModel;
  /** Problems found while reading (syntax, schema, encoding); `check` adds its rules' on top. */
  diagnostics: Diagnostic[];
}

/** Data files that are not SOP data but something else with a schema. */
const NOT_DATA = new Set(['sop', 'section', 'annex', 'profile', 'localized']);

/**
 * Reads an SOP folder into one typed model. Content problems come back as diagnostics;
 * only input that leaves nothing to check (no folder, no or unreadable `sop.yaml`, an
 * unknown profile) throws `SopkitError` (exit 2).
 */
export async function loadSop(dir: string): Promise<LoadResult> {
  const root = path.resolve(dir);
  const shown = toPosix(dir) || '.';
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new SopkitError(diagnostic('sop-folder-missing', 'error', `the folder "${shown}" does not exist or is not a folder`, undefined, 'Pass the folder that holds sop.yaml, e.g. `sopkit check sop-sources`, or create one with `sopkit init my-sop`.'));
  }
  const diagnostics: Diagnostic[] = [];

  const read = await readSourceText(root, 'sop.yaml');
  if (!read.ok) {
    if (read.diagnostic.rule === 'file-missing') {
      throw new SopkitError(diagnostic('manifest-missing', 'error', `there is no sop.yaml in "${shown}"`, undefined, 'Pass the folder that holds sop.yaml, or create a new SOP with `sopkit init my-sop`.'));
    }
    throw new SopkitError(read.diagnostic);
  }
  const y = parseYamlWithPositions(read.text, 'sop.yaml');
  if (y.diagnostics.length) throw new SopkitError(y.diagnostics);
  if (!y.value || typeof y.value !== 'object' || Array.isArray(y.value)) {
    throw new SopkitError(diagnostic('schema', 'error', 'sop.yaml is empty or is not a block of keys', { file: 'sop.yaml', line: 1, column: 1 }, 'Start from the template: `sopkit init my-sop` writes a complete sop.yaml.'));
  }
  const manifestErrors = validateData('sop', y.value, y.positions, 'sop.yaml');
  if (manifestErrors.length) throw new SopkitError(manifestErrors);
  const manifest = y.value as Manifest;
  const agencyAt = new Map<string, number>();
  manifest.agencies.forEach((a, i) => {
    const first = agencyAt.get(a.id);
    if (first === undefined) agencyAt.set(a.id, i);
    else {
      const line = y.positions.at(`/agencies/${first}/id`).line;
      diagnostics.push(diagnostic('agency-duplicate', 'error', `the agency id "${a.id}" is used twice in sop.yaml: agencies[${first + 1}] (line ${line}) and agencies[${i + 1}]`, y.positions.at(`/agencies/${i}/id`),
        'Each agency needs its own id: rename one of the two (sections\' owner:, services and endorsements name agencies by it), or merge the two entries.'));
    }
  });
  const profile = await loadProfile(root, manifest.profile);
  // The schema cannot list the contexts: each profile has its own.
  const contexts = profileContexts(profile);
  if (!contexts.includes(manifest.context)) throw new SopkitError(enumDiagnostic(y.value, '/context', contexts, y.positions, 'sop.yaml'));

  const sections: Section[] = [];
  const annexes: Annex[] = [];
  /** Where each Markdown file's problems sit in `diagnostics` (see `fileParts`). */
  const parts = new Map<string, DiagnosticSpan>();
  for (const lang of manifest.languages) {
    const folder = `sections/${lang}`;
    const outside = diagnostics.length;
    const entries = await listDir(root, folder, (d) => diagnostics.push(d));
    if (entries.length === 0 && diagnostics.length === outside) {
      diagnostics.push(diagnostic('language-folder-missing', 'error', `there are no sections for language "${lang}" (folder ${folder}/ is missing or empty)`, { ...y.positions.at(`/languages/${manifest.languages.indexOf(lang)}`) }, `Create ${folder}/ with one Markdown file per component, or remove "${lang}" from languages in sop.yaml.`));
    }
    for (const e of entries) {
      if (!e.name.endsWith('.md')) continue;
      const from = diagnostics.length;
      const section = await readLanguageMarkdown(root, `${folder}/${e.name}`, lang, 'section', diagnostics);
      if (!section) continue;
      sections.push(section);
      parts.set(section.file, { from, to: diagnostics.length });
    }
    for (const e of await listDir(root, `annexes/${lang}`, (d) => diagnostics.push(d))) {
      if (!e.name.endsWith('.md')) continue;
      const from = diagnostics.length;
      const annex = await readLanguageMarkdown(root, `annexes/${lang}/${e.name}`, lang, 'markdown-annex', diagnostics);
      if (!annex) continue;
      annexes.push(annex);
      parts.set(annex.file, { from, to: diagnostics.length });
    }
  }
  for (const e of await listDir(root, 'annexes', (d) => diagnostics.push(d))) {
    if (!e.isFile || !/\.ya?ml$/.test(e.name)) continue;
    const file = `annexes/${e.name}`;
    const py = await readYaml(root, file, diagnostics);
    if (!py) continue;
    const fm = (py.value ?? {}) as Record<string, unknown>;
    diagnostics.push(...validateData('annex', fm, py.positions, file));
    const pdfName = typeof fm.file === 'string' ? fm.file : e.name.replace(/\.ya?ml$/, '.pdf');
    // The links-and-paths policy for the PDF itself (a missing PDF is the annex-pdf rule's).
    const pdfPath = await checkSourcePath(root, `annexes/${pdfName}`);
    if (!pdfPath.ok && !pdfPath.missing) diagnostics.push({ ...pdfPath.diagnostic, ...(py.positions.has('/file') ? { ...py.positions.at('/file'), file } : {}) });
    const annex: PdfAnnex = {
      kind: 'pdf-annex',
      file,
      pdf: `annexes/${pdfName}`,
      number: typeof fm.annex === 'number' ? fm.annex : undefined,
      title: typeof fm.title === 'string' || (fm.title && typeof fm.title === 'object') ? (fm.title as PdfAnnex['title']) : undefined,
      language: typeof fm.language === 'string' ? fm.language : undefined,
      frontMatter: fm,
      positions: py.positions,
    };
    annexes.push(annex);
  }

  const data: Record<string, DataFile> = {};
  const known = new Set(schemaNames().filter((n) => !NOT_DATA.has(n)));
  for (const e of await listDir(root, 'data', (d) => diagnostics.push(d))) {
    if (!e.isFile || !/\.ya?ml$/.test(e.name)) continue;
    const name = e.name.replace(/\.ya?ml$/, '');
    const file = `data/${e.name}`;
    const py = await readYaml(root, file, diagnostics);
    if (!py) continue;
    // A data file a profile maps to a poster kind follows that kind's schema (named by the
    // kind), whatever its name; another file the schema of its own name (a kind's, an older
    // CPCM name's alias of one, or services).
    const schema = dataSchemaOf(profile, name) ?? (known.has(name) ? name : undefined);
    if (schema) diagnostics.push(...validateData(schema, py.value, py.positions, file));
    else diagnostics.push(diagnostic('data-unknown', 'info', `${file} has no schema in sopkit; it is loaded but not checked`, { file, line: 1, column: 1 }, `Known data files: ${[...known].join(', ')}.`));
    if (name === 'services') diagnostics.push(...sectorProblems(py.value, py.positions, file, profile.service_sectors));
    data[name] = { name, file, value: py.value, positions: py.positions };
  }

  const langIndex = (l: string) => manifest.languages.indexOf(l);
  sections.sort((a, b) => langIndex(a.lang) - langIndex(b.lang) || compareText(a.name, b.name));
  const model: SopModel = { root, manifestFile: 'sop.yaml', manifest, manifestPositions: y.positions, profile, sections, annexes, data };
  const result = { model, diagnostics };
  fileParts.set(result, parts);
  return result;
}

/** A run of `diagnostics` (from ≤ i < to): the problems one Markdown file gave when it was read. */
export interface DiagnosticSpan {
  from: number;
  to: number;
}

/**
 * For each result of `loadSop`, where each section's and Markdown annex's problems are
 * in its `diagnostics`: what `reloadChanged` (./reload.ts) replaces when only that file changed.
 */
export const fileParts = new WeakMap<LoadResult, ReadonlyMap<string, DiagnosticSpan>>();

/**
 * One section (`sections/<lang>/<name>.md`) or Markdown annex (`annexes/<lang>/<name>.md`)
 * as the model holds it, its front-matter checked against its schema; undefined (the
 * reason in `diagnostics`) when unreadable.
 */
export async function readLanguageMarkdown(root: string, file: string, lang: string, kind: 'section', diagnostics: Diagnostic[]): Promise<Section | undefined>;
export async function readLanguageMarkdown(root: string, file: string, lang: string, kind: 'markdown-annex', diagnostics: Diagnostic[]): Promise<MarkdownAnnex | undefined>;
export async function readLanguageMarkdown(root: string, file: string, lang: string, kind: 'section' | 'markdown-annex', diagnostics: Diagnostic[]): Promise<Section | MarkdownAnnex | undefined> {
  const md = await readMarkdown(root, file, lang, diagnostics);
  if (!md) return undefined;
  const fm = md.frontMatter;
  if (!md.frontMatterBroken) diagnostics.push(...validateData(kind === 'section' ? 'section' : 'annex', fm, md.positions, `front-matter of ${md.file}`));
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return kind === 'section'
    ? { kind, ...md, component: text(fm.component), title: text(fm.title), owner: text(fm.owner), order: number(fm.order), sourceFingerprint: text(fm.source_fingerprint) }
    : { kind, ...md, number: number(fm.annex), title: text(fm.title), sourceFingerprint: text(fm.source_fingerprint) };
}

/** Services whose `sector` is not one of the profile's `service_sectors` (none when the profile lists none). */
function sectorProblems(value: unknown, positions: PositionMap, file: string, sectors: string[] | undefined): Diagnostic[] {
  const services = (value as { services?: unknown } | null)?.services;
  if (!sectors || !Array.isArray(services)) return [];
  return services.flatMap((s: unknown, i) => {
    const sector = (s as { sector?: unknown } | null)?.sector;
    return typeof sector === 'string' && !sectors.includes(sector) ? [enumDiagnostic(value, `/services/${i}/sector`, sectors, positions, file)] : [];
  });
}

/** The text of one source file of the SOP; undefined (the reason added to `diagnostics`) when it cannot be read. */
async function readText(root: string, file: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const r = await readSourceText(root, file);
  if (r.ok) return r.text;
  diagnostics.push(r.diagnostic);
  return undefined;
}

/** Reads and parses one YAML file of the SOP; undefined (problems added to `diagnostics`) when unusable. */
async function readYaml(root: string, file: string, diagnostics: Diagnostic[]) {
  const text = await readText(root, file, diagnostics);
  if (text === undefined) return undefined;
  const py = parseYamlWithPositions(text, file);
  diagnostics.push(...py.diagnostics);
  return py.diagnostics.length ? undefined : py;
}

async function readMarkdown(root: string, file: string, lang: string, diagnostics: Diagnostic[]) {
  const text = await readText(root, file, diagnostics);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text, file);
  diagnostics.push(...split.diagnostics);
  const tooDeep = depthDiagnostic(split.body, file, split.bodyLine);
  if (tooDeep) diagnostics.push(tooDeep);
  return {
    file,
    lang,
    name: file.slice(file.lastIndexOf('/') + 1),
    frontMatter: split.frontMatter,
    positions: split.positions,
    body: split.body,
    bodyLine: split.bodyLine,
    fingerprint: fingerprintText(split.body),
    ...(split.broken ? { frontMatterBroken: true } : {}),
  };
}
