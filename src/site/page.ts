import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { unified } from '../vendor/markdown.js';
import { rehypeStringify } from '../vendor/html.js';
import { caseStepsGraph, eligibilityGraph, layoutGraph, type Diagram } from '../diagram/index.js';
import { contextName } from '../i18n/context-name.js';
import { anchorId, digitsFor, directionOf, formatNumber, label as siteLabel, localized, internalLink, resolveAnchor, SlugAllocator } from '../i18n/index.js';
import type { Annex, Section, SopModel } from '../model/types.js';
import { signatureComponent } from '../model/profile-roles.js';
import type { RenderContext } from './html/context.js';
import type { CaseStepsData, EligibilityData, OrganigramData } from '../document/data-types.js';
import { servicesTable, signatures } from './html/directives.js';
import { h } from './html/h.js';
import { hastText, renderBody, type RenderedHeading } from './html/section.js';
import { IdRegistry } from './html/slug.js';
import { isolateRuns } from './html/bidi.js';
import {
  downloadHref, downloads, footer, languageSwitcher, oldVersionBanner, searchForm, stampOf, titleOf, versionSwitcher,
  type PageEnv,
} from './chrome.js';
import { searchText, type SearchDoc } from './search.js';
import { servicesOnPage } from './services-on-page.js';
import { cssString, escapeHtml, fillTemplateMapped, readTemplate } from './template.js';

const stringifier = unified().use(rehypeStringify, { allowDangerousCharacters: false });

export function toHtml(nodes: ElementContent[]): string {
  const root: Root = { type: 'root', children: nodes };
  return stringifier.stringify(root);
}

/** Diagrams are laid out once per version and language (ELK is async, rendering is not). */
export async function layoutDiagrams(model: SopModel, lang: string): Promise<Record<string, Diagram>> {
  const rtl = directionOf(lang) === 'rtl';
  const out: Record<string, Diagram> = {};
  const elig = model.data.eligibility?.value as EligibilityData | undefined;
  if (elig?.flow?.nodes?.length) out.eligibility = await layoutGraph(eligibilityGraph(elig, lang), { rtl, trunkToStart: true });
  // An organigram is a flow too: the bodies top-down, each under the one it reports to.
  const org = model.data.organigram?.value as OrganigramData | undefined;
  if (org?.flow?.nodes?.length) out.organigram = await layoutGraph(eligibilityGraph(org, lang), { rtl });
  const steps = model.data['case-steps']?.value as CaseStepsData | undefined;
  if (steps?.steps?.length) out['case-steps'] = await layoutGraph(caseStepsGraph(steps, lang), { rtl, maxTextWidth: 150, aspectRatio: 2 });
  return out;
}

interface ComponentBlock {
  id: string;
  n?: number;
  title: string;
  /** Language the sections are written in (differs from the page when a translation is missing). */
  lang: string;
  sections: Section[];
  generated?: 'signatures';
}

function sectionOrder(a: Section, b: Section): number {
  return (a.order ?? 0) - (b.order ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Components in checklist order; a component missing in this language falls back to the source language. */
export function componentBlocks(model: SopModel, lang: string): ComponentBlock[] {
  const source = model.manifest.languages[0]!;
  const byComponent = (l: string) => {
    const m = new Map<string, Section[]>();
    for (const s of model.sections.filter((x) => x.lang === l)) {
      const id = s.component ?? (typeof s.frontMatter.component === 'string' ? s.frontMatter.component : s.name.replace(/\.md$/, ''));
      m.set(id, [...(m.get(id) ?? []), s]);
    }
    for (const list of m.values()) list.sort(sectionOrder);
    return m;
  };
  const mine = byComponent(lang);
  const fallback = lang === source ? new Map<string, Section[]>() : byComponent(source);
  const blocks: ComponentBlock[] = [];
  const known = new Set<string>();
  const signature = signatureComponent(model.profile);
  for (const c of model.profile.components) {
    known.add(c.id);
    const own = mine.get(c.id);
    const list = own ?? fallback.get(c.id);
    const from = own ? lang : source;
    const title = list?.[0]?.title ?? (typeof list?.[0]?.frontMatter.title === 'string' ? (list[0].frontMatter.title as string) : localized(c.title, from));
    if (list) blocks.push({ id: c.id, n: c.n, title, lang: from, sections: list });
    else if (c === signature) blocks.push({ id: c.id, n: c.n, title: localized(c.title, lang), lang, sections: [], generated: 'signatures' });
  }
  // Sections naming a component the profile does not know: shown after, so nothing written is lost (`check` reports them).
  const extra = [...mine.keys()].filter((k) => !known.has(k)).sort();
  for (const id of extra) {
    const list = mine.get(id)!;
    blocks.push({ id, title: list[0]!.title ?? id, lang, sections: list });
  }
  return blocks;
}

/**
 * Rendered section bodies, for `serve`: a save re-renders only the sections whose text (or
 * the data they may show) changed. Keyed by everything the output depends on; a hit is
 * used only if the ids it claimed are still free on the page, so the output is the same
 * bytes as a cold render.
 */
const bodyCache = new Map<string, { body: ReturnType<typeof renderBody>; ids: string[]; slugs: string[] }>();

function renderBodyCached(file: { body: string }, ctx: RenderContext, prefix: string, ids: IdRegistry, slugs: SlugAllocator, contextKey: string) {
  // The heading slugs a body gets depend on the ones its component handed out before it.
  const key = createHash('sha256').update(JSON.stringify([file.body, ctx.lang, ctx.dir, ctx.digits, ctx.servicesOnPage, ctx.servicesHref, prefix, contextKey, slugs.snapshot()])).digest('hex');
  const hit = bodyCache.get(key);
  if (hit && ids.claimAll(hit.ids) && slugs.takeAll(hit.slugs)) return structuredClone(hit.body);
  const before = new Set(ids.snapshot());
  const slugsBefore = new Set(slugs.snapshot());
  const body = renderBody(file, ctx, prefix, ids, slugs);
  const claimed = ids.snapshot().filter((id) => !before.has(id));
  const taken = slugs.snapshot().filter((s) => !slugsBefore.has(s));
  if (bodyCache.size > 2000) bodyCache.delete(bodyCache.keys().next().value!);
  bodyCache.set(key, { body: structuredClone(body), ids: claimed, slugs: taken });
  return body;
}

/**
 * Links inside the SOP point at ids on this page, resolved as the PDF and `check` resolve
 * them (`internalLink`, `resolveAnchor`): `#heading` within its component (or annex),
 * `08-eligibility.md#criteria` to a heading of another component, `08-eligibility.md` to the
 * component. Ids the body already names (footnotes) are left as they are, and so is a link
 * to no heading (`check` reports it).
 */
function linkInternal(nodes: ElementContent[], file: string, scopes: Map<string, { scope: string; slugs: SlugAllocator }>, ids: IdRegistry): void {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    const href = n.properties?.href;
    if (n.tagName === 'a' && typeof href === 'string' && !(href.startsWith('#') && ids.has(href.slice(1)))) {
      const to = internalLink(href, file);
      const target = to && scopes.get(to.file);
      if (to && target) {
        if (!to.fragment) n.properties.href = `#${target.scope}`;
        else {
          const slug = resolveAnchor(target.slugs, to.fragment);
          if (slug !== undefined) n.properties.href = `#${anchorId(target.scope, slug)}`;
        }
      }
    }
    linkInternal(n.children, file, scopes, ids);
  }
}

/** What directives read besides the section text: data files, agencies, version, diagrams. */
function contextKeyOf(model: SopModel, diagrams: Record<string, Diagram>): string {
  const data = Object.fromEntries(Object.entries(model.data).map(([k, v]) => [k, v.value]));
  const m = model.manifest;
  return createHash('sha256').update(JSON.stringify([data, m.agencies, m.version, m.languages, m.digits ?? null, diagrams])).digest('hex');
}

/**
 * The annexes shown on a page: Markdown annexes of this language and external PDF annexes,
 * in number order. Numbering follows the PDF build (`number`, else front-matter `annex`,
 * else position in the model), so the site and the PDFs agree.
 */
export function annexesFor(model: SopModel, lang: string): { annex: Annex; n: number }[] {
  return model.annexes
    .map((annex, i) => {
      const raw = annex.number ?? annex.frontMatter.annex;
      return { annex, n: typeof raw === 'number' && raw > 0 ? raw : i + 1 };
    })
    .filter((x) => x.annex.kind === 'pdf-annex' || x.annex.lang === lang)
    .sort((a, b) => a.n - b.n || (a.annex.file < b.annex.file ? -1 : 1));
}

function annexTitleOf(a: Annex, lang: string): string {
  const t = a.title ?? a.frontMatter.title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object') return localized(t as Record<string, string>, lang);
  return '';
}

/** Where the slots of `VERSION_LIST_SLOTS` are in a page's HTML ([start, end), UTF-16 units). */
export type PageSpans = Record<string, [number, number]>;

interface Rendered {
  html: string;
  searchDocs: SearchDoc[];
  spans: PageSpans;
}

/**
 * The only parts of a page that depend on the list of versions; everything else depends on
 * the page's own version and language. The build's cache of frozen releases keeps their
 * pages and re-renders just these slots when a release is added.
 */
export const VERSION_LIST_SLOTS = ['versionSwitcher', 'banner'] as const;

export function versionListSlots(env: PageEnv): Record<(typeof VERSION_LIST_SLOTS)[number], string> {
  const banner = oldVersionBanner(env);
  return { versionSwitcher: toHtml([versionSwitcher(env)]), banner: banner ? toHtml([banner]) : '' };
}

/**
 * A page rendered for another version list, with `versionListSlots(env)` put in place of
 * its old version-list slots: the same bytes `fillPage` would write for `env`.
 */
export function respliceVersionList(html: string, spans: PageSpans, env: PageEnv): { html: string; spans: PageSpans } {
  const slots = versionListSlots(env);
  const order = VERSION_LIST_SLOTS.map((k) => [k, spans[k]] as const).sort((a, b) => a[1]![0] - b[1]![0]);
  let out = '';
  let last = 0;
  const next: PageSpans = {};
  for (const [k, span] of order) {
    if (!span || span[0] < last || span[1] > html.length) throw new Error(`page span of slot ${k} is out of range`);
    out += html.slice(last, span[0]);
    next[k] = [out.length, out.length + slots[k].length];
    out += slots[k];
    last = span[1];
  }
  return { html: out + html.slice(last), spans: next };
}

function tocList(entries: { id: string; label: string; children: RenderedHeading[] }[]): Element {
  return h('ol', {}, entries.map((e) => h('li', {},
    h('a', { href: `#${e.id}` }, e.label),
    e.children.length ? h('ol', {}, e.children.map((c) => h('li', {}, h('a', { href: `#${c.id}` }, c.text)))) : null)));
}

function fillPage(env: PageEnv, slots: { pageTitle: string; main: ElementContent[]; toc: Element; scripts: string; bodyClass: string; search?: boolean }): { text: string; spans: PageSpans } {
  const { lang, current } = env;
  const stamp = stampOf(current, lang);
  const header: ElementContent[] = [];
  const toRtl = (e: Element) => {
    isolateRuns(e, directionOf(lang) === 'rtl');
    return e;
  };
  return fillTemplateMapped(readTemplate('page.html'), {
    lang: escapeHtml(lang),
    dir: directionOf(lang),
    pageTitle: escapeHtml(slots.pageTitle),
    assets: '../../assets',
    // Printing from the browser: the running header the guidance asks for (R3).
    // The paper the SOP's PDFs are set on, so a page printed from the browser matches them.
    pageStyle: `@page{size:${current.model.manifest.paper === 'Letter' ? 'letter' : 'A4'};margin:18mm 16mm;@top-center{content:${cssString(`${titleOf(current, lang)} — ${stamp}`)};font-size:8pt}@bottom-center{content:counter(page${digitsFor(current.model.manifest, lang) === 'arab' ? ',arabic-indic' : ''})}}`,
    scripts: slots.scripts,
    bodyClass: slots.bodyClass,
    version: escapeHtml(current.version),
    digits: digitsFor(current.model.manifest, lang),
    skipLabel: escapeHtml(siteLabel('skip', lang)),
    contentsLabel: escapeHtml(siteLabel('contents', lang)),
    topLabel: escapeHtml(siteLabel('top', lang)),
    scrollHint: escapeHtml(siteLabel('scrollHint', lang)),
    sopTitle: escapeHtml(titleOf(current, lang)),
    stamp: escapeHtml(stamp),
    switchersLabel: escapeHtml(`${siteLabel('version', lang)} / ${siteLabel('language', lang)}`),
    ...versionListSlots(env),
    languageSwitcher: toHtml([languageSwitcher(env)]),
    search: slots.search ? toHtml([searchForm(lang)]) : '',
    toc: toHtml([toRtl(slots.toc)]),
    main: toHtml([...header, ...slots.main]),
    footer: toHtml([toRtl(footer(env))]),
  }, VERSION_LIST_SLOTS);
}

/** The SOP page of one version and language, and its search documents. */
export async function renderSopPage(env: PageEnv): Promise<Rendered> {
  const { lang, current } = env;
  const model = current.model;
  const digits = digitsFor(current.model.manifest, lang);
  const diagrams = await layoutDiagrams(model, lang);
  const contextKey = contextKeyOf(model, diagrams);
  const ids = new IdRegistry();
  for (const reserved of ['main', 'search-q', 'contents']) ids.claim(reserved);
  const blocks = componentBlocks(model, lang);
  const annexes = annexesFor(model, lang);
  const servicesShown = servicesOnPage(model, [...blocks.flatMap((b) => b.sections), ...annexes.flatMap(({ annex }) => (annex.kind === 'markdown-annex' ? [annex] : []))]);
  const main: ElementContent[] = [
    h('h1', { id: ids.claim('top') }, titleOf(current, lang)),
    // The setting, in the profile's words, as the PDF's cover gives it.
    h('p', { className: ['sop-context'] }, `${siteLabel('context', lang)}: ${contextName(model.profile, model.manifest.context, lang, model.manifest.languages)}`),
  ];
  const tocEntries: { id: string; label: string; children: RenderedHeading[] }[] = [];
  const searchDocs: SearchDoc[] = [];
  // Links are pointed at their targets once every component has handed out its anchors.
  const scopes = new Map<string, { scope: string; slugs: SlugAllocator }>();
  const bodies: Array<{ nodes: ElementContent[]; file: string }> = [];

  for (const block of blocks) {
    const blockLang = block.lang;
    const ctx: RenderContext = {
      model, lang: blockLang, dir: directionOf(blockLang), digits: digitsFor(current.model.manifest, blockLang), diagrams: blockLang === lang ? diagrams : await layoutDiagrams(model, blockLang),
      servicesHref: 'services.html', servicesOnPage: servicesShown,
    };
    const id = ids.claim(block.id);
    const label = block.n !== undefined ? `${formatNumber(block.n, digits)}. ${block.title}` : block.title;
    const body: ElementContent[] = [];
    const headings: RenderedHeading[] = [];
    if (blockLang !== lang) body.push(h('p', { className: ['translation-missing'], role: 'note' }, siteLabel('notTranslated', lang)));
    const slugs = new SlugAllocator();
    for (const s of block.sections) {
      const r = renderBodyCached(s, ctx, block.id, ids, slugs, contextKey);
      body.push(...r.children);
      headings.push(...r.headings);
      scopes.set(s.file, { scope: block.id, slugs });
      bodies.push({ nodes: r.children, file: s.file });
    }
    if (block.generated === 'signatures') body.push(signatures(ctx));
    const heading = h('h2', { id }, label);
    isolateRuns(heading, directionOf(lang) === 'rtl');
    const attrs = blockLang !== lang ? { lang: blockLang, dir: directionOf(blockLang) } : {};
    main.push(h('section', { className: ['component'], dataComponent: block.id, ariaLabelledBy: id, ...attrs }, heading, body));
    tocEntries.push({ id, label, children: headings.filter((x) => x.depth === 3) });
    searchDocs.push(...searchDocsOf(id, label, body));
  }

  // Annexes after the components (R4: each marked with its number, the SOP version and date).
  const annexCtx: RenderContext = { model, lang, dir: directionOf(lang), digits, diagrams, servicesHref: 'services.html', servicesOnPage: servicesShown };
  for (const { annex, n } of annexes) {
    const id = ids.claim(`annex-${n}`);
    const title = annexTitleOf(annex, lang);
    const label = `${siteLabel('annex', lang)} ${formatNumber(n, digits)}${title ? ` — ${title}` : ''}`;
    const body: ElementContent[] = [
      h('p', { className: ['annex-stamp'] }, `${siteLabel('annex', lang)} ${formatNumber(n, digits)} — ${stampOf(current, lang)}`),
    ];
    const headings: RenderedHeading[] = [];
    if (annex.kind === 'markdown-annex') {
      const slugs = new SlugAllocator();
      const r = renderBodyCached(annex, annexCtx, id, ids, slugs, contextKey);
      body.push(...r.children);
      scopes.set(annex.file, { scope: id, slugs });
      bodies.push({ nodes: r.children, file: annex.file });
      headings.push(...r.headings);
    }
    const pdf = downloadHref(env, annex.kind === 'pdf-annex' ? `pdf/annex-${n}-v${current.version}.pdf` : `pdf/annex-${n}-v${current.version}-${lang}.pdf`);
    if (pdf) body.push(h('p', { className: ['annex-pdf'] }, h('a', { href: pdf, type: 'application/pdf' }, `${siteLabel('pdf', lang)}: ${label}`)));
    const heading = h('h2', { id }, label);
    isolateRuns(heading, directionOf(lang) === 'rtl');
    main.push(h('section', { className: ['annex'], dataAnnex: String(n), ariaLabelledBy: id }, heading, body));
    tocEntries.push({ id, label, children: headings.filter((x) => x.depth === 3) });
    searchDocs.push(...searchDocsOf(id, label, body));
  }
  for (const b of bodies) linkInternal(b.nodes, b.file, scopes, ids);

  const toc = h('details', { className: ['toc'], id: 'contents', open: true },
    h('summary', {}, siteLabel('contents', lang)),
    h('nav', { ariaLabel: siteLabel('contents', lang) }, tocList(tocEntries)),
    downloads(env));
  // Search loads its two scripts on first use (site.js): 120 KB less to open the page.
  const scripts = '<script src="../../assets/site.js" defer></script>';
  const page = fillPage(env, { pageTitle: `${titleOf(current, lang)} — ${stampOf(current, lang)}`, main, toc, scripts, bodyClass: `sop ${current.status}`, search: true });
  return { html: page.text, searchDocs, spans: page.spans };
}

/** Splits a component's body at its headings: one search document per heading. */
function searchDocsOf(id: string, label: string, body: ElementContent[]): SearchDoc[] {
  const docs: SearchDoc[] = [{ id, title: label, text: '' }];
  for (const node of body) {
    if (node.type === 'element' && /^h[3-6]$/.test(node.tagName) && typeof node.properties?.id === 'string') {
      docs.push({ id: node.properties.id, title: hastText(node).trim(), parent: label, text: '' });
      continue;
    }
    const t = searchText(node);
    if (t) docs[docs.length - 1]!.text += `${t} `;
  }
  return docs.map((d) => ({ ...d, text: d.text.trim() }));
}

/** The service map on its own page (R11: rebuilt without a new SOP version). */
export function renderServicesPage(env: PageEnv): string {
  return renderServicesPageMapped(env).html;
}

/** `renderServicesPage` with the spans of its version-list slots (for the release cache). */
export function renderServicesPageMapped(env: PageEnv): { html: string; spans: PageSpans } {
  const { lang, current } = env;
  const ctx: RenderContext = {
    model: current.model, lang, dir: directionOf(lang), digits: digitsFor(current.model.manifest, lang), diagrams: {}, servicesHref: 'services.html', servicesOnPage: true,
  };
  const table = servicesTable(ctx, 'service-');
  isolateRuns(table, ctx.dir === 'rtl');
  const main: ElementContent[] = [
    h('h1', { id: 'services' }, siteLabel('services', lang)),
    table,
  ];
  const toc = h('details', { className: ['toc'], id: 'contents', open: true },
    h('summary', {}, siteLabel('contents', lang)),
    h('nav', { ariaLabel: siteLabel('contents', lang) }, h('ol', {}, h('li', {}, h('a', { href: 'index.html' }, titleOf(current, lang))))),
    downloads(env));
  const page = fillPage(env, {
    pageTitle: `${siteLabel('services', lang)} — ${titleOf(current, lang)}`,
    main, toc, scripts: '<script src="../../assets/site.js" defer></script>', bodyClass: 'services-page',
  });
  return { html: page.text, spans: page.spans };
}
