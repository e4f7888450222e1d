import { beforeAll, describe, expect, test } from 'vitest';
import { treeOf } from '../../src/document/index.js';
import type { SopModel } from '../../src/model/types.js';
import { orderVersions } from '../../src/site/index.js';
import { renderSopPage } from '../../src/site/page.js';
import { loadExample } from './helpers.js';

/**
 * Issue 12: the example's manifest sets `digits: { ar: arab }`, and everything sopkit generates
 * on the Arabic page (component and heading numbers, dates, versions, footnote marks) uses
 * Arabic-Indic digits; so must the Arabic text itself, or one line mixes "المكوّن 7" with a
 * heading "٧.". Left in Latin digits: what is not Arabic prose — Latin codes (CM-1, A6),
 * phone numbers, e-mail addresses, code, and the Markdown syntax of list markers and
 * footnote labels (not text nodes).
 */
const NOT_PROSE = /[A-Za-z][A-Za-z0-9+]*(?:[-/][A-Za-z0-9+]+)*|[\w.+-]+@[\w.-]+|\+?\d[\d ]{7,}\d/g;
const latinDigitsIn = (text: string) => text.replace(NOT_PROSE, '').match(/[0-9]+/g) ?? [];

let model: SopModel;
beforeAll(async () => {
  model = await loadExample();
});

interface Node { type: string; value?: string; children?: Node[] }
function texts(n: Node, out: string[] = []): string[] {
  if (n.type === 'text' && n.value) out.push(n.value);
  for (const c of n.children ?? []) texts(c, out);
  return out;
}

describe('Arabic digits in the example', () => {
  test('the Arabic sections and annexes write their numbers in Arabic-Indic digits', () => {
    const found: string[] = [];
    const files = [...model.sections, ...model.annexes.flatMap((a) => (a.kind === 'markdown-annex' ? [a] : []))].filter((f) => f.lang === 'ar');
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      for (const t of texts(treeOf(model, f) as Node)) {
        for (const d of latinDigitsIn(t)) found.push(`${f.file}: ${d} in «${t.slice(0, 60)}»`);
        // Arabic decimal and thousands separators (٫ ٬) between Arabic-Indic digits, not . and ,
        for (const m of t.match(/[٠-٩][.,][٠-٩]+/g) ?? []) found.push(`${f.file}: ${m}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('the Arabic text of the data files (flowcharts, matrix, service map, cards) too', () => {
    // Their Arabic strings are printed beside generated Arabic-Indic numbers on posters,
    // cards and the site's service map: "دون 18 عامًا" next to a step "١." mixes styles.
    const found: string[] = [];
    const walk = (v: unknown, file: string, key?: string): void => {
      if (typeof v === 'string') {
        if (key === 'ar') for (const d of latinDigitsIn(v)) found.push(`${file}: ${d} in «${v.slice(0, 60)}»`);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, file, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, file, k);
    };
    const files = Object.values(model.data);
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) walk(f.value, f.file);
    expect(found).toEqual([]);
  });

  test('the Arabic site page: headings and contents carry no Latin digit (generated or written)', async () => {
    const versions = orderVersions([model]);
    const html = (await renderSopPage({ versions, current: versions[0]!, lang: 'ar', file: 'index.html' })).html;
    const strip = (s: string) => s.replace(/<[^>]+>/g, '');
    const headings = [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => strip(m[2]!));
    const toc = [...html.slice(html.indexOf('<details class="toc"'), html.indexOf('</nav>', html.indexOf('<details class="toc"'))).matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => strip(m[1]!));
    expect(headings.length).toBeGreaterThan(40);
    expect(headings.filter((t) => /[٠-٩]/.test(t)).length).toBeGreaterThan(18);
    expect([...headings, ...toc].filter((t) => latinDigitsIn(t).length)).toEqual([]);
  });
});
