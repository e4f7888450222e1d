/**
 * The redline as an A4 PDF, on the PDF engine (`text/` shapes, `pdf/` writes): per
 * language the changed components with their changed paragraphs, inserted words in green
 * and underlined, deleted words in red and struck through (the lines are drawn from the
 * glyph runs' own x-extents, so the marks survive a black-and-white print), then the data
 * changes in the HTML page's words, then renamed and moved files. Deterministic bytes.
 *
 * No bundled face has an arrow (U+2192), so the PDF's text says "1.0 to 1.1" where the
 * HTML says "1.0 → 1.1" (a missing glyph would print as a blank).
 */
import type { SopModel } from '../model/index.js';
import { pageHeader } from '../i18n/index.js';
import { PAPER } from '../layout/theme.js';
import type { FrameItem, PageFrame, StructNode, TextItem } from '../frame/types.js';
import { HEADER_ARTIFACT, structNode } from '../frame/struct.js';
import { LineTagger } from '../layout/tags.js';
import { flow, type FlowBlock } from '../frame/flow.js';
import { renderPdf } from '../pdf/index.js';
import { directionOf } from '../i18n/index.js';
import { layoutParagraph, type Line, type Rgb, type Span, type TextStyle } from '../text/index.js';
import type { Comparison, UnitChange } from './compare.js';
import { countChangedWords, type TextRun } from './text-diff.js';
import { describeField, describeItem, STATUS_WORDS } from './words.js';
import { componentTitle } from './html.js';

const INS: Rgb = [0.043, 0.42, 0.122];
const DEL: Rgb = [0.643, 0.086, 0.102];
const GREY: Rgb = [0.3, 0.3, 0.3];
const BLACK: Rgb = [0, 0, 0];
const MARGIN = { top: 48, bottom: 48, side: 54 };
const SIZE = 10.5;

const same = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** One paragraph to set: spans plus where it goes. */
interface Para {
  spans: Span[];
  lang: string;
  size: number;
  bold?: boolean;
  color?: Rgb;
  /** Space before, points. */
  before: number;
  /** Keep with the next paragraph (headings). */
  keep?: boolean;
  indent?: number;
  /** Its element: a heading level (title H1, language H2, component H3) or P. */
  role?: 'H1' | 'H2' | 'H3' | 'P';
  /** Starts a section (Sect) of the redline: a language, the data changes, the moves. */
  sect?: boolean;
}

/** A redline's runs as styled spans; the mark covers the words only, never the white space around them. */
export function redlineSpans(runs: readonly TextRun[], size: number, bold = false): Span[] {
  const plain: TextStyle = { size, bold, color: BLACK };
  const out: Span[] = [];
  runs.forEach((r, i) => {
    if (r.op === 'equal') {
      out.push({ text: r.text, style: plain });
      return;
    }
    const lead = /^\s*/u.exec(r.text)![0];
    const core = r.text.slice(lead.length).replace(/\s+$/u, '');
    const tail = r.text.slice(lead.length + core.length);
    if (lead) out.push({ text: lead, style: plain });
    if (core) out.push({ text: core, style: { size, bold, color: r.op === 'insert' ? INS : DEL } });
    if (tail) out.push({ text: tail, style: plain });
    // A deletion glued to an insertion ("child." → "children.") would read as one word, and
    // Arabic letters would join across the two: keep a space between them (as the HTML does).
    const next = runs[i + 1];
    if (!tail && next && next.op !== 'equal' && next.op !== r.op && !/^\s/u.test(next.text)) out.push({ text: ' ', style: plain });
  });
  return out;
}

/**
 * Splits a body redline into paragraphs (at blank lines) and keeps the changed ones;
 * each run of unchanged paragraphs between them becomes `null` (printed as "…").
 */
export function changedParagraphs(runs: readonly TextRun[]): (TextRun[] | null)[] {
  const paras: TextRun[][] = [[]];
  for (const r of runs) {
    const parts = r.text.split(/(\n[ \t]*\n\s*)/u);
    parts.forEach((p, k) => {
      if (k % 2 === 1) {
        paras.push([]);
        return;
      }
      if (p) paras[paras.length - 1]!.push({ op: r.op, text: p });
    });
  }
  const out: (TextRun[] | null)[] = [];
  for (const p of paras) {
    if (!p.some((r) => r.text.trim())) continue;
    const changed = p.some((r) => r.op !== 'equal' && r.text.trim());
    if (changed) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}


function unitParas(model: SopModel, u: UnitChange): Para[] {
  const w = countChangedWords(u.body);
  const counts = u.status === 'added' || u.status === 'removed' ? '' : ` · +${w.inserted} / −${w.deleted} words`;
  const heading = u.title.some((r) => r.op !== 'equal')
    ? [...(componentTitle(model, u).match(/^\d+\. /u) ? [{ text: componentTitle(model, u).match(/^\d+\. /u)![0], style: { size: 13, bold: true } }] : []), ...redlineSpans(u.title, 13, true)]
    : [{ text: componentTitle(model, u), style: { size: 13, bold: true } }];
  const out: Para[] = [
    { spans: heading, lang: u.lang, size: 13, bold: true, before: 14, keep: true, role: 'H3' },
    { spans: [{ text: `${STATUS_WORDS[u.status]} · ${(u.after ?? u.before)!.file}${counts}`, style: { size: 8.5, color: GREY } }], lang: 'en', size: 8.5, before: 2, keep: true },
  ];
  for (const f of u.meta) out.push({ spans: [{ text: `front-matter ${describeField(f)}`, style: { size: 8.5, color: GREY } }], lang: 'en', size: 8.5, before: 2, keep: true });
  for (const p of changedParagraphs(u.body)) {
    out.push(p ? { spans: redlineSpans(p, SIZE), lang: u.lang, size: SIZE, before: 6 } : { spans: [{ text: '…', style: { size: SIZE, color: GREY } }], lang: u.lang, size: SIZE, before: 6 });
  }
  return out;
}

/** The data-file, sop.yaml, PDF annex and other changes as plain sentences (the HTML page's words). */
export function dataSentences(c: Comparison, lang: string): string[] {
  const out: string[] = [];
  for (const d of c.data) {
    if (d.status !== 'changed') out.push(`${d.file}: ${d.status === 'added' ? 'new data file' : 'data file removed'}.`);
    else for (const i of d.items) out.push(`${d.file} — ${describeItem(i, lang)}.`);
  }
  for (const i of c.manifest) out.push(`sop.yaml — ${describeItem(i, lang)}.`);
  for (const p of c.pdfAnnexes) {
    const what = p.status === 'changed' ? [p.pdfChanged ? 'PDF replaced' : '', ...p.fields.map(describeField)].filter(Boolean).join('; ') : p.status === 'added' ? 'new PDF annex' : 'PDF annex removed';
    out.push(`${p.file} (${p.pdf}): ${what}.`);
  }
  for (const o of c.otherFiles) out.push(`${o.file}: file ${o.status}.`);
  for (const f of c.formatOnly) out.push(`${f}: layout, comments or bookkeeping only; the content is the same.`);
  return out;
}

function langName(lang: string): string {
  return { ar: 'العربية', en: 'English', fr: 'Français' }[lang] ?? lang;
}

/** Underline and strike-through rules under/through the marked glyph runs of a line at baseline `y`. */
function markRules(line: Line, x: number, y: number): FrameItem[] {
  const out: FrameItem[] = [];
  for (const r of line.runs) {
    if (r.width <= 0) continue;
    const ins = same(r.color, INS);
    if (!ins && !same(r.color, DEL)) continue;
    // Under the descenders' top for underlines; through the middle of the letters for strikes.
    const ly = ins ? y + r.size * 0.16 : y - r.size * 0.3;
    out.push({ kind: 'rule', x1: x + r.x, y1: ly, x2: x + r.x + r.width, y2: ly, width: Math.max(0.8, r.size * 0.08), color: r.color });
  }
  return out;
}

/**
 * The redline as PDF bytes: A4 pages, each headed with the SOP title, "Redline A → B"
 * and B's version stamp. Pure: the same comparison gives the same bytes.
 */
export async function renderRedlinePdf(c: Comparison, model: SopModel, dates: { from?: string; to?: string } = {}): Promise<Uint8Array> {
  const { width: W, height: H } = PAPER.A4!;
  const src = model.manifest.languages[0] ?? 'en';
  const head = pageHeader(model.manifest, src);
  const enStamp = model.manifest.languages.includes('en') ? pageHeader(model.manifest, 'en').stamp : head.stamp;
  const boxW = W - 2 * MARGIN.side;
  const headLines = [
    layoutParagraph(`${head.title} — ${head.stamp}`, src, { width: boxW, fontSize: 9, align: 'center', dir: directionOf(src) }),
    layoutParagraph(`Redline ${c.from} to ${c.to} — ${enStamp}`, 'en', { width: boxW, fontSize: 9, align: 'center', dir: 'ltr' }),
  ];
  const headerItems: FrameItem[] = [];
  let hy = MARGIN.top - 22;
  for (const l of headLines) {
    for (const line of l.lines) {
      headerItems.push({ kind: 'text', x: MARGIN.side, y: hy + line.baseline, runs: line.runs, tag: HEADER_ARTIFACT });
      hy += line.height;
    }
  }
  hy += 4;
  headerItems.push({ kind: 'rule', x1: MARGIN.side, y1: hy, x2: W - MARGIN.side, y2: hy, width: 0.5, color: BLACK, tag: HEADER_ARTIFACT });
  const top = hy + 14;

  const vs = (label: string, date?: string) => (label === 'draft' ? 'the draft' : `version ${label}`) + (date ? ` (${date})` : '');
  const paras: Para[] = [
    { spans: [{ text: `Redline: ${vs(c.from, dates.from)} to ${vs(c.to, dates.to)}`, style: { size: 16, bold: true } }], lang: 'en', size: 16, before: 0, role: 'H1' },
    {
      spans: [
        { text: 'Inserted words', style: { size: 9, color: INS } },
        { text: ' are green and underlined; ', style: { size: 9 } },
        { text: 'deleted words', style: { size: 9, color: DEL } },
        { text: ' are red and struck through; "…" stands for unchanged paragraphs.', style: { size: 9 } },
      ],
      lang: 'en',
      size: 9,
      before: 6,
    },
  ];
  const h2 = (text: string, lang: string): Para => ({ spans: [{ text, style: { size: 15, bold: true } }], lang, size: 15, before: 20, keep: true, role: 'H2', sect: true });
  for (const lang of c.languages) {
    const changed = c.units.filter((u) => u.lang === lang && u.status !== 'unchanged' && (u.status === 'changed' || u.status === 'added' || u.status === 'removed' || u.body.some((r) => r.op !== 'equal') || u.title.some((r) => r.op !== 'equal')));
    // Set left to right: a right-to-left line would reorder "(ar): 0 changed" around the name.
    paras.push(h2(`${langName(lang)} (${lang}): ${changed.length} changed`, 'en'));
    if (!changed.length) paras.push({ spans: [{ text: 'No changed text.', style: { size: SIZE } }], lang: 'en', size: SIZE, before: 6 });
    for (const u of changed) paras.push(...unitParas(model, u));
  }
  paras.push(h2('Data files and sop.yaml', 'en'));
  const data = dataSentences(c, model.manifest.languages.includes('en') ? 'en' : src);
  if (!data.length) data.push('No changes.');
  for (const s of data) paras.push({ spans: [{ text: s, style: { size: SIZE } }], lang: 'en', size: SIZE, before: 4 });
  const moved = c.units.filter((u) => u.status === 'renamed' || u.status === 'moved');
  paras.push(h2('Renamed and moved sections', 'en'));
  if (!moved.length) paras.push({ spans: [{ text: 'None.', style: { size: SIZE } }], lang: 'en', size: SIZE, before: 4 });
  for (const u of moved) {
    const s = `${u.lang}: ${STATUS_WORDS[u.status]}, from ${u.before!.file} (${u.before!.component ?? ''}) to ${u.after!.file} (${u.after!.component ?? ''}).`;
    paras.push({ spans: [{ text: s, style: { size: SIZE } }], lang: 'en', size: SIZE, before: 4 });
  }

  // Flow: every line is a block (a paragraph may break between lines); a paragraph's space
  // goes before its first line; every line of a kept paragraph (headings) holds on to the
  // line after it, so a heading moves on with the first line of what follows.
  // Structure: Document → H1, P, then a Sect per language (H2, H3 per component, its
  // paragraphs) and for the data changes and the moves. A paragraph in another language
  // than the document's has its /Lang; stretches in the other script are Spans (LineTagger).
  // The marks' colours and rules are artifacts: the legend says what they mean.
  const blocks: Array<FlowBlock & { line: Line; keep: boolean; tag: StructNode; runTags?: Array<StructNode | undefined> }> = [];
  let sect: StructNode | undefined;
  paras.forEach((p) => {
    const dir = directionOf(p.lang);
    const l = layoutParagraph(p.spans, p.lang, { width: boxW, fontSize: p.size, bold: p.bold, dir, lineHeight: dir === 'rtl' ? 1.7 : 1.4 });
    if (p.sect) sect = structNode('Sect');
    const node = structNode(p.role ?? 'P', sect, p.lang !== src ? { lang: p.lang } : {});
    const tagger = new LineTagger(node, { dir });
    l.lines.forEach((line, k) => {
      const runTags = tagger.line(line);
      blocks.push({ line, height: line.height, spaceBefore: k ? 0 : p.before, keep: p.keep === true, tag: node, ...(runTags ? { runTags } : {}) });
    });
  });
  const placed = flow(blocks, { top, bottom: H - MARGIN.bottom }, (b) => b.keep);
  const pages: PageFrame[] = placed.regions.map((r) => {
    const items: FrameItem[] = [...headerItems];
    for (const { block: { line, tag, runTags }, y } of r.body) {
      if (!line.runs.length) continue;
      const item: TextItem = { kind: 'text', x: MARGIN.side, y: y + line.baseline, runs: line.runs, tag, ...(runTags ? { runTags } : {}) };
      items.push(item, ...markRules(line, MARGIN.side, y + line.baseline));
    }
    return { width: W, height: H, items };
  });
  const meta = { title: `Redline ${c.from} → ${c.to} — ${head.title}`, lang: src, date: dates.to ?? model.manifest.date, version: model.manifest.version };
  return renderPdf({ pages, outline: [], meta }, { tagged: true });
}
