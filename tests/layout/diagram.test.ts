/**
 * Flowcharts in the SOP PDF (issue 11, item 3): drawn as vector paths with real text,
 * mirrored for right-to-left, with the step list after the figure as its text alternative,
 * and a `diagram-fit` warning naming the node when the text block cannot hold 8 pt.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs } from '../../src/build/pdfs.js';
import { diagramFit } from '../../src/check/rules/diagram-fit.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { diagramDiagnostics, layoutSop } from '../../src/layout/index.js';
import { prepareDiagram } from '../../src/layout/diagram.js';
import { loadSop, type SopModel } from '../../src/model/index.js';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from '../../src/vendor/pdf-lib.js';
import { readPdfText, pageText } from '../../src/verify/extract.js';
import { toWords } from '../../src/verify/normalize.js';
import { missingTool } from '../helpers/tools.js';
import { section, sopWith } from './sop-fixture.js';

const LANGS = ['ar', 'en'] as const;
const TITLE = { ar: 'معايير الأهلية ومخطط التدفق', en: 'Eligibility criteria and flowchart' };
const TEXT_VERSION = { ar: 'النص البديل للمخطط', en: 'Text version of the diagram' };

interface EligibilityYaml { flow: { nodes: Array<{ id: string; label: Record<string, string> }> } }

let model: SopModel;
const pdfs: Record<string, Uint8Array> = {};
/** Page numbers (1-based) of component 8 in each SOP PDF. */
const component8: Record<string, number[]> = {};

// Words without marks: extractors may split a final haraka off its letter (docs/pdf.md).
const words = (s: string) => toWords(s).map((w) => w.replace(/\p{M}/gu, '')).filter(Boolean).join(' ');

beforeAll(async () => {
  model = (await loadSop('sop-sources')).model;
  const out = await mkdtemp(path.join(tmpdir(), 'sopkit-diagram-'));
  await buildPdfs(model, out);
  for (const lang of LANGS) {
    const file = path.join(out, 'pdf', `sop-v${model.manifest.version}-${lang}.pdf`);
    pdfs[lang] = new Uint8Array(await readFile(file));
    const pages = await readPdfText(pdfs[lang]!, file);
    const start = pages.findIndex((p) => words(pageText(p)).includes(words(TITLE[lang])) && !/\.\s*\.|…/.test(pageText(p)) && p.number > 3);
    const next = pages.findIndex((p, i) => i > start && /^\s*(9\.|٩\.)/m.test(pageText(p).split('\n').slice(1, 4).join('\n')));
    component8[lang] = pages.slice(start, next > start ? next : start + 4).map((p) => p.number);
  }
}, 120_000);

async function pageTexts(lang: string): Promise<string> {
  const pages = await readPdfText(pdfs[lang]!, lang);
  return pages.filter((p) => component8[lang]!.includes(p.number)).map(pageText).join('\n');
}

/** The decoded content streams of a page. */
async function contentOf(bytes: Uint8Array, n: number): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(n - 1);
  const c = page.node.get(PDFName.of('Contents'));
  const refs = c instanceof PDFArray ? c.asArray() : [c];
  return refs.map((r) => {
    const s = doc.context.lookup(r as PDFRef) as PDFRawStream;
    return inflateSync(s.contents).toString('latin1');
  }).join('\n');
}

describe('flowcharts in the SOP PDF (example SOP)', () => {
  it.each(LANGS)('%s: every node label of data/eligibility.yaml is text in the figure on the component 8 pages', async (lang) => {
    expect(component8[lang]!.length).toBeGreaterThan(0);
    const all = await pageTexts(lang);
    // The figure comes before its text alternative: the labels must be in the figure itself.
    const cut = all.indexOf(TEXT_VERSION[lang]);
    expect(cut).toBeGreaterThan(0);
    const figure = words(all.slice(0, cut));
    const alternative = words(all.slice(cut));
    for (const n of (model.data.eligibility!.value as EligibilityYaml).flow.nodes) {
      expect(figure, n.id).toContain(words(n.label[lang]!));
      expect(alternative, n.id).toContain(words(n.label[lang]!));
    }
  });

  it.each(LANGS)('%s: the component 8 pages draw the flowchart with vector paths', async (lang) => {
    let curves = 0;
    let fills = 0;
    for (const n of component8[lang]!) {
      const ops = await contentOf(pdfs[lang]!, n);
      // A path is one line of m/l/c/h operators, then its paint operator (B, f or S).
      curves += (ops.match(/^[-\d. ]+ m [-\d. lc]* c [-\d. lc]*h\n(B|f)$/gm) ?? []).length;
      fills += (ops.match(/^[-\d. ]+ m( [-\d. ]+ l)+ h\n(B|f)$/gm) ?? []).length;
    }
    expect(curves).toBeGreaterThanOrEqual(7); // rounded outcome boxes and the start pill
    expect(fills).toBeGreaterThan(20); // hexagons, boxes and arrowheads
  });

  it.skipIf(missingTool('pdftotext'))('pdftotext gives back every English node label on the component 8 pages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sopkit-diagram-'));
    const file = path.join(dir, 'en.pdf');
    await (await import('node:fs/promises')).writeFile(file, pdfs.en!);
    const pages = component8.en!;
    const text = execFileSync('pdftotext', ['-f', String(pages[0]), '-l', String(pages.at(-1)), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const n of (model.data.eligibility!.value as EligibilityYaml).flow.nodes) expect(text, n.id).toContain(n.label.en);
  });

  it('mirrors the tree for right to left: the start node and the main path on the right in Arabic, on the left in English', async () => {
    for (const lang of LANGS) {
      const p = (await prepareDiagram(model, 'eligibility', lang, 471, 710, lang === 'ar'))!;
      const d = p.diagram;
      const centre = (id: string) => { const n = d.nodes.find((x) => x.id === id)!; return n.x + n.width / 2; };
      const mid = d.width / 2;
      if (lang === 'ar') {
        expect(centre('start')).toBeGreaterThan(mid);
        expect(centre('refer-adult')).toBeLessThan(centre('is-child')); // the "no" branch goes left
      } else {
        expect(centre('start')).toBeLessThan(mid);
        expect(centre('refer-adult')).toBeGreaterThan(centre('is-child'));
      }
      // Sized to the text block, never below the legible minimum on the example.
      expect(d.width * p.scale).toBeLessThanOrEqual(471 + 0.01);
      expect(p.look.size * p.scale).toBeGreaterThanOrEqual(8);
    }
  });

  it('draws the case-management steps too (component 11), with no diagram-fit warning on the example', async () => {
    for (const lang of LANGS) {
      const { frames, diagnostics } = await layoutSop(model, lang);
      expect(diagnostics.filter((d) => d.rule === 'diagram-fit')).toEqual([]);
      const items = frames.pages.flatMap((pg) => pg.items);
      const steps = (model.data['case-steps']!.value as { steps: unknown[] }).steps.length;
      // Boxes and edge-label backgrounds: eligibility 18 + 12, case steps one box each.
      expect(items.filter((i) => i.kind === "path").length).toBe(18 + 12 + steps);
      // Edges and arrowheads, clipped to the band of the figure they cross.
      const edges = items.flatMap((i) => (i.kind === 'group' ? i.items : [])).filter((i) => i.kind === 'path');
      expect(edges.length).toBeGreaterThanOrEqual(2 * (18 + steps));
    }
  });
});

describe('diagram-fit', () => {
  // One question with `n` answers side by side: the row is as wide as its boxes.
  const flow = (n: number) => `flow:
  nodes:
    - { id: start, type: start, label: { en: Start here } }
    - { id: ask, type: decision, label: { en: Which one? } }
    - { id: wide-node, type: action, label: { en: Refer the family to the service that can help them most quickly } }
${Array.from({ length: n }, (_, i) => `    - { id: out-${i}, type: outcome, label: { en: Outcome ${i} } }`).join('\n')}
  edges:
    - { from: start, to: ask }
    - { from: ask, to: wide-node }
${Array.from({ length: n }, (_, i) => `    - { from: ask, to: out-${i} }`).join('\n')}
`;

  it('names the widest node when the chart only fits below 8 pt, at its line in the data file', async () => {
    const m = await sopWith({
      'sections/en/08-eligibility.md': section('eligibility', 'Eligibility', '## Flow\n\n::flowchart{data=eligibility}\n'),
      'data/eligibility.yaml': `title: { en: Flow }\ncriteria: []\n${flow(9)}`,
    }, { languages: '[en]' });
    const found = await diagramDiagnostics(m, 'en');
    expect(found).toHaveLength(1);
    expect(found[0]!.message, found[0]!.message).toContain('"wide-node"');
    expect(found[0]!.message).toMatch(/below the minimum of 8 pt/);
    expect(found[0]!.file).toBe('data/eligibility.yaml');
    expect(found[0]!.line).toBe(7); // title, criteria, flow, nodes, start, ask, wide-node
    // The check rule reports what the layout found.
    const reported: Diagnostic[] = [];
    await diagramFit.run({ model: m, options: { today: '2026-11-25', diagramFit: diagramDiagnostics }, loadDiagnostics: [], mdast: () => ({ type: 'root', children: [] }), requiredComponents: () => new Set() }, (d) => reported.push(d));
    expect(reported.map((d) => d.rule)).toEqual(['diagram-fit']);
  });

  it('stays silent when the chart fits', async () => {
    const m = await sopWith({
      'sections/en/08-eligibility.md': section('eligibility', 'Eligibility', '## Flow\n\n::flowchart{data=eligibility}\n'),
      'data/eligibility.yaml': `title: { en: Flow }\ncriteria: []\n${flow(2)}`,
    }, { languages: '[en]' });
    expect(await diagramDiagnostics(m, 'en')).toEqual([]);
  });
});
