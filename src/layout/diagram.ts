/**
 * `::flowchart` in the PDF: the data file's graph laid out by `src/diagram/` (elkjs) with
 * boxes measured by the text engine, drawn as vector paths and real text, sized to the
 * text block and mirrored for right-to-left languages. The figure is cut into bands
 * between rows of boxes, so a tall diagram continues on the next page; a diagram that
 * fits one page stays on one page. After it comes its text alternative: every step as a
 * compact numbered list, for screen readers and text extraction.
 */
import { diagnostic } from '../diag/index.js';
import { realizedOf } from '../document/index.js';
import { caseStepsGraph, eligibilityGraph, layoutGraph, type Diagram, type GraphSpec } from '../diagram/index.js';
import { defaultLook, drawDiagram, measureDiagram, rowCuts, type DiagramLook } from '../diagram/draw.js';
import { localized as pick, localizeDigits } from '../i18n/index.js';
import type { DataFile, SopModel } from '../model/types.js';
import type { Span, TextStyle } from '../text/index.js';
import { paragraphSlices, reportMissing } from './paragraph.js';
import { type Box, type LayoutContext, type MdNode, type PreparedDiagram } from './context.js';
import type { FrameItem } from '../frame/types.js';
import { label as pdfLabel } from '../i18n/index.js';
import type { Slice } from './slice.js';
import { prepareParagraph } from '../text/index.js';
import { diagramAltLines } from '../diagram/alt-text.js';
import { structNode } from '../frame/struct.js';

/** Legible minimum of diagram text in the SOP PDF (points). */
export const MIN_DIAGRAM_TEXT = 8;
/** Size diagrams are set at when the text block allows it. */
const PREFERRED_TEXT = 9.5;
/** Text widths (points, at the preferred size) worth trying: the one giving the largest text wins. */
const WIDTHS = [80, 100, 125, 160];
/** The same for step sequences (rows of boxes in the reading direction). */
const STEP_WIDTHS = [125, 160, 220];

type Obj = Record<string, unknown>;

/** Data names of the `::flowchart` directives in a tree. */
export function flowchartsIn(root: MdNode, out = new Set<string>()): Set<string> {
  const r = realizedOf(root);
  if (r?.kind === 'flowchart') out.add(r.data.name);
  for (const c of root.children ?? []) flowchartsIn(c, out);
  return out;
}

function graphOf(data: DataFile, lang: string): { kind: PreparedDiagram['kind']; spec: GraphSpec } | undefined {
  const v = data.value as Obj | null;
  if (!v || typeof v !== 'object') return undefined;
  if (Array.isArray(v.steps) && v.steps.length) return { kind: 'case-steps', spec: caseStepsGraph(v as never, lang) };
  const flow = v.flow as Obj | undefined;
  if (flow && Array.isArray(flow.nodes) && flow.nodes.length && Array.isArray(flow.edges)) return { kind: 'eligibility', spec: eligibilityGraph(v as never, lang) };
  return undefined;
}

/**
 * Lays out the flowchart of data file `name` for a text block `width` × `height`: tries a
 * few box widths (and, for step sequences, both flows) and keeps the one that fits one
 * page at the legible minimum or more, else the one drawn largest (split over pages).
 * ELK is asynchronous, so this runs before the (synchronous) layout of the text.
 */
/**
 * Whether elkjs can take the graph: node ids are distinct non-empty strings and every edge
 * joins two of them. A data file that breaks this is reported by the loader's schema check;
 * here it only means no figure (a null id crashed elkjs: found by the fuzz lane).
 */
function drawable(spec: GraphSpec): boolean {
  const ids = new Set<string>();
  for (const n of spec.nodes) {
    if (typeof n.id !== 'string' || !n.id || ids.has(n.id)) return false;
    ids.add(n.id);
  }
  return spec.edges.every((e) => typeof e.from === 'string' && typeof e.to === 'string' && ids.has(e.from) && ids.has(e.to));
}

export async function prepareDiagram(model: SopModel, name: string, lang: string, width: number, height: number, rtl: boolean): Promise<PreparedDiagram | undefined> {
  const data = model.data[name];
  if (!data) return undefined;
  const g = graphOf(data, lang);
  if (!g || !drawable(g.spec)) return undefined;
  const size = PREFERRED_TEXT;
  let best: (PreparedDiagram & { fits: boolean }) | undefined;
  // ELK takes a good part of a second per layout on a loaded machine: few candidates.
  // A decision tree only gets wider with wider boxes, so the search stops at the first
  // that must shrink to fit; a step sequence wraps into rows, so its widths are all tried.
  const tree = g.kind === 'eligibility';
  for (const flow of [g.spec.flow]) {
    for (const maxTextWidth of tree ? WIDTHS : STEP_WIDTHS) {
      if (tree && best && best.scale < 1 && !best.fits) break;
      const spec = { ...g.spec, flow };
      const look = defaultLook(size, maxTextWidth);
      const sizes = measureDiagram(spec, lang, look);
      let diagram;
      try {
        diagram = await layoutGraph(spec, {
          rtl, sizes, fontSize: size, maxTextWidth, trunkToStart: true,
          spacing: { node: Math.round(size * 1.6), layer: Math.round(size * 2.2), pad: 2 },
          ...(flow === 'across' ? { aspectRatio: 1.4 } : {}),
        });
      } catch {
        // elkjs refuses a graph the schema let through (found by the fuzz lane): no figure, the step list stays.
        return best;
      }
      let scale = Math.min(1, width / diagram.width);
      // Shrinking a little more to keep the whole figure on one page beats splitting it.
      const onePage = Math.min(scale, height / diagram.height);
      const fits = onePage * size >= MIN_DIAGRAM_TEXT;
      if (fits) scale = onePage;
      const cand = { data, kind: g.kind, spec, diagram, look, scale, fits };
      // One page first, then the largest text, then the shorter figure.
      if (!best || (fits && !best.fits) || (fits === best.fits && (scale > best.scale + 0.01 ||
        (Math.abs(scale - best.scale) <= 0.01 && diagram.height * scale < best.diagram.height * best.scale - 1)))) best = cand;
    }
  }
  return best;
}

/** Where a node's label is written in its data file (for diagnostics). */
function nodePointer(p: PreparedDiagram, id: string): string {
  const i = p.spec.nodes.findIndex((n) => n.id === id);
  return p.kind === 'case-steps' ? `/steps/${i}/title` : `/flow/nodes/${i}/label`;
}

/** The figure (bands of the drawing), its caption and its text alternative. */
export function diagramSlices(p: PreparedDiagram, box: Box, ctx: LayoutContext, node: MdNode): Slice[] {
  const th = ctx.theme;
  const drawn = drawDiagram(p.diagram, p.spec, ctx.lang, p.look, p.scale);
  const at = (id: string) => ({ ...p.data.positions.at(nodePointer(p, id)), file: p.data.file });
  for (const t of [...p.spec.nodes.map((n) => n.label + (n.note ?? '')), ...p.spec.edges.map((e) => e.label ?? '')]) {
    reportMissing(ctx, prepareParagraph(t, ctx.lang, { size: 10 }).missing, node);
  }
  if (drawn.textSize < MIN_DIAGRAM_TEXT - 0.005) {
    const widest = widestNode(p.diagram);
    const label = p.spec.nodes.find((n) => n.id === widest.id)?.label ?? widest.id;
    ctx.diagnostics.push(diagnostic('diagram-fit', 'warning',
      `the ${p.kind} flowchart only fits the ${ctx.lang} PDF's text block with its text at ${Math.floor(drawn.textSize * 10) / 10} pt, below the minimum of ${MIN_DIAGRAM_TEXT} pt; the widest box of its widest row is node "${widest.id}" ("${label}")`,
      at(widest.id), `Shorten the label of "${widest.id}" (and the other labels of its row) in ${p.data.file}, or split the flow into smaller charts.`));
  }
  const tooTall = p.diagram.nodes.find((n) => n.height * p.scale > ctx.columnHeight);
  if (tooTall) {
    ctx.diagnostics.push(diagnostic('diagram-fit', 'warning', `the box of node "${tooTall.id}" of the ${p.kind} flowchart is taller than a page of the ${ctx.lang} PDF`,
      at(tooTall.id), `Shorten the label of "${tooTall.id}" in ${p.data.file}.`));
  }
  const ox = box.x + (box.width - drawn.width) / 2;
  // Cut between rows: where no box and no edge label is.
  const cuts = rowCuts(drawn);
  const fitsPage = drawn.height <= ctx.columnHeight;
  const slices: Slice[] = [];
  // The drawing is one Figure (every band of it); its Alt is the text alternative set below it.
  const figure = structNode('Figure', ctx.struct);
  const pieces = [...drawn.nodes, ...drawn.labels];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const items: FrameItem[] = [];
    const edges = drawn.edges.filter((e) => {
      const ys = e.segments.flatMap((s) => ('y' in s ? [s.y] : []));
      return Math.min(...ys) <= b && Math.max(...ys) >= a;
    });
    // Edges first (under the boxes), clipped to the band: an edge that crosses a page
    // break is drawn up to the page's last band and continues at the next page's top.
    if (edges.length) items.push({ kind: 'group', x: ox, y: -a, clip: { x: -4, y: a, w: drawn.width + 8, h: b - a }, items: edges, tag: figure });
    for (const piece of pieces) {
      const mid = (piece.top + piece.bottom) / 2;
      if (mid >= a && mid < b) for (const it of piece.items) items.push(shift(it, ox, -a));
    }
    for (const it of items) if (it.kind !== 'link' && it.kind !== 'anchor') it.tag = figure;
    const s: Slice = { height: b - a, items };
    if (i === 0) s.spaceBefore = th.paraGap * 2;
    if (fitsPage && i + 2 < cuts.length) s.keepWithNext = true;
    slices.push(s);
  }
  if (slices[0]) slices[0].items.unshift({ kind: 'anchor', name: `fig:${ctx.section.key}:${p.kind}`, y: 0 });
  // Caption: the data file's title, kept with the figure's last band.
  const title = pick((p.data.value as Obj).title, ctx.lang, ctx.model?.manifest.languages ?? []);
  if (slices.length) slices[slices.length - 1]!.keepWithNext = true;
  const cap: TextStyle = { size: th.smallSize + 0.5, bold: true, color: th.text };
  if (title) slices.push(...paragraphSlices([{ text: title, style: cap }], cap, box, ctx, { align: 'center', spaceBefore: 4 }, node));
  else if (slices.length) slices[slices.length - 1]!.keepWithNext = false;
  const alt = textAlternative(p, box, ctx, node);
  figure.alt = [title, ...alt.text].filter(Boolean).join('\n');
  slices.push(...alt.slices);
  return slices;
}

/**
 * The node to shorten when a chart is too wide: the widest box of the widest row (boxes
 * that overlap vertically sit side by side, and their row sets the chart's width).
 */
function widestNode(d: Diagram): Diagram['nodes'][number] {
  let best: { extent: number; node: Diagram['nodes'][number] } | undefined;
  for (const n of d.nodes) {
    const row = d.nodes.filter((m) => m.y < n.y + n.height && n.y < m.y + m.height);
    const extent = Math.max(...row.map((m) => m.x + m.width)) - Math.min(...row.map((m) => m.x));
    const widest = row.reduce((a, m) => (m.width > a.width ? m : a));
    if (!best || extent > best.extent + 0.5) best = { extent, node: widest };
  }
  return best!.node;
}

function shift(it: FrameItem, dx: number, dy: number): FrameItem {
  return { ...it, x: (it as { x: number }).x + dx, y: (it as { y: number }).y + dy } as FrameItem;
}

/**
 * Every step of the diagram as text, small and compact: "3. Question: … — Yes: go to
 * step 4; No: go to step 9". Read by screen readers and extractors in the figure's place.
 */
function textAlternative(p: PreparedDiagram, box: Box, ctx: LayoutContext, node: MdNode): { slices: Slice[]; text: string[] } {
  const th = ctx.theme;
  const style: TextStyle = { size: th.smallSize, color: th.text };
  const strong: TextStyle = { ...style, bold: true };
  const head: TextStyle = { size: th.smallSize, bold: true, color: th.muted };
  const out: Slice[] = paragraphSlices([{ text: pdfLabel('textVersion', ctx.lang), style: head }], head, box, ctx, { align: 'start', spaceBefore: th.paraGap, keepWithNext: true }, node);
  const indent = 16;
  const itemBox: Box = ctx.dir === 'rtl' ? { x: box.x, width: box.width - indent } : { x: box.x + indent, width: box.width - indent };
  const text: string[] = [];
  const lines = diagramAltLines(p.kind === 'case-steps' ? 'case-steps' : 'flow', p.data.value, ctx.lang, ctx.model?.manifest.languages ?? [], ctx.digits);
  for (const l of lines) {
    const spans: Span[] = l.map((x) => ({ text: x.text, style: x.strong ? strong : style }));
    text.push(spans.map((x) => x.text).join(''));
    out.push(...paragraphSlices(spans, style, itemBox, ctx, { align: 'start', spaceBefore: 1.5, lineHeight: ctx.dir === 'rtl' ? 1.55 : 1.3 }, node));
  }
  return { slices: out, text };
}
