// Wall posters read from two metres: the eligibility flowchart's text, measured in the
// built PDFs with pdf.js (text matrix × font size, in points), holds the poster minimum
// (14 pt on A3, 18 pt on A2), and the chart spans the sheet's usable width instead of a
// narrow column. End-to-end lane: builds every poster of a copy of the example.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';
import { buildPosters, composePosters } from '../../src/posters/build.js';
import { MIN_FLOWCHART } from '../../src/posters/fit.js';
import { POSTER_MARGIN } from '../../src/posters/poster-frame.js';
import { label, localized } from '../../src/i18n/index.js';
import type { PageFrame, PathItem } from '../../src/frame/types.js';
import { copyExample, removeCopies } from './fixture.js';

afterAll(removeCopies);

let model: SopModel;
let outDir: string;

beforeAll(async () => {
  const dir = await copyExample();
  model = (await loadSop(dir)).model;
  outDir = path.join(dir, 'out');
  await buildPosters(model, outDir);
}, 300_000);

interface Run { str: string; size: number; page: number }

/** Text compared without Arabic vowel marks (pdf.js may extract a mark apart from its letter) and with spaces collapsed. */
const norm = (s: string) => s.normalize('NFC').replace(/[\u064B-\u065F\u0670]/g, '').replace(/\s+/g, ' ').trim();

/** Every text item of the PDF with its size in points: the vertical scale of pdf.js's transform (text matrix × font size). */
async function runs(file: string): Promise<Run[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(path.join(outDir, 'posters', file))), verbosity: 0, isEvalSupported: false }).promise;
  const out: Run[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const it of (await (await doc.getPage(p)).getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      out.push({ str: norm(it.str), size: Math.hypot(it.transform[2] as number, it.transform[3] as number), page: p });
    }
  }
  await doc.destroy();
  return out;
}

type Flow = { flow: { nodes: Array<{ id: string; label: unknown }>; edges: Array<{ label?: unknown }> } };

/** The chart's own words in `lang`: node and edge labels, and the sheet connectors. */
function flowWords(lang: string): { nodes: string[]; connector: RegExp; all: string[] } {
  const f = (model.data.eligibility!.value as Flow).flow;
  const L = (v: unknown) => norm(localized(v as never, lang, model.manifest.languages));
  const nodes = f.nodes.map((n) => L(n.label));
  const edges = f.edges.filter((e) => e.label).map((e) => L(e.label));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (key: string) => label(key, lang, { n: '\u0000' }).split('\u0000').map(esc).join('[0-9\u0660-\u0669]+');
  return { nodes, connector: new RegExp(`^(${pattern('continuedOn')}|${pattern('continuedFrom')})$`), all: [...nodes, ...edges] };
}

/** The text items of the PDF that are lines of the flowchart (a line of a label, or a connector). */
function chartRuns(all: Run[], lang: string): Run[] {
  const w = flowWords(lang);
  return all.filter((r) => r.str.length > 1 && (w.connector.test(r.str) || w.all.some((t) => t.includes(r.str))));
}

const CASES: Array<{ file: string; langs: string[]; min: number }> = [
  { file: 'eligibility-a3-en.pdf', langs: ['en'], min: MIN_FLOWCHART.small },
  { file: 'eligibility-a3-ar.pdf', langs: ['ar'], min: MIN_FLOWCHART.small },
  { file: 'eligibility-a2-en.pdf', langs: ['en'], min: MIN_FLOWCHART.large },
  { file: 'eligibility-a2-ar.pdf', langs: ['ar'], min: MIN_FLOWCHART.large },
  { file: 'eligibility-a2-bilingual.pdf', langs: ['ar', 'en'], min: MIN_FLOWCHART.large },
];

describe('the eligibility flowchart on the wall posters', () => {
  it.each(CASES)('$file: every line of the chart is at least the minimum', async ({ file, langs, min }) => {
    const all = await runs(file);
    for (const lang of langs) {
      const chart = chartRuns(all, lang).filter((r) => (lang === 'ar' ? /[\u0600-\u06FF]/ : /[A-Za-z]/).test(r.str));
      // Every node was drawn (at least one line of each label found), so the minimum is over the whole chart.
      const w = flowWords(lang);
      for (const n of w.nodes) expect(chart.some((r) => n.includes(r.str)), `${file} ${lang}: "${n}"`).toBe(true);
      const smallest = Math.min(...chart.map((r) => r.size));
      expect(smallest, `${file} ${lang}: smallest chart text ${smallest.toFixed(2)} pt`).toBeGreaterThanOrEqual(min - 0.01);
    }
  }, 120_000);

  it('is measured on the chart: the stamp and title lines are not counted as chart text', async () => {
    const all = await runs('eligibility-a2-en.pdf');
    const chart = new Set(chartRuns(all, 'en'));
    // The stamp is set at 14 pt on every poster: outside the chart, so the A2 check above could fail on it otherwise.
    const stamp = all.filter((r) => !chart.has(r));
    expect(stamp.some((r) => r.size < MIN_FLOWCHART.large)).toBe(true);
  });
});

/** Bounding box of a page's chart shapes (paths under the header, without a half's divider line). */
function chartBox(page: PageFrame, top: number, bottom: number): { x0: number; x1: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const it of page.items) {
    if (it.kind !== 'path') continue;
    const p = it as PathItem;
    const pts = p.segments.flatMap((s) => ('x' in s ? [{ x: p.x + s.x, y: p.y + s.y }] : []));
    if (pts.length === 2 && p.dash) continue;
    if (pts.some((q) => q.y < top || q.y > bottom)) continue;
    for (const q of pts) {
      x0 = Math.min(x0, q.x);
      x1 = Math.max(x1, q.x);
    }
  }
  return { x0, x1 };
}

describe('the eligibility flowchart uses the sheet', () => {
  it.each(['eligibility-a3-en.pdf', 'eligibility-a3-ar.pdf', 'eligibility-a2-en.pdf', 'eligibility-a2-ar.pdf'])('%s: the chart spans most of the usable width', async (file) => {
    const { scenes } = await composePosters(model);
    const page = scenes.find((s) => s.file === file)!.scene.pages[0]!;
    const usable = page.width - 2 * POSTER_MARGIN;
    // Below the stamp and title band (the top 15 %), down to the bottom margin.
    const { x0, x1 } = chartBox(page, page.height * 0.15, page.height - POSTER_MARGIN);
    expect((x1 - x0) / usable, file).toBeGreaterThan(0.85);
    // And centred: neither half of the sheet left empty.
    expect(x0 - POSTER_MARGIN).toBeLessThan(usable * 0.1);
    expect(page.width - POSTER_MARGIN - x1).toBeLessThan(usable * 0.1);
  }, 120_000);

  it('the bilingual A2 poster gives each language a full-width chart', async () => {
    const { scenes } = await composePosters(model);
    const page = scenes.find((s) => s.file === 'eligibility-a2-bilingual.pdf')!.scene.pages[0]!;
    const usable = page.width - 2 * POSTER_MARGIN;
    const { x0, x1 } = chartBox(page, page.height * 0.1, page.height - POSTER_MARGIN);
    expect((x1 - x0) / usable).toBeGreaterThan(0.85);
  }, 120_000);
});
