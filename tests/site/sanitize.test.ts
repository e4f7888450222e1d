import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../src/build/site.js';
import type { SopModel } from '../../src/model/types.js';
import { loadExample, tempDir } from './helpers.js';

const EVIL_BODY = `
## Heading <img src=x onerror="alert('h')">

<script>alert('script')</script>
<SCRIPT SRC="evil.js"></SCRIPT>
<img src="x.png" onerror="alert('img')">
<div onclick="alert('div')" onmouseover="alert(2)">click</div>
<svg onload="alert('svg')"><circle r="4"/></svg>
<iframe src="javascript:alert('iframe')"></iframe>
<a href="javascript:alert('a')">a link</a>
<a href="JaVaScRiPt:alert('mixed')">mixed</a>
<a href="&#106;avascript:alert('entity')">entity</a>
<a href=" javascript:alert('space')">space</a>
<form action="javascript:alert('form')"><button formaction="javascript:alert(1)">go</button></form>
<style>body{background:url(javascript:alert('css'))}</style>
<object data="javascript:alert('object')"></object>
<embed src="javascript:alert('embed')">
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
<sopkit-slot data-slot="0000:0"></sopkit-slot>

[markdown link](javascript:alert('md'))
[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![image](javascript:alert('mdimg'))
[external](https://example.org/page) and <https://evil.example/auto>

Time 10:30 stays text, and :word too.

::services{data=services}

::services{data=services}
`;

let html = '';

beforeAll(async () => {
  const base = await loadExample();
  const model: SopModel = structuredClone({ ...base, profile: base.profile });
  const s = model.sections.find((x) => x.lang === 'en' && x.component === 'purpose-scope')!;
  s.body = EVIL_BODY;
  s.title = `Purpose <script>alert('title')</script>`;
  model.manifest.title.en = `SOP <img src=x onerror=alert('manifest')>`;
  const elig = model.data.eligibility!.value as { criteria: { text: Record<string, string> }[] };
  elig.criteria[0]!.text.en = `<script>alert('data')</script> under 18`;
  const out = await tempDir();
  const files = await buildSite(model, out);
  html = await readFile(path.join(out, 'site', '2.1', 'en', 'index.html'), 'utf8');
  expect(files.length).toBeGreaterThan(5);
});

describe('nothing executable reaches the site', () => {
  test('the only scripts are the site\'s own, by src', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="../../assets/site.js" defer>']);
    expect(html).not.toMatch(/<script>alert/i);
  });

  test('no event-handler attribute anywhere', () => {
    expect(html.match(/<[^>]+\son[a-z]+\s*=/gi)).toBeNull();
  });

  test('no javascript: (or data:) URL in any attribute', () => {
    expect(html.match(/=\s*["']?\s*(?:javascript|data|vbscript):/gi)).toBeNull();
    expect(html.match(/(?:href|src|action|formaction|data)\s*=\s*["'][^"']*&#/gi)).toBeNull();
  });

  test('dangerous elements are gone, their text with them', () => {
    const start = html.indexOf('<section class="component" data-component="purpose-scope"');
    const section = html.slice(start, html.indexOf('<section class="component"', start + 10)).toLowerCase();
    expect(section).toContain('a link'); // the section is there, only defused
    for (const tag of ['iframe', 'object', 'embed', 'button', 'style', 'math', 'svg', 'sopkit-slot', 'script']) {
      expect(section.includes(`<${tag}`), tag).toBe(false);
    }
    // The only form is the service map's own filter form (from the ::services directive).
    expect(section.match(/<form\b[^>]*>/g)?.filter((f) => !f.startsWith('<form class="service-filters"'))).toEqual([]);
    expect(html.includes("alert('css')")).toBe(false);
  });

  test('text from titles, manifest and data files is escaped, not parsed', () => {
    expect(html).toContain('Purpose &#x3C;script>alert(\'title\')&#x3C;/script>');
    expect(html).toContain('&#x3C;script>alert(\'data\')&#x3C;/script> under 18');
    expect(html).toContain('SOP &#x3C;img src=x onerror=alert(\'manifest\')>');
  });

  test('the detector works: the same checks fire on unsanitized HTML', () => {
    const raw = '<div onclick="x()"><a href="javascript:alert(1)">a</a></div>';
    expect(raw.match(/<[^>]+\son[a-z]+\s*=/gi)).not.toBeNull();
    expect(raw.match(/=\s*["']?\s*(?:javascript|data|vbscript):/gi)).not.toBeNull();
  });
});

describe('ordinary Markdown survives', () => {
  test('a directive used twice does not repeat ids', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(html.match(/<table class="service-map">/g)?.length).toBe(3);
  });
  test('external links keep their words and show the address as text, never as a link', () => {
    expect(html).toMatch(/<span class="external">external <span class="external-url" dir="ltr">&#x3C;https:\/\/example.org\/page><\/span><\/span>/);
    expect(html).not.toMatch(/href="https?:/);
  });
  test('colons in prose are not eaten by the directive syntax', () => {
    expect(html).toContain('Time 10:30 stays text, and :word too.');
  });
  test('a forged directive placeholder renders nothing', () => {
    expect(html).not.toContain('0000:0');
  });
});
