import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildServicesPages, buildSite } from '../../src/build/site.js';
import type { SopModel } from '../../src/model/types.js';
import { asOlderVersion, listFiles, loadExample, size, tempDir } from './helpers.js';

let model: SopModel;
let out: string;
let files: string[];
const page = (rel: string) => readFile(path.join(out, 'site', rel), 'utf8');

/** Files a full build would place under site/downloads/ (a few of each kind), for the links. */
const DOWNLOADS = [
  ...['2.1', '2.0'].flatMap((v) => [`pdf/sop-v${v}-ar.pdf`, `pdf/sop-v${v}-en.pdf`, `pdf/pack-v${v}-ar.pdf`, `pdf/pack-v${v}-en.pdf`,
    `pdf/annex-1-v${v}-ar.pdf`, `pdf/annex-1-v${v}-en.pdf`, `pdf/annex-2-v${v}.pdf`]),
  'posters/eligibility-a3-ar.pdf', 'posters/eligibility-a3-en.pdf', 'posters/eligibility-a2-bilingual.pdf',
];

beforeAll(async () => {
  model = await loadExample();
  out = await tempDir();
  files = await buildSite(model, out, { versions: [asOlderVersion(model)], downloads: DOWNLOADS });
});

describe('site layout', () => {
  test('one page per language per version, services pages, search indexes, assets, root index', () => {
    for (const v of ['2.1', '2.0']) for (const l of ['ar', 'en']) {
      expect(files).toContain(`site/${v}/${l}/index.html`);
      expect(files).toContain(`site/${v}/${l}/services.html`);
      expect(files).toContain(`site/${v}/${l}/search-index.js`);
    }
    expect(files).toContain('site/index.html');
    expect(files).toContain('site/assets/site.css');
    expect(files.filter((f) => f.endsWith('.woff2')).length).toBe(4);
  });

  test('the returned list is exactly what is on disk', async () => {
    expect((await listFiles(out)).sort()).toEqual([...files].sort());
  });

  test('the root index offers the latest version in each language (relative URLs), no automatic redirect', async () => {
    const html = await page('index.html');
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('<a class="choice" href="2.1/ar/index.html" hreflang="ar"');
    expect(html).toContain('<a class="choice" href="2.1/en/index.html" hreflang="en"');
    expect(html).toContain('href="2.0/en/index.html"');
  });

  test('lang and dir are set per language', async () => {
    expect(await page('2.1/ar/index.html')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(await page('2.1/en/index.html')).toMatch(/<html lang="en" dir="ltr">/);
  });
});

describe('content', () => {
  test('every component in checklist order, numbered "N. Title" with the language digits', async () => {
    const ar = await page('2.1/ar/index.html');
    const en = await page('2.1/en/index.html');
    const order = (html: string) => [...html.matchAll(/<h2 id="([a-z0-9-]+)">/g)].map((m) => m[1]).filter((id) => !id!.startsWith('annex-'));
    const expected = model.profile.components.map((c) => c.id);
    expect(order(ar)).toEqual(expected);
    expect(order(en)).toEqual(expected);
    expect(en).toMatch(/<h2 id="eligibility">8\. /);
    expect(ar).toMatch(/<h2 id="eligibility">٨\. /);
  });

  test('every heading has a unique id; sub-heading ids start with their component id', async () => {
    for (const l of ['ar', 'en']) {
      const html = await page(`2.1/${l}/index.html`);
      const main = html.slice(html.indexOf('<main'));
      const heads = [...main.matchAll(/<h([1-6])([^>]*)>/g)];
      expect(heads.length).toBeGreaterThan(40);
      for (const h of heads) expect(h[2], `h${h[1]} without id`).toMatch(/ id="[^"]+"/);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      const sub = [...main.matchAll(/<h3 id="([^"]+)"/g)].map((m) => m[1]!);
      for (const id of sub) expect(model.profile.components.some((c) => id.startsWith(`${c.id}--`)) || /^annex-\d+--/.test(id), id).toBe(true);
    }
  });

  test('title, version and date on every page, localized; PDF links inside the site folder', async () => {
    const ar = await page('2.1/ar/index.html');
    expect(ar).toContain('الإصدار ٢٫١ — ٢٢ نوفمبر ٢٠٢٦');
    expect(ar).toContain(model.manifest.title.ar!);
    expect(ar).toContain('href="../../downloads/pdf/sop-v2.1-ar.pdf"');
    expect(ar).toContain('href="../../downloads/pdf/sop-v2.1-en.pdf"');
    const en = await page('2.1/en/index.html');
    expect(en).toContain('Version 2.1 — 22 November 2026');
    expect(await page('2.1/en/services.html')).toContain('Version 2.1 — 22 November 2026');
    expect(await page('2.0/en/index.html')).toContain('href="../../downloads/pdf/sop-v2.0-en.pdf"');
  });

  test('download links: exactly the files placed for the version (posters for the version built, in the page\'s language and bilingual)', async () => {
    const linked = (html: string) => [...html.matchAll(/href="\.\.\/\.\.\/downloads\/([^"]+)"/g)].map((m) => m[1]!).sort();
    expect(linked(await page('2.1/ar/index.html'))).toEqual(['pdf/annex-1-v2.1-ar.pdf', 'pdf/annex-2-v2.1.pdf', 'pdf/pack-v2.1-ar.pdf', 'pdf/sop-v2.1-ar.pdf', 'pdf/sop-v2.1-en.pdf',
      'posters/eligibility-a2-bilingual.pdf', 'posters/eligibility-a3-ar.pdf']);
    expect(linked(await page('2.1/en/services.html'))).toEqual(['pdf/pack-v2.1-en.pdf', 'pdf/sop-v2.1-ar.pdf', 'pdf/sop-v2.1-en.pdf',
      'posters/eligibility-a2-bilingual.pdf', 'posters/eligibility-a3-en.pdf']);
    // the posters are of the version built, not of the older one
    expect(linked(await page('2.0/en/index.html'))).toEqual(['pdf/annex-1-v2.0-en.pdf', 'pdf/annex-2-v2.0.pdf', 'pdf/pack-v2.0-en.pdf', 'pdf/sop-v2.0-ar.pdf', 'pdf/sop-v2.0-en.pdf']);
  });

  test('a site built without downloads links none (no dead links in `build --only site`)', async () => {
    const alone = await tempDir();
    const written = await buildSite(model, alone, {});
    for (const f of written.filter((x) => x.endsWith('.html'))) {
      const html = await readFile(path.join(alone, f), 'utf8');
      expect(html, f).not.toContain('downloads/');
      expect(html, f).not.toContain('class="annex-pdf"');
    }
  });

  test('only old versions carry the banner to the latest, and switchers link version and language', async () => {
    const old = await page('2.0/en/index.html');
    const cur = await page('2.1/en/index.html');
    expect(old).toMatch(/class="banner old-version"[^>]*>[^<]*<a href="..\/..\/2.1\/en\/index.html" data-keep-hash/);
    expect(cur).not.toContain('old-version');
    expect(cur).toContain('href="../../2.0/en/index.html" data-keep-hash');
    expect(cur).toContain('href="../ar/index.html" hreflang="ar" lang="ar" dir="rtl" data-keep-hash');
  });

  test('annexes follow the components, marked with number, version and date, linked to their PDFs', async () => {
    const en = await page('2.1/en/index.html');
    expect(en).toMatch(/<h2 id="annex-1">Annex 1 — [^<]+<\/h2><p class="annex-stamp">Annex 1 — Version 2\.1 — 22 November 2026<\/p>/);
    expect(en).toContain('href="../../downloads/pdf/annex-1-v2.1-en.pdf"');
    expect(en).toMatch(/<h2 id="annex-2">Annex 2 — /);
    expect(en).toContain('href="../../downloads/pdf/annex-2-v2.1.pdf"');
    expect(en.indexOf('id="annex-1"')).toBeGreaterThan(en.indexOf('<h2 id="annexes">'));
    const ar = await page('2.1/ar/index.html');
    expect(ar).toMatch(/<h2 id="annex-1">الملحق ١ — /);
  });

  test('print: @page header with title, version and date', async () => {
    expect(await page('2.1/en/index.html')).toMatch(/@page\{[^}]*@top-center\{content:"[^"]*Version 2\.1 — 22 November 2026"/);
  });

  test('data directives become SVG flowcharts, tables and lists', async () => {
    const en = await page('2.1/en/index.html');
    expect(en.match(/<svg /g)?.length).toBe(2);
    expect(en).toContain('<table class="matrix">');
    expect(en).toContain('<table class="card">');
    expect(en).toContain('<table class="service-map">');
    expect(en).toContain('<table class="signatures">');
    expect(en).toContain('<ol class="criteria">');
    expect(en).toContain('<ol class="pathway-steps">');
    expect(en).not.toMatch(/::(flowchart|matrix|card|services|pathways|criteria|signatures)/);
    const ar = await page('2.1/ar/index.html');
    expect(ar).toMatch(/<svg [^>]*direction="rtl"/);
  });

  test('signatures: an endorsement of an older version is shown as such, a missing one as not endorsed', async () => {
    const en = await page('2.1/en/index.html');
    const table = en.slice(en.indexOf('<table class="signatures">'), en.indexOf('</table>', en.indexOf('<table class="signatures">')));
    const row = (name: string) => table.split('<tr').find((r) => r.includes(name))!;
    expect(row('UNFPA')).toContain('class="older"');
    expect(row('UNFPA')).toContain('endorsed an earlier version');
    expect(row('Al-Nour Community Health Network')).toContain('Not yet endorsed');
    expect(row('UNICEF')).toContain('class="endorsed"');
  });

  test('services: own last_verified date, filterable rows that work as a plain table', async () => {
    const html = await page('2.1/en/services.html');
    expect(html).toMatch(/Last verified: <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toMatch(/<form class="service-filters" hidden/);
    expect(html).toMatch(/<tr id="service-[a-z0-9-]+" data-sector="[a-z]+" data-location="[^"]+">/);
    expect(html).toMatch(/<a href="tel:\+?[0-9]+" dir="ltr"/);
  });

  test('the services pages can be rebuilt alone', async () => {
    const dir = await tempDir();
    const written = await buildServicesPages(model, dir, { versions: [asOlderVersion(model)], downloads: DOWNLOADS });
    expect(written).toEqual(['site/2.1/ar/services.html', 'site/2.1/en/services.html']);
    expect(await listFiles(dir)).toEqual(written);
    expect(await readFile(path.join(dir, written[1]!), 'utf8')).toBe(await page('2.1/en/services.html'));
  });

  test('Arabic pages isolate Latin, numbers, phone numbers and e-mail addresses', async () => {
    const ar = await page('2.1/ar/index.html');
    const has = (s: string | RegExp) => (typeof s === 'string' ? ar.includes(s) : s.test(ar));
    expect(has('<bdi>UASC</bdi>')).toBe(true);
    expect(has(/<a href="mailto:[^"]+" dir="ltr"/)).toBe(true);
    expect(has(/<a href="tel:[^"]+" dir="ltr"/)).toBe(true);
    // A number with a thousands separator stays one unit (split, it would read "000,160"):
    // the example writes it in Arabic-Indic digits with the Arabic separator, one run.
    expect(has('١٦٠٬٠٠٠')).toBe(true);
  });

  test('the built site never contains the serve reload script', async () => {
    for (const f of files.filter((x) => /\.(html|js)$/.test(x))) {
      const text = await readFile(path.join(out, f), 'utf8');
      expect(text, f).not.toContain('EventSource');
      expect(text, f).not.toContain('__sopkit');
    }
  });
});

describe('offline and light', () => {
  const ATTR = /\s(?:src|href|action|formaction|poster|data|srcset|cite|background|xlink:href|manifest|icon|longdesc|ping)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'\s>]*)/gi;

  test('no attribute, CSS url() or script points at another host', async () => {
    let checked = 0;
    for (const f of files.filter((x) => /\.(html|css|js)$/.test(x))) {
      const text = await readFile(path.join(out, f), 'utf8');
      checked++;
      const hits = [...text.matchAll(ATTR)].map((m) => m[1]);
      expect(hits, f).toEqual([]);
      if (f.endsWith('.css') || f.endsWith('.html')) {
        expect(text.match(/url\(\s*["']?(?:[a-z]+:)?\/\//gi), f).toBeNull();
        expect(text.match(/@import/gi), f).toBeNull();
      }
    }
    expect(checked).toBeGreaterThan(10);
    // The detector itself must fire on what it guards against.
    expect([...'<a href="https://evil.example/">'.matchAll(ATTR)].length).toBe(1);
    expect([...'<img src=//cdn.example/x.png>'.matchAll(ATTR)].length).toBe(1);
    expect([...'<a href="mailto:a@b.org">'.matchAll(ATTR)].length).toBe(0);
  });

  test('one language page with its CSS, JS and fonts weighs under 500 KB', async () => {
    for (const l of ['ar', 'en']) {
      const dir = path.join(out, 'site', '2.1', l);
      const html = await readFile(path.join(dir, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"#]+\.(?:js|css))"/g)].map((m) => path.resolve(dir, m[1]!));
      // Loaded on first use of search, but part of the page all the same.
      const lazy = (/data-scripts="([^"]+)"/.exec(html)?.[1] ?? '').split(' ').filter(Boolean).map((f) => path.resolve(dir, f));
      expect(refs.length + lazy.length).toBe(4); // site.css, site.js, minisearch.js, search-index.js
      const css = await readFile(path.join(out, 'site', 'assets', 'site.css'), 'utf8');
      const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => path.join(out, 'site', 'assets', m[1]!));
      expect(fonts.length).toBe(4);
      let total = Buffer.byteLength(html);
      let initial = total;
      for (const f of [...refs, ...fonts]) initial += await size(f);
      for (const f of [...refs, ...lazy, ...fonts]) total += await size(f);
      console.log(`page weight ${l} when opened (before search is used): ${initial} bytes`);
      console.log(`page weight ${l}: ${total} bytes (html ${Buffer.byteLength(html)})`);
      expect(total).toBeLessThan(500_000);
    }
  });
});

describe('deterministic', () => {
  test('two builds give byte-identical files', async () => {
    const again = await tempDir();
    const files2 = await buildSite(model, again, { versions: [asOlderVersion(model)], downloads: DOWNLOADS });
    expect(files2).toEqual(files);
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(path.join(out, f)), readFile(path.join(again, f))]);
      expect(a.equals(b), f).toBe(true);
    }
  });

  test('no absolute machine path leaks into the site', async () => {
    for (const f of files.filter((x) => /\.(html|js)$/.test(x))) {
      const text = await readFile(path.join(out, f), 'utf8');
      expect(text, f).not.toContain(model.root);
      expect(text, f).not.toContain(out);
    }
  });
});
