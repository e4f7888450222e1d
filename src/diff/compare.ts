import type { Annex, MarkdownAnnex, PdfAnnex, Section, SopModel } from '../model/index.js';
import type { Snapshot } from '../store/index.js';
import { diffData, diffFields, type FieldChange, type ItemChange } from './data-diff.js';
import { diffText, hasChanges, type TextRun } from './text-diff.js';

export type { Snapshot } from '../store/index.js';

export type UnitStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'renamed' | 'moved';

export interface UnitSide {
  file: string;
  name: string;
  /** Component id (sections) or `annex-N` (Markdown annexes). */
  component?: string;
  title?: string;
}

/** A section or Markdown annex file in one language, compared across two versions. */
export interface UnitChange {
  kind: 'section' | 'annex';
  lang: string;
  /**
   * - `renamed`: same component, different file name;
   * - `moved`: the same text now under a different component (or the component id changed).
   */
  status: UnitStatus;
  /** Profile component number (sections) or annex number, for ordering and titles. */
  n?: number;
  before?: UnitSide;
  after?: UnitSide;
  /** Word-level redline of the body (of the only side, for added/removed). */
  body: TextRun[];
  /** Redline of the front-matter title. */
  title: TextRun[];
  /** Other front-matter changes (owner, order…); `source_fingerprint` is bookkeeping and left out. */
  meta: FieldChange[];
}

export interface DataFileChange {
  name: string;
  file: string;
  status: 'added' | 'removed' | 'changed';
  items: ItemChange[];
}

export interface PdfAnnexChange {
  file: string;
  pdf: string;
  status: 'added' | 'removed' | 'changed';
  /** The PDF's bytes differ. */
  pdfChanged: boolean;
  fields: FieldChange[];
}

export interface Comparison {
  from: string;
  to: string;
  languages: string[];
  /** Every section and Markdown annex, changed or not, in reading order. */
  units: UnitChange[];
  data: DataFileChange[];
  /** Changes in sop.yaml other than `version` and `date` (e.g. endorsements, review). */
  manifest: ItemChange[];
  pdfAnnexes: PdfAnnexChange[];
  /** Files whose bytes differ and that none of the above covers (e.g. profiles/). */
  otherFiles: { file: string; status: 'added' | 'removed' | 'changed' }[];
  /**
   * Files of the lists above whose bytes differ although their content compares equal:
   * spacing, YAML comments, a translation's `source_fingerprint`. Listed so that every
   * changed byte is accounted for; sop.yaml is left out (its version and date always differ).
   */
  formatOnly: string[];
}

/** Keys of sop.yaml that differ between any two releases by design. */
export const MANIFEST_VOLATILE = ['version', 'date'] as const;
const META_IGNORED = new Set(['title', 'source_fingerprint']);

type Unit = { kind: 'section' | 'annex'; lang: string; file: string; name: string; component?: string; n?: number; title?: string; body: string; fingerprint: string; meta: Record<string, unknown> };

function sectionUnit(s: Section, model: SopModel): Unit {
  const n = model.profile.components.find((c) => c.id === s.component)?.n;
  return { kind: 'section', lang: s.lang, file: s.file, name: s.name, component: s.component, n, title: s.title, body: s.body, fingerprint: s.fingerprint, meta: strip(s.frontMatter) };
}

function annexUnit(a: MarkdownAnnex): Unit {
  return { kind: 'annex', lang: a.lang, file: a.file, name: a.name, component: a.number !== undefined ? `annex-${a.number}` : undefined, n: a.number, title: a.title, body: a.body, fingerprint: a.fingerprint, meta: strip(a.frontMatter) };
}

function strip(fm: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fm).filter(([k]) => !META_IGNORED.has(k)));
}

function units(model: SopModel): Unit[] {
  return [
    ...model.sections.map((s) => sectionUnit(s, model)),
    ...model.annexes.filter((a): a is MarkdownAnnex => a.kind === 'markdown-annex').map(annexUnit),
  ];
}

/**
 * Pairs the files of two versions: same path first; then, per language and kind, the
 * same component under another file name (renamed); then the same text under another
 * component (moved). What is left was added or removed.
 */
function pairUnits(a: Unit[], b: Unit[]): [Unit | undefined, Unit | undefined][] {
  const pairs: [Unit | undefined, Unit | undefined][] = [];
  const left = new Set(a);
  const right = new Set(b);
  const take = (x: Unit, y: Unit) => {
    pairs.push([x, y]);
    left.delete(x);
    right.delete(y);
  };
  const byFile = new Map(a.map((u) => [`${u.kind}:${u.file}`, u]));
  for (const y of b) {
    const x = byFile.get(`${y.kind}:${y.file}`);
    if (x) take(x, y);
  }
  const group = (set: Set<Unit>, key: (u: Unit) => string | undefined) => {
    const m = new Map<string, Unit[]>();
    for (const u of set) {
      const k = key(u);
      if (k === undefined) continue;
      m.set(k, [...(m.get(k) ?? []), u]);
    }
    return m;
  };
  const byComponent = (u: Unit) => (u.component ? `${u.kind}:${u.lang}:${u.component}` : undefined);
  const la = group(left, byComponent);
  for (const [k, ys] of group(right, byComponent)) {
    const xs = la.get(k);
    if (xs?.length === 1 && ys.length === 1) take(xs[0]!, ys[0]!);
  }
  const byText = (u: Unit) => `${u.kind}:${u.lang}:${u.fingerprint}`;
  const ta = group(left, byText);
  for (const [k, ys] of group(right, byText)) {
    const xs = ta.get(k);
    if (xs?.length === 1 && ys.length === 1) take(xs[0]!, ys[0]!);
  }
  for (const x of left) pairs.push([x, undefined]);
  for (const y of right) pairs.push([undefined, y]);
  return pairs;
}

function side(u: Unit): UnitSide {
  return { file: u.file, name: u.name, ...(u.component ? { component: u.component } : {}), ...(u.title !== undefined ? { title: u.title } : {}) };
}

function compareUnit(x: Unit | undefined, y: Unit | undefined): UnitChange {
  const u = (y ?? x)!;
  const body = diffText(x?.body ?? '', y?.body ?? '');
  const title = diffText(x?.title ?? '', y?.title ?? '');
  const meta = diffFields(x?.meta ?? {}, y?.meta ?? {});
  let status: UnitStatus;
  if (!x) status = 'added';
  else if (!y) status = 'removed';
  else if (x.component !== y.component) status = 'moved';
  else if (x.file !== y.file) status = 'renamed';
  else status = hasChanges(body) || hasChanges(title) || meta.length ? 'changed' : 'unchanged';
  return {
    kind: u.kind,
    lang: u.lang,
    status,
    ...(u.n !== undefined ? { n: u.n } : {}),
    ...(x ? { before: side(x) } : {}),
    ...(y ? { after: side(y) } : {}),
    body,
    title,
    meta: x && y ? meta : [],
  };
}

function pdfAnnexes(model: SopModel): Map<string, PdfAnnex> {
  return new Map(model.annexes.filter((a: Annex): a is PdfAnnex => a.kind === 'pdf-annex').map((a) => [a.file, a]));
}

function covered(model: SopModel): Set<string> {
  const s = new Set<string>(['sop.yaml']);
  for (const x of model.sections) s.add(x.file);
  for (const a of model.annexes) {
    s.add(a.file);
    if (a.kind === 'pdf-annex') s.add(a.pdf);
  }
  for (const d of Object.values(model.data)) s.add(d.file);
  return s;
}

/**
 * Compares two versions of an SOP. Pure: reads only the two snapshots. Every part of
 * a version appears in exactly one list (units, data, manifest, PDF annexes, other
 * files), so "nothing else changed" can be asserted by looking at all of them.
 */
export function compareSnapshots(a: Snapshot, b: Snapshot): Comparison {
  const languages = [...b.model.manifest.languages, ...a.model.manifest.languages.filter((l) => !b.model.manifest.languages.includes(l))];
  const langIndex = (l: string) => languages.indexOf(l);
  const unitChanges = pairUnits(units(a.model), units(b.model)).map(([x, y]) => compareUnit(x, y));
  unitChanges.sort(
    (p, q) =>
      langIndex(p.lang) - langIndex(q.lang) ||
      (p.kind === q.kind ? 0 : p.kind === 'section' ? -1 : 1) ||
      (p.n ?? 999) - (q.n ?? 999) ||
      ((p.after ?? p.before)!.file < (q.after ?? q.before)!.file ? -1 : 1),
  );

  const data: DataFileChange[] = [];
  const names = [...new Set([...Object.keys(b.model.data), ...Object.keys(a.model.data)])].sort();
  for (const name of names) {
    const x = a.model.data[name];
    const y = b.model.data[name];
    if (!x) data.push({ name, file: y!.file, status: 'added', items: diffData(undefined, y!.value) });
    else if (!y) data.push({ name, file: x.file, status: 'removed', items: [] });
    else {
      const items = diffData(x.value, y.value);
      if (items.length) data.push({ name, file: y.file, status: 'changed', items });
    }
  }

  const manifest = diffData(a.model.manifest, b.model.manifest, MANIFEST_VOLATILE);

  const pa = pdfAnnexes(a.model);
  const pb = pdfAnnexes(b.model);
  const pdfs: PdfAnnexChange[] = [];
  for (const file of [...new Set([...pb.keys(), ...pa.keys()])].sort()) {
    const x = pa.get(file);
    const y = pb.get(file);
    if (!x) pdfs.push({ file, pdf: y!.pdf, status: 'added', pdfChanged: true, fields: [] });
    else if (!y) pdfs.push({ file, pdf: x.pdf, status: 'removed', pdfChanged: true, fields: [] });
    else {
      const pdfChanged = a.hashes[x.pdf] !== b.hashes[y.pdf];
      const fields = diffFields(x.frontMatter, y.frontMatter);
      if (pdfChanged || fields.length) pdfs.push({ file, pdf: y.pdf, status: 'changed', pdfChanged, fields });
    }
  }

  const known = new Set([...covered(a.model), ...covered(b.model)]);
  const otherFiles: Comparison['otherFiles'] = [];
  for (const file of [...new Set([...Object.keys(a.hashes), ...Object.keys(b.hashes)])].sort()) {
    if (known.has(file)) continue;
    const x = a.hashes[file];
    const y = b.hashes[file];
    if (x === y) continue;
    otherFiles.push({ file, status: !x ? 'added' : !y ? 'removed' : 'changed' });
  }

  const mentioned = new Set<string>(['sop.yaml']);
  for (const u of unitChanges) if (u.status !== 'unchanged') for (const s of [u.before, u.after]) if (s) mentioned.add(s.file);
  for (const d of data) mentioned.add(d.file);
  for (const p of pdfs) mentioned.add(p.file).add(p.pdf);
  const formatOnly = [...known].filter((f) => !mentioned.has(f) && a.hashes[f] && b.hashes[f] && a.hashes[f] !== b.hashes[f]).sort();

  return { from: a.label, to: b.label, languages, units: unitChanges, data, manifest, pdfAnnexes: pdfs, otherFiles, formatOnly };
}

/** The units that differ (everything but `unchanged`). */
export function changedUnits(c: Comparison): UnitChange[] {
  return c.units.filter((u) => u.status !== 'unchanged');
}

/** Short id of a unit for lists: its component id (or `annex-N`), else its file name. */
export function unitId(u: UnitChange): string {
  const s = u.after ?? u.before!;
  return s.component ?? s.name;
}
