import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SopModel } from '../model/types.js';
import { siteAssets } from './assets.js';
import { languagesOf, stampOf, titleOf, type PageEnv } from './chrome.js';
import { renderServicesPage, renderServicesPageMapped, renderSopPage, respliceVersionList, type PageSpans } from './page.js';
import { buildSearchScript } from './search.js';
import { escapeHtml } from './template.js';
import { directionOf, label as siteLabel, languageName } from '../i18n/index.js';
import { orderVersions, type SiteVersion } from './versions.js';
import type { ProgressFn } from '../diag/progress.js';

export interface SiteBuildOptions {
  onProgress?: ProgressFn;
  /** Older (released) versions to publish beside the current one; newest wins the "latest" slot. */
  versions?: SopModel[];
  /**
   * The files the build places under `site/downloads/` (relative to it: `pdf/…`, `posters/…`);
   * pages link only these. None when the site is built alone.
   */
  downloads?: readonly string[];
}

/**
 * The downloads a page of version `v` may link: its own PDFs (their names carry `-v<version>`),
 * and the posters when it is the version being built (poster names carry no version).
 */
export function downloadsOf(all: readonly string[], v: SiteVersion, built: boolean): Set<string> {
  const own = (f: string) => f.startsWith('pdf/') && (f.includes(`-v${v.version}-`) || f.endsWith(`-v${v.version}.pdf`));
  return new Set(all.filter((f) => own(f) || (built && f.startsWith('posters/'))));
}

/** A file of a released version from an earlier build; HTML pages with their version-list spans. */
export interface KeptFile {
  bytes: Buffer;
  spans: PageSpans | null;
}

/** Takes a built site's file (path under `site/`) instead of writing it: `serve` keeps its site in memory. */
export type SiteSink = (rel: string, content: Buffer) => void | Promise<void>;

/** Writes files under `<outDir>/site/` in a fixed order (or gives them to a sink); returns their paths relative to `outDir`. */
class Writer {
  readonly written: string[] = [];
  constructor(private readonly outDir: string, private readonly sink?: SiteSink) {}
  async write(rel: string, content: string | Buffer): Promise<void> {
    if (this.sink) await this.sink(rel, typeof content === 'string' ? Buffer.from(content) : content);
    else {
      const file = path.join(this.outDir, 'site', ...rel.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    this.written.push(`site/${rel}`);
  }
}

function rootIndex(versions: SiteVersion[]): string {
  const latest = versions[0]!;
  const langs = languagesOf(latest);
  const first = langs[0]!;
  const choices = langs.map((l) =>
    `<li><a class="choice" href="${escapeHtml(`${latest.version}/${l}/index.html`)}" hreflang="${escapeHtml(l)}" lang="${escapeHtml(l)}" dir="${directionOf(l)}"><span class="choice-lang">${escapeHtml(languageName(l))}</span> <span class="choice-title">${escapeHtml(titleOf(latest, l))}</span></a></li>`);
  const older = versions.slice(1).flatMap((v) => languagesOf(v).map((l) =>
    `<li><a href="${escapeHtml(`${v.version}/${l}/index.html`)}" hreflang="${escapeHtml(l)}" lang="${escapeHtml(l)}" dir="${directionOf(l)}">${escapeHtml(titleOf(v, l))} — ${escapeHtml(stampOf(v, l))} (${escapeHtml(languageName(l))})</a></li>`));
  const heading = langs.map((l) => `<span lang="${escapeHtml(l)}" dir="${directionOf(l)}">${escapeHtml(siteLabel('chooseLanguage', l))}</span>`).join(' · ');
  // No automatic redirect: the reader chooses, and the choice is kept (localStorage) for the next visit.
  // Works from file:// (no server), and without JavaScript it is a plain list of links.
  return `<!doctype html>
<html lang="${escapeHtml(first)}" dir="${directionOf(first)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(langs.map((l) => titleOf(latest, l)).join(' · '))}</title>
<link rel="stylesheet" href="assets/site.css">
<script>
(function () {
  var kept = null;
  try { kept = localStorage.getItem('sopkit-lang'); } catch (e) { /* storage off */ }
  var langs = ${JSON.stringify(langs)};
  if (kept && langs.indexOf(kept) >= 0 && !/[?&]choose/.test(location.search)) location.replace(${JSON.stringify(`${latest.version}/`)} + kept + '/index.html');
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a[hreflang]');
    if (a) try { localStorage.setItem('sopkit-lang', a.getAttribute('hreflang')); } catch (e) { /* storage off */ }
  });
})();
</script>
</head>
<body class="chooser">
<main id="main">
<h1>${heading}</h1>
<ul class="choices">
${choices.join('\n')}
</ul>
${older.length ? `<ul class="older">\n${older.join('\n')}\n</ul>\n` : ''}</main>
</body>
</html>
`;
}

/**
 * Builds the whole site for a list of versions: per version and language `index.html`,
 * `services.html` and `search-index.js`; shared assets; the root redirect page.
 */
export async function buildSiteVersions(
  models: SopModel[],
  outDir: string,
  opts: {
    onProgress?: ProgressFn;
    /**
     * Files of released versions kept from an earlier build (by version, then path under
     * `site/`): used instead of rendering that version again, with only the version
     * switcher and banner re-rendered for this version list (HTML pages carry their spans).
     */
    reuse?: ReadonlyMap<string, ReadonlyMap<string, KeptFile>>;
    /** Told of every file of a version written, with the spans of its version-list slots (for the cache). */
    onFile?: (version: string, rel: string, bytes: Buffer, spans: PageSpans | null) => void;
    /** See `SiteBuildOptions.downloads`. */
    downloads?: readonly string[];
    /** Each file to this instead of `outDir` (`serve`: the site in memory). */
    sink?: SiteSink;
    /**
     * This language's pages before the others' (`serve`: the language just saved reloads
     * first). The files are the same; only the order they come in moves.
     */
    firstLanguage?: string;
  } = {},
): Promise<string[]> {
  const versions = orderVersions(models);
  if (!versions.length) return [];
  const w = new Writer(outDir, opts.sink);
  const inOrder = (langs: string[]) => (opts.firstLanguage && langs.includes(opts.firstLanguage) ? [opts.firstLanguage, ...langs.filter((l) => l !== opts.firstLanguage)] : langs);
  for (const a of siteAssets()) await w.write(a.path, a.content);
  const put = async (v: SiteVersion, rel: string, content: string, spans: PageSpans | null) => {
    const bytes = Buffer.from(content);
    await w.write(rel, bytes);
    opts.onFile?.(v.version, `site/${rel}`, bytes, spans);
  };
  for (const v of versions) {
    const kept = opts.reuse?.get(v.version);
    const names = ['index.html', 'search-index.js', ...(v.model.data.services ? ['services.html'] : [])];
    const complete = kept && languagesOf(v).every((lang) => names.every((n) => {
      const f = kept.get(`site/${v.version}/${lang}/${n}`);
      return f && (n === 'search-index.js' || f.spans);
    }));
    for (const lang of inOrder(languagesOf(v))) {
      const env: PageEnv = { versions, current: v, lang, file: 'index.html', downloads: downloadsOf(opts.downloads ?? [], v, v.model === models[0]) };
      if (complete) {
        for (const n of names) {
          const rel = `${v.version}/${lang}/${n}`;
          const f = kept.get(`site/${rel}`)!;
          if (!f.spans) await put(v, rel, f.bytes.toString('utf8'), null);
          else {
            const page = respliceVersionList(f.bytes.toString('utf8'), f.spans, { ...env, file: n as PageEnv['file'] });
            await put(v, rel, page.html, page.spans);
          }
        }
        continue;
      }
      opts.onProgress?.(`site: version ${v.version}, ${lang}`, { stage: v.model === models[0] ? 'site' : `site ${v.version}`, lang });
      const page = await renderSopPage(env);
      await put(v, `${v.version}/${lang}/index.html`, page.html, page.spans);
      await put(v, `${v.version}/${lang}/search-index.js`, buildSearchScript(page.searchDocs), null);
      if (v.model.data.services) {
        const services = renderServicesPageMapped({ ...env, file: 'services.html' });
        await put(v, `${v.version}/${lang}/services.html`, services.html, services.spans);
      }
    }
  }
  await w.write('index.html', rootIndex(versions));
  return w.written;
}

/**
 * Rebuilds only the service pages of the current version (R11: the service map is a living
 * document, refreshed without a new SOP version). Other files are left untouched.
 */
export async function buildServicesPages(model: SopModel, outDir: string, opts: SiteBuildOptions = {}): Promise<string[]> {
  const versions = orderVersions([model, ...(opts.versions ?? [])]);
  const current = versions.find((v) => v.model === model)!;
  const w = new Writer(outDir);
  if (!model.data.services) return [];
  for (const lang of languagesOf(current)) {
    opts.onProgress?.(`site: services page, ${lang}`, { stage: 'site services', lang });
    const downloads = downloadsOf(opts.downloads ?? [], current, true);
    await w.write(`${current.version}/${lang}/services.html`, renderServicesPage({ versions, current, lang, file: 'services.html', downloads }));
  }
  return w.written;
}
