/**
 * One anchor for one heading in every output: the PDF's named destinations, the site's ids
 * and `check`'s anchors are the same set for an SOP whose headings have `&`, Arabic with
 * diacritics and tatweel, repeats (also across two files of one component), digits in both
 * scripts and emoji- or punctuation-only text; a link to no heading is a `check` finding at
 * file:line:column, keeps its words in the PDF and is not rewritten on the site.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorScopes } from '../../src/check/rules/link-broken.js';
import { anchorId, scopeAnchors, type HeadingTreeNode } from '../../src/i18n/index.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { loadSop, type MarkdownFile } from '../../src/model/index.js';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/sopkit.js');

const EN_EXTRA = `
## Roles & Responsibilities

See [the roles](#roles-responsibilities), [the second one](#roles-responsibilities-1), [as written](#Roles%20%26%20Responsibilities), [the third](#roles-responsibilities-2), [step](#step-3-of-6) and [nowhere](#no-such-heading).

## Roles & Responsibilities

## Step 3 of 6

## 🚸 ✅

## ?!…
`;

const EN_SECOND = `---
component: stakeholder-roles
title: More on roles
---

## Roles & Responsibilities

Back to [the first](#roles-responsibilities), on to [eligibility](08-eligibility.md) and [its criteria](08-eligibility.md#the-criteria), [a step](07-stakeholder-roles.md#step-3-of-6).
`;

const AR_EXTRA = `
## الأدوارُ والمسؤوليـــات

انظر [الأدوار](#الأدوار-والمسؤوليات) و[الثانية](#الأدوار-والمسؤوليات-1) و[المرحلة](#المرحلة-٣).

## الأدوار والمسؤوليات

## المرحلة ٣

## 🚸
`;

let dir: string;
let out: string;
let checkJson: { diagnostics: Array<{ rule: string; file?: string; line?: number; column?: number; message: string }> };

async function pdfDests(file: string): Promise<{ dests: Record<string, unknown[]>; links: unknown[][] }> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, isEvalSupported: false }).promise;
  const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
  const links: unknown[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    for (const a of await (await doc.getPage(i)).getAnnotations()) if (a.subtype === 'Link' && Array.isArray(a.dest)) links.push(a.dest);
  }
  await doc.destroy();
  return { dests, links };
}

function siteIds(html: string): Set<string> {
  return new Set([...html.matchAll(/<h[3-6][^>]* id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => id.includes('--') && !id.endsWith('--footnotes')));
}

async function checkAnchors(lang: string): Promise<Set<string>> {
  const { model } = await loadSop(dir);
  const files: MarkdownFile[] = model.sections.filter((s) => s.lang === lang);
  const { scopes } = anchorScopes(model.sections, files);
  const out = new Set<string>();
  for (const [key, list] of scopes) {
    const component = key.slice(key.indexOf(':') + 1);
    for (const slug of scopeAnchors(list.map((f) => parseMarkdown(f.body) as unknown as HeadingTreeNode))) out.add(anchorId(component, slug));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-anchors-'));
  await cp(path.join(ROOT, 'sop-sources'), dir, { recursive: true, filter: (src) => !/[\\/](dist|releases)$/.test(src) });
  await appendFile(path.join(dir, 'sections/en/07-stakeholder-roles.md'), EN_EXTRA);
  await writeFile(path.join(dir, 'sections/en/07-stakeholder-roles-more.md'), EN_SECOND);
  await appendFile(path.join(dir, 'sections/ar/07-stakeholder-roles.md'), AR_EXTRA);
  out = path.join(dir, 'out');
  await run(process.execPath, [BIN, 'build', dir, '--only', 'pdf,site', '-o', out], { cwd: ROOT, maxBuffer: 1 << 26 });
  const r = await run(process.execPath, [BIN, 'check', dir, '--format', 'json', '--no-layout', '--today', '2026-11-25'], { cwd: ROOT, maxBuffer: 1 << 26 }).catch((e: { stdout: string }) => e);
  checkJson = JSON.parse(r.stdout);
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PDF, site and check agree on every heading anchor', () => {
  it.each(['en', 'ar'])('%s: named destinations = site ids = check anchors', async (lang) => {
    const { dests } = await pdfDests(path.join(out, `pdf/sop-v2.1-${lang}.pdf`));
    const pdf = new Set(Object.keys(dests));
    const all = siteIds(await readFile(path.join(out, `site/2.1/${lang}/index.html`), 'utf8'));
    // The SOP PDF holds the components; the Markdown annex has its own PDF (below).
    const site = new Set([...all].filter((id) => !id.startsWith('annex-')));
    const check = await checkAnchors(lang);
    // The example keeps its body short (issue 12: detail moved to annexes 3-10), so the
    // components hold fewer headings than before and the annexes the rest: both are compared.
    expect(site.size).toBeGreaterThan(55);
    expect([...pdf].sort()).toEqual([...site].sort());
    expect([...check].sort()).toEqual([...site].sort());
    // Every Markdown annex with headings: its own PDF's destinations = the site's annex-N-- ids.
    const annexes = [...new Set([...all].map((id) => /^annex-(\d+)--/.exec(id)?.[1]).filter((n): n is string => !!n))];
    expect(annexes.length).toBeGreaterThanOrEqual(8);
    let annexIds = 0;
    for (const n of annexes) {
      const annex = await pdfDests(path.join(out, `pdf/annex-${n}-v2.1-${lang}.pdf`));
      const ids = [...all].filter((id) => id.startsWith(`annex-${n}--`)).sort();
      expect(Object.keys(annex.dests).sort()).toEqual(ids);
      annexIds += ids.length;
    }
    expect(site.size + annexIds).toBeGreaterThan(80);
  });

  it('hands out the expected names for &, repeats across files, digits, emoji and punctuation', async () => {
    const en = siteIds(await readFile(path.join(out, 'site/2.1/en/index.html'), 'utf8'));
    for (const id of ['roles-responsibilities', 'roles-responsibilities-1', 'roles-responsibilities-2', 'step-3-of-6', 'section', 'section-1']) {
      expect(en).toContain(`stakeholder-roles--${id}`);
    }
    const ar = siteIds(await readFile(path.join(out, 'site/2.1/ar/index.html'), 'utf8'));
    // Diacritics and tatweel do not count: the two Arabic headings are one name and its repeat.
    for (const id of ['الأدوار-والمسؤوليات', 'الأدوار-والمسؤوليات-1', 'المرحلة-٣', 'section']) expect(ar).toContain(`stakeholder-roles--${id}`);
  });

  it('links to headings jump to the named destination in the PDF and to the id on the site', async () => {
    for (const lang of ['en', 'ar']) {
      const { dests, links } = await pdfDests(path.join(out, `pdf/sop-v2.1-${lang}.pdf`));
      const first = lang === 'en' ? 'stakeholder-roles--roles-responsibilities' : 'stakeholder-roles--الأدوار-والمسؤوليات';
      expect(links.map((l) => JSON.stringify(l))).toContain(JSON.stringify(dests[first]));
      expect(links.map((l) => JSON.stringify(l))).toContain(JSON.stringify(dests[`${first}-1`]));
    }
    const html = await readFile(path.join(out, 'site/2.1/en/index.html'), 'utf8');
    expect(html).toContain('href="#stakeholder-roles--roles-responsibilities"');
    expect(html).toContain('href="#stakeholder-roles--roles-responsibilities-1"');
    expect(html).toContain('href="#stakeholder-roles--roles-responsibilities-2"');
    expect(html).toContain('href="#stakeholder-roles--step-3-of-6"');
    // Links to another file: its component, or a heading in it, by the same names.
    expect(html).toContain('href="#eligibility"');
    expect(html).toContain('href="#eligibility--the-criteria"');
    const { dests, links } = await pdfDests(path.join(out, 'pdf/sop-v2.1-en.pdf'));
    expect(links.map((l) => JSON.stringify(l))).toContain(JSON.stringify(dests['eligibility--the-criteria']));
    // A link to no heading is left as written (check reports it), never pointed elsewhere.
    expect(html).toContain('href="#no-such-heading"');
  });

  it('check reports the link to no heading at file:line:column, and only that one', () => {
    const broken = checkJson.diagnostics.filter((d) => d.rule === 'link-broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ file: 'sections/en/07-stakeholder-roles.md', column: expect.any(Number), line: expect.any(Number) });
    expect(broken[0]!.message).toContain('#no-such-heading');
  });
});
