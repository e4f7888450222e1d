import type { Element } from 'hast';
import { digitsFor, directionOf, formatDate, label as siteLabel, languageName, localized, localizeDigits, versionStamp } from '../i18n/index.js';
import { h } from './html/h.js';
import type { SiteVersion } from './versions.js';

/** What every page of one version and language shares: header, switchers, banner, footer. */
export interface PageEnv {
  versions: SiteVersion[];
  current: SiteVersion;
  lang: string;
  /** File name of this page inside `<version>/<lang>/` (switchers link to the same page). */
  file: 'index.html' | 'services.html';
  /**
   * The files of this version the build placed under `site/downloads/` (relative to it, e.g.
   * `pdf/sop-v2.1-ar.pdf`). A page links only these: a site built alone (`build --only
   * site`, `serve`) or an older version without its PDFs has no dead download links.
   */
  downloads?: ReadonlySet<string>;
}

export function stampOf(v: SiteVersion, lang: string): string {
  const d = digitsFor(v.model.manifest, lang);
  const stamp = versionStamp(v.version, v.date, lang, d);
  return v.status === 'draft' ? `${stamp} — ${siteLabel('draft', lang)}` : stamp;
}

export function titleOf(v: SiteVersion, lang: string): string {
  return localized(v.model.manifest.title, lang);
}

/** Languages a version offers a page in (manifest order). */
export function languagesOf(v: SiteVersion): string[] {
  return v.model.manifest.languages;
}

function switcher(label: string, current: string, items: Element[]): Element {
  return h('details', { className: ['switch'] }, h('summary', {}, h('span', { className: ['switch-label'] }, `${label}: `), current), h('ul', {}, items));
}

export function versionSwitcher(env: PageEnv): Element {
  const { lang } = env;
  const d = digitsFor(env.current.model.manifest, lang);
  const items = env.versions.map((v) => {
    const target = languagesOf(v).includes(lang) ? lang : languagesOf(v)[0]!;
    const isCurrent = v.version === env.current.version;
    const name = `${localizeDigits(v.version, d)} — ${formatDate(v.date, lang, d)}${v.status === 'draft' ? ` (${siteLabel('draft', lang)})` : ''}`;
    return h('li', {}, h('a', {
      href: `../../${v.version}/${target}/${env.file}`,
      dataKeepHash: '',
      ariaCurrent: isCurrent ? 'page' : undefined,
    }, name));
  });
  return switcher(siteLabel('version', lang), localizeDigits(env.current.version, d), items);
}

export function languageSwitcher(env: PageEnv): Element {
  const items = languagesOf(env.current).map((l) => h('li', {}, h('a', {
    href: `../${l}/${env.file}`,
    hrefLang: l,
    lang: l,
    dir: directionOf(l),
    dataKeepHash: '',
    ariaCurrent: l === env.lang ? 'page' : undefined,
  }, languageName(l))));
  return switcher(siteLabel('language', env.lang), languageName(env.lang), items);
}

export function searchForm(lang: string): Element {
  return h('form', {
    className: ['search'], role: 'search', hidden: true, dataNone: siteLabel('noResults', lang), autoComplete: 'off',
    // Plain <script> loads, not fetch(): fetch fails on file://.
    dataScripts: '../../assets/minisearch.js search-index.js',
  },
    h('label', { htmlFor: 'search-q' }, siteLabel('search', lang)),
    h('input', { id: 'search-q', type: 'search', name: 'q', placeholder: siteLabel('searchPlaceholder', lang), autoComplete: 'off', ariaKeyShortcuts: '/', title: siteLabel('searchKey', lang) }),
    h('ol', { className: ['search-results'], ariaLive: 'polite' }));
}

export function oldVersionBanner(env: PageEnv): Element | null {
  const latest = env.versions[0]!;
  if (latest.version === env.current.version) return null;
  const target = languagesOf(latest).includes(env.lang) ? env.lang : languagesOf(latest)[0]!;
  return h('p', { className: ['banner', 'old-version'], role: 'note' },
    siteLabel('oldVersion', env.lang), ' ',
    h('a', { href: `../../${latest.version}/${target}/${env.file}`, dataKeepHash: '' },
      `${siteLabel('goLatest', env.lang)} (${localizeDigits(latest.version, digitsFor(env.current.model.manifest, env.lang))})`));
}

/**
 * Where a page of `<version>/<lang>/` finds the PDFs and posters: inside the site folder
 * (`site/downloads/`, filled by the full build), so a copied `site/` works on its own.
 */
export const DOWNLOADS = '../../downloads';

/** The link to a file under `site/downloads/`, or undefined when this build did not place it there. */
export function downloadHref(env: PageEnv, rel: string): string | undefined {
  return env.downloads?.has(rel) ? `${DOWNLOADS}/${rel}` : undefined;
}

/**
 * Links to the PDFs and posters the build placed in `site/downloads/` (each poster file
 * itself: a link to the folder would be dead on most web servers), and the services page.
 */
export function downloads(env: PageEnv): Element | null {
  const { lang } = env;
  const v = env.current.version;
  const items: Element[] = [];
  for (const l of languagesOf(env.current)) {
    const href = downloadHref(env, `pdf/sop-v${v}-${l}.pdf`);
    if (href) items.push(h('li', {}, h('a', { href, hrefLang: l, type: 'application/pdf' }, `${siteLabel('pdf', lang)} — ${languageName(l)}`)));
  }
  const pack = downloadHref(env, `pdf/pack-v${v}-${lang}.pdf`);
  if (pack) items.push(h('li', {}, h('a', { href: pack, hrefLang: lang, type: 'application/pdf' }, siteLabel('pack', lang))));
  // This language's posters and cards first, then the bilingual ones; file names as link
  // text (they say product, paper and language), isolated left to right.
  const posters = [...(env.downloads ?? [])].filter((f) => /^posters\/[^/]+\.pdf$/.test(f));
  const mine = [...posters.filter((f) => f.endsWith(`-${lang}.pdf`)).sort(), ...posters.filter((f) => f.endsWith('-bilingual.pdf')).sort()];
  if (mine.length) {
    items.push(h('li', {}, siteLabel('posters', lang),
      h('ul', { className: ['poster-files'] }, mine.map((f) => h('li', {}, h('a', { href: `${DOWNLOADS}/${f}`, type: 'application/pdf', dir: 'ltr' }, f.slice('posters/'.length)))))));
  }
  if (env.current.model.data.services) items.push(h('li', {}, h('a', { href: 'services.html' }, siteLabel('servicesPage', lang))));
  if (!items.length) return null;
  return h('div', { className: ['downloads'] },
    h('p', {}, h('strong', {}, siteLabel('downloads', lang))),
    h('ul', {}, items));
}

export function footer(env: PageEnv): Element {
  return h('div', {},
    h('p', {}, titleOf(env.current, env.lang)),
    h('p', {}, stampOf(env.current, env.lang)));
}

