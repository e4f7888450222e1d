/**
 * Pages: cover, contents, components (each on a new page, "N. Title"), running header
 * with the SOP title and version stamp and a "page X of Y" footer on every page, a DRAFT
 * watermark while the SOP is a draft, outline entries for components and sub-headings.
 */
import { diagnostic, type Diagnostic } from '../diag/index.js';
import { digitsFor, directionOf, formatDate, formatNumber, label, label as pdfLabel, localized as pick, pageHeader, scopeAnchors, pageOf, versionStamp, type DigitStyle } from '../i18n/index.js';
import { languageOf, treeOf, type ComponentGroup } from '../document/index.js';
import type { MarkdownAnnex, Section, SopModel } from '../model/types.js';
import { contextName } from '../i18n/context-name.js';
import { breakParagraph, prepareParagraph, type Align, type Line, type Span, type TextStyle } from '../text/index.js';
import { blockChildren, formatHeadingNumber, headingAnchor as titleAnchor } from './blocks.js';
import { linesToSlices, paragraphSlices } from './paragraph.js';
import { attachFootnotes, noteSeparator } from './footnotes.js';
import { newSection, type Box, type LayoutContext, type MdNode } from './context.js';
import type { DocumentFrames, FrameItem, OutlineEntry, PageFrame } from '../frame/types.js';
import { paginate, type PlacedPage } from './paginate.js';
import type { Slice } from './slice.js';
import { shiftItems } from '../frame/items.js';
import { createTheme, type Theme } from './theme.js';
import { flowchartsIn, prepareDiagram } from './diagram.js';
import { FOOTER_ARTIFACT, HEADER_ARTIFACT, structNode, WATERMARK_ARTIFACT } from '../frame/struct.js';
import type { LaidComponent, LayoutReuse } from './reuse.js';

/** The running header of every SOP page: `pageHeader()`'s title and stamp on one line. */
export function runningHeader(model: SopModel, lang: string): string {
  const h = pageHeader(model.manifest, lang);
  return `${h.title} — ${h.stamp}`;
}

/** The running header of every page of annex `n`: "Annex N — <title> vX.Y — <date>". */
export function annexHeader(model: SopModel, lang: string, n: number): string {
  const h = pageHeader(model.manifest, lang, n);
  return `${h.title} — ${h.stamp}`;
}

interface Geometry {
  theme: Theme;
  column: Box;
  top: number;
  height: number;
}

function geometry(theme: Theme): Geometry {
  const { page, margin } = theme;
  return { theme, column: { x: 0, width: page.width - 2 * margin.side }, top: margin.top, height: page.height - margin.top - margin.bottom };
}

function newContext(model: SopModel | undefined, lang: string, theme: Theme, diagnostics: Diagnostic[], digits: DigitStyle): LayoutContext {
  return {
    lang, dir: directionOf(lang), digits, theme, model, bodyLine: 1, diagnostics,
    columnHeight: theme.page.height - theme.margin.top - theme.margin.bottom,
    section: newSection('doc'), anchors: new Map(), reportedMissing: new Set(), depth: 0,
  };
}

/** Sets one line of text in `width`, shrinking the type until it fits (headers, footers). */
function fitLine(text: string, lang: string, style: TextStyle, width: number, align: Align): Line {
  let size = style.size;
  for (;;) {
    const p = prepareParagraph(text, lang, { ...style, size }, { lineHeight: 1.2, singleFace: true });
    const probe = breakParagraph(p, 1e6, align);
    if (probe[0]!.width <= width || size <= 5) return breakParagraph(p, width, align)[0]!;
    size = Math.max(5, size * Math.min(0.97, width / probe[0]!.width));
  }
}

function decorate(pages: PlacedPage[], theme: Theme, header: string, lang: string, digits: DigitStyle, draft: boolean): PageFrame[] {
  const { page, margin } = theme;
  const width = page.width - 2 * margin.side;
  const headerLine = fitLine(header, lang, { size: theme.headerSize, color: theme.muted }, width, 'start');
  const draftLine = draft ? fitLine(label('draft', lang), lang, { size: 96, bold: true, color: [0.9, 0.9, 0.9] }, 1e5, 'left') : undefined;
  const total = pages.length;
  return pages.map((p, i) => {
    const items: FrameItem[] = [];
    if (draftLine) {
      // Under the text: drawn first, light grey, diagonal through the page centre.
      const a = Math.atan2(page.height, page.width);
      const cx = page.width / 2 - (Math.cos(a) * draftLine.width) / 2;
      const cy = page.height / 2 + (Math.sin(a) * draftLine.width) / 2;
      items.push({ kind: 'text', x: cx, y: cy + 30, runs: draftLine.runs, angle: (a * 180) / Math.PI, shapesOnly: true, tag: WATERMARK_ARTIFACT });
    }
    // Running header, its rule and the page number: pagination artifacts a reader skips.
    items.push({ kind: 'text', x: margin.side, y: margin.top - 30, runs: headerLine.runs, tag: HEADER_ARTIFACT });
    items.push({ kind: 'rule', x1: margin.side, x2: page.width - margin.side, y1: margin.top - 22, y2: margin.top - 22, width: 0.5, color: theme.ruleColor, tag: HEADER_ARTIFACT });
    const footer = fitLine(pageOf(i + 1, total, lang, digits), lang, { size: theme.headerSize, color: theme.muted }, width, 'center');
    items.push({ kind: 'text', x: margin.side, y: page.height - margin.bottom + 34, runs: footer.runs, tag: FOOTER_ARTIFACT });
    const moved = p.dx === margin.side && p.dy === margin.top ? p.items : shiftItems(p.items, margin.side - p.dx, margin.top - p.dy);
    for (const it of moved) items.push(it);
    return { width: page.width, height: page.height, items };
  });
}

/**
 * Sections of `lang` grouped by component, in profile order, generated components added:
 * the document's grouping (one list, so a generated section is one file parsed once).
 */
export function componentsFor(model: SopModel, lang: string): ComponentGroup[] {
  return languageOf(model, lang).components.map((c) => ({ ...c, sections: c.sections.map((f) => f.source) }));
}

const LEADING_NUMBER = /^\s*[0-9٠-٩]+[.\-–)]?\s+/;

/** The document's tree of a file (parsed once, shared with `check` and the site). */
function parsed(model: SopModel, file: { body: string }): MdNode {
  return treeOf(model, file) as unknown as MdNode;
}

/** Body slices of one Markdown file (title heading dropped: the component title replaces it). */
function fileSlices(model: SopModel, file: { body: string; bodyLine: number; file: string }, ctx: LayoutContext, column: Box): Slice[] {
  const root = parsed(model, file);
  let children = root.children ?? [];
  ctx.file = file.file;
  ctx.bodyLine = file.bodyLine;
  // The dropped title still takes its anchor, so links to it work as on the site.
  const title = children[0]?.type === 'heading' && children[0].depth === 1 ? titleAnchor(children[0], ctx) : undefined;
  if (title) children = children.slice(1);
  const depths = children.filter((c) => c.type === 'heading').map((c) => c.depth ?? 2);
  ctx.section.minDepth = depths.length ? Math.min(...depths) : 2;
  for (const c of children) if (c.type === 'footnoteDefinition' && c.identifier) ctx.section.footnoteDefs.set(c.identifier, c);
  const slices = blockChildren(children, column, ctx);
  if (title) slices[0]?.items.unshift(title);
  attachFootnotes(slices, column, ctx);
  return slices;
}

function titleSlices(text: string, ctx: LayoutContext, column: Box, anchor: string): Slice[] {
  const style: TextStyle = { size: ctx.theme.headingSizes[0]!, bold: true, color: ctx.theme.accent };
  const slices = paragraphSlices([{ text, style }], style, column, ctx, { align: 'start', keepWithNext: true, lineHeight: 1.5, role: 'H1' });
  slices[0]?.items.unshift({ kind: 'anchor', name: anchor, y: 0 });
  const last = slices[slices.length - 1];
  if (last) {
    last.items.push({ kind: 'rule', x1: column.x, x2: column.x + column.width, y1: last.height + 2, y2: last.height + 2, width: 0.8, color: ctx.theme.accent });
    last.height += 6;
  }
  return slices;
}

export interface SopLayout {
  frames: DocumentFrames;
  bodyPages: number;
  coverPages: number;
  tocPages: number;
  diagnostics: Diagnostic[];
}

type LinkTarget = NonNullable<LayoutContext['linkTargets']> extends Map<string, infer T> ? T : never;

/** The link targets of a layout, noting which files were looked up (what a component's links depend on). */
class TargetLog extends Map<string, LinkTarget> {
  readonly read = new Set<string>();
  override get(file: string): LinkTarget | undefined {
    this.read.add(file);
    return super.get(file);
  }

  /** What a lookup of `file` gives, as text (a file that is no target: ''). */
  digest(file: string): string {
    const t = super.get(file);
    return t ? JSON.stringify([t.scope, t.dest, [...t.anchors]]) : '';
  }
}

interface BodyResult {
  pages: PlacedPage[];
  entries: Array<{ title: string; dest: string; page: number; outline: OutlineEntry }>;
}

function layoutBody(model: SopModel, lang: string, ctx: LayoutContext, geo: Geometry, reuse?: LayoutReuse): BodyResult {
  const pages: PlacedPage[] = [];
  const entries: BodyResult['entries'] = [];
  const groups = componentsFor(model, lang);
  const scopes = new Map(groups.map((g) => [g, new Set(scopeAnchors(g.sections.map((f) => parsed(model, f))))]));
  // Which other files' targets a component's links looked up: a kept component is valid while those are as they were (./reuse.ts).
  const targets = new TargetLog(groups.flatMap((g) => g.sections.map((s) => [s.file, { scope: g.id, dest: `c:${g.n ?? g.id}`, anchors: scopes.get(g)! }] as const)));
  ctx.linkTargets = targets;
  const used = new Map<string, LaidComponent>();
  let fresh = 0;
  for (const g of groups) {
    const number = g.n !== undefined ? formatHeadingNumber([g.n], ctx) : '';
    const title = number ? `${number}. ${g.title.replace(LEADING_NUMBER, '')}` : g.title;
    const dest = `c:${g.n ?? g.id}`;
    const files = new Set([ctx.file ?? '', ...g.sections.map((s) => s.file)]);
    const key = reuse?.key(['component', lang, g.n, g.id, title, g.sections.map((s) => [s.file, s.bodyLine, s.body]), ctx.file, ctx.bodyLine,
      [...ctx.reportedMissing].filter((k) => files.has(k.slice(0, k.indexOf('\u0000')))).sort()]);
    const found = key ? reuse!.component(key) : undefined;
    const kept = found && found.links.every(([f, t]) => targets.digest(f) === t) ? found : undefined;
    if (kept) {
      entries.push({ title, dest, page: pages.length, outline: kept.outline });
      pages.push(...kept.pages);
      ctx.diagnostics.push(...kept.diagnostics);
      for (const k of kept.reported) ctx.reportedMissing.add(k);
      ctx.file = kept.file;
      ctx.bodyLine = kept.bodyLine;
      used.set(key!, kept);
      continue;
    }
    targets.read.clear();
    const problemsBefore = ctx.diagnostics.length;
    const reportedBefore = ctx.reportedMissing.size;
    const outline: OutlineEntry = { title, dest, children: [] };
    ctx.section = newSection(String(g.n ?? g.id), g.n, g.id, scopes.get(g));
    ctx.section.outline = outline;
    // One Sect per component: its title (H1), then its files' blocks.
    ctx.struct = structNode('Sect');
    const slices = titleSlices(title, ctx, geo.column, dest);
    for (const s of g.sections) {
      slices.push(...fileSlices(model, s, ctx, geo.column));
      ctx.section.footnoteDefs.clear();
      ctx.section.footnoteOrder = [];
      ctx.section.fileIndex += 1;
    }
    entries.push({ title, dest, page: pages.length, outline });
    const own = paginate(slices, geo.height, geo.theme.margin.side, geo.top, { noteSeparator: noteSeparator(geo.column, ctx) });
    pages.push(...own);
    if (key) {
      fresh += 1;
      used.set(key, {
        pages: own, title, dest, outline, diagnostics: ctx.diagnostics.slice(problemsBefore), links: [...targets.read].sort().map((f) => [f, targets.digest(f)]),
        reported: [...ctx.reportedMissing].slice(reportedBefore), ...(ctx.file !== undefined ? { file: ctx.file } : {}), bodyLine: ctx.bodyLine,
      });
    }
  }
  reuse?.settle(lang, used, fresh);
  return { pages, entries };
}

function coverPage(model: SopModel, lang: string, ctx: LayoutContext, geo: Geometry): PlacedPage {
  const m = model.manifest;
  const th = ctx.theme;
  const col = geo.column;
  const L = (v: unknown) => pick(v, lang, m.languages);
  const slices: Slice[] = [];
  slices.push({ height: 90, items: [] });
  ctx.struct = structNode('Sect');
  const big: TextStyle = { size: 24, bold: true, color: th.accent };
  slices.push(...paragraphSlices([{ text: L(m.title), style: big }], big, col, ctx, { align: 'center', lineHeight: 1.5, role: 'H1' }));
  if (m.region) {
    const st: TextStyle = { size: 14, color: th.text };
    slices.push(...paragraphSlices([{ text: L(m.region), style: st }], st, col, ctx, { align: 'center', spaceBefore: 14 }));
  }
  const st: TextStyle = { size: 13, bold: true, color: th.text };
  slices.push(...paragraphSlices([{ text: versionStamp(m.version, m.date, lang, ctx.digits), style: st }], st, col, ctx, { align: 'center', spaceBefore: 24 }));
  const kv = (k: string, v: string): Span[] => [{ text: `${label(k, lang)}: `, style: { size: 11, bold: true, color: th.text } }, { text: v, style: { size: 11, color: th.text } }];
  const small: TextStyle = { size: 11, color: th.text };
  slices.push(...paragraphSlices(kv('status', label(m.status, lang)), small, col, ctx, { align: 'center', spaceBefore: 18 }));
  slices.push(...paragraphSlices(kv('context', contextName(model.profile, m.context, lang, m.languages)), small, col, ctx, { align: 'center', spaceBefore: 4 }));
  slices.push(...paragraphSlices(kv('date', formatDate(m.date, lang, ctx.digits)), small, col, ctx, { align: 'center', spaceBefore: 4 }));
  const h: TextStyle = { size: 12.5, bold: true, color: th.accent };
  slices.push(...paragraphSlices([{ text: label('agencies', lang), style: h }], h, col, ctx, { align: 'center', spaceBefore: 30 }));
  for (const a of m.agencies) slices.push(...paragraphSlices([{ text: L(a.name), style: small }], small, col, ctx, { align: 'center', spaceBefore: 3, lineHeight: 1.5 }));
  const placed = paginate(slices, 1e6, geo.theme.margin.side, geo.top)[0]!;
  return placed;
}

/**
 * The contents: its slices, laid out once, and `number(offset)`, which writes each entry's
 * page number (its body page plus `offset`) into the slices. Page numbers never change a
 * slice's height, so the contents' page count, and with it the offset, is known before
 * they are written.
 */
function tocSlices(entries: BodyResult['entries'], ctx: LayoutContext, geo: Geometry): { slices: Slice[]; number(offset: number): void } {
  const th = ctx.theme;
  const col = geo.column;
  // Sect → H1 "Contents", TOC → one TOCI per entry → a Link: the title, the page number
  // and the entry's link area.
  const sect = structNode('Sect');
  ctx.struct = sect;
  const slices = titleSlices(label('contents', ctx.lang), ctx, col, 'toc');
  const toc = structNode('TOC', sect);
  const style: TextStyle = { size: th.bodySize, color: th.text };
  const numW = 34;
  const rtl = ctx.dir === 'rtl';
  const numbers: Array<{ page: number; item: Extract<FrameItem, { kind: 'text' }>; text?: { y: number } }> = [];
  for (const e of entries) {
    const textBox: Box = { x: rtl ? col.x + numW : col.x, width: col.width - numW };
    const link = structNode('Link', structNode('TOCI', toc), { contents: e.title });
    const s = paragraphSlices([{ text: e.title, style }], style, textBox, ctx, { align: 'start', spaceBefore: 5, lineHeight: 1.6, node: link });
    const last = s[s.length - 1];
    if (last) {
      // The number's place among the slice's items; its runs and height come with `number`.
      const text = last.items.find((i) => i.kind === 'text');
      const item: Extract<FrameItem, { kind: 'text' }> = { kind: 'text', x: rtl ? col.x : col.x + col.width - numW, y: 0, runs: [], tag: link };
      last.items.push(item);
      numbers.push({ page: e.page, item, text: text && text.kind === 'text' ? text : undefined });
    }
    const total = s.reduce((a, x) => a + x.height, 0);
    if (s[0]) s[0].items.push({ kind: 'link', x: col.x, y: 0, w: col.width, h: total, dest: e.dest, tag: link });
    slices.push(...s);
  }
  const number = (offset: number): void => {
    for (const n of numbers) {
      const p = prepareParagraph(formatNumber(n.page + offset, ctx.digits), ctx.lang, style, { lineHeight: 1.6 });
      const numLine = breakParagraph(p, numW, 'end')[0]!;
      n.item.runs = numLine.runs;
      n.item.y = n.text ? n.text.y : numLine.baseline;
    }
  };
  return { slices, number };
}

function metaFor(model: SopModel, lang: string, subject: string): DocumentFrames['meta'] {
  const m = model.manifest;
  return {
    title: pick(m.title, lang, m.languages), subject, lang, date: m.date, version: m.version,
    keywords: [`version ${m.version}`, m.date, m.status, m.context],
    author: m.agencies.map((a) => pick(a.name, lang, m.languages)).join('; '),
  };
}

const layouts = new WeakMap<SopModel, Map<string, Promise<SopLayout>>>();

/**
 * The whole SOP in one language: cover, contents, components. Cached per model and
 * language (frames are never modified after layout), so the page count of `check` and
 * the PDF of `build` come from one layout. Asynchronous because flowcharts are laid out
 * by ELK first; the text layout itself is synchronous.
 */
export function layoutSop(model: SopModel, lang: string, reuse?: LayoutReuse): Promise<SopLayout> {
  let byLang = layouts.get(model);
  if (!byLang) layouts.set(model, (byLang = new Map()));
  let l = byLang.get(lang);
  if (!l) byLang.set(lang, (l = layoutSopUncached(model, lang, reuse)));
  return l;
}

/** Lays out the flowcharts that `files` use, for the text layout to draw (see diagram.ts). */
async function prepareDiagrams(model: SopModel, files: Array<{ body: string }>, ctx: LayoutContext, geo: Geometry, reuse?: LayoutReuse): Promise<void> {
  const names = new Set<string>();
  for (const f of files) flowchartsIn(parsed(model, f), names);
  if (!names.size) return;
  ctx.diagrams = new Map();
  for (const name of [...names].sort()) {
    // A flowchart reads its data file and the page geometry, both in `reuse.inputs`.
    const kept = reuse?.diagram(ctx.lang, name);
    const prepared = kept?.hit ? kept.value : await prepareDiagram(model, name, ctx.lang, geo.column.width, geo.height, ctx.dir === 'rtl');
    if (reuse && !kept?.hit) reuse.keepDiagram(ctx.lang, name, prepared);
    ctx.diagrams.set(name, prepared);
  }
}

async function layoutSopUncached(model: SopModel, lang: string, reuse?: LayoutReuse): Promise<SopLayout> {
  const theme = createTheme(model.manifest.paper);
  const diagnostics: Diagnostic[] = [];
  const digits = digitsFor(model.manifest, lang);
  const ctx = newContext(model, lang, theme, diagnostics, digits);
  const geo = geometry(theme);
  await prepareDiagrams(model, componentsFor(model, lang).flatMap((g) => g.sections), ctx, geo, reuse);
  const body = layoutBody(model, lang, ctx, geo, reuse);
  if (!body.entries.length) {
    diagnostics.push(diagnostic('pdf-empty', 'warning', `there are no sections in sections/${lang}/: the ${lang} PDF has only a cover`, undefined, `Add Markdown files under sections/${lang}/.`));
  }
  const cover = coverPage(model, lang, ctx, geo);
  const contents = tocSlices(body.entries, ctx, geo);
  contents.number(1 + paginate(contents.slices, geo.height).length + 1);
  const toc = paginate(contents.slices, geo.height, theme.margin.side, geo.top);
  const all = [cover, ...toc, ...body.pages];
  const pages = decorate(all, theme, runningHeader(model, lang), lang, digits, model.manifest.status === 'draft');
  const outline: OutlineEntry[] = [{ title: label('contents', lang), dest: 'toc', children: [] }, ...body.entries.map((e) => e.outline)];
  return {
    frames: { pages, outline, meta: metaFor(model, lang, runningHeader(model, lang)) },
    bodyPages: body.pages.length, coverPages: 1, tocPages: toc.length, diagnostics,
  };
}

export function annexNumber(model: SopModel, annex: { number?: number; frontMatter: Record<string, unknown> }, fallback: number): number {
  const n = annex.number ?? annex.frontMatter.annex;
  return typeof n === 'number' && n > 0 ? n : fallback;
}

/** One Markdown annex: its own pages with the annex header. */
export async function layoutMarkdownAnnex(model: SopModel, annex: MarkdownAnnex, n: number): Promise<{ frames: DocumentFrames; diagnostics: Diagnostic[] }> {
  const lang = annex.lang;
  const theme = createTheme(model.manifest.paper);
  const diagnostics: Diagnostic[] = [];
  const digits = digitsFor(model.manifest, lang);
  const ctx = newContext(model, lang, theme, diagnostics, digits);
  const geo = geometry(theme);
  await prepareDiagrams(model, [annex], ctx, geo);
  ctx.section = newSection(`annex${n}`, undefined, `annex-${n}`, new Set(scopeAnchors([parsed(model, annex)])));
  ctx.struct = structNode('Sect');
  const rawTitle = String(annex.title ?? annex.frontMatter.title ?? '');
  const title = `${pdfLabel('annexTitle', lang, { n: formatNumber(n, digits) })}${rawTitle ? `: ${rawTitle}` : ''}`;
  const outline: OutlineEntry = { title, dest: `annex:${n}`, children: [] };
  ctx.section.outline = outline;
  const slices = titleSlices(title, ctx, geo.column, `annex:${n}`);
  slices.push(...fileSlices(model, annex, ctx, geo.column));
  const pages = decorate(paginate(slices, geo.height, theme.margin.side, geo.top, { noteSeparator: noteSeparator(geo.column, ctx) }), theme, annexHeader(model, lang, n), lang, digits, model.manifest.status === 'draft');
  return { frames: { pages, outline: [outline], meta: metaFor(model, lang, annexHeader(model, lang, n)) }, diagnostics };
}

/** Body pages (components only) of the SOP in `lang`, from the same layout as the PDF. */
export async function countBodyPagesOf(model: SopModel, lang: string): Promise<number> {
  return (await layoutSop(model, lang)).bodyPages;
}

/** The `diagram-fit` warnings of the SOP's layout in `lang` (the `check` rule reports them). */
export async function diagramDiagnostics(model: SopModel, lang: string): Promise<Diagnostic[]> {
  return (await layoutSop(model, lang)).diagnostics.filter((d) => d.rule === 'diagram-fit');
}

export { linesToSlices };
