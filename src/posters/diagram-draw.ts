/**
 * Flowcharts on posters: the site's diagram module (`src/diagram/`, elkjs) places nodes
 * and routes edges; here the laid-out diagram is scaled into a poster box and drawn as
 * vectors, with every node's text set by the PDF engine and fitted to its node.
 * Right-to-left languages get the module's mirrored layout, so the flow reads from the right.
 */
import { layoutGraph, type Diagram, type GraphSpec, type LaidOutNode } from '../diagram/index.js';
import { directionOf } from '../i18n/index.js';
import type { Rgb } from '../text/index.js';
import { diagnostic } from '../diag/index.js';
import { fitColumn, type Block, type Box, type Source } from './column.js';
import { positionOf, reportSpill, RULE, type PosterContext } from './context.js';
import { INK, WHITE } from './page.js';
import type { FrameItem, Point, StructNode } from '../frame/types.js';
import { asContentOf } from './struct.js';
import { shiftItems } from '../frame/items.js';
import { arrowHead, boxPoints, chamferedPoints, hexagonPoints, polygonItem, polylineItem } from '../frame/shapes.js';
import { setText } from './fit.js';

export interface DiagramPosterOptions {
  /** Minimum legible size on this product (14 pt on posters). */
  min: number;
  /** Largest text size worth using (a sparse diagram should not print 60 pt boxes). */
  max: number;
  /** The text drawn in each node (defaults to the node's label). */
  content?: (node: LaidOutNode) => Block[];
  /** Data item of each node, for diagnostics. */
  nodeSource: (id: string) => Source | undefined;
  /** The whole diagram's data item (reported when the diagram must shrink below `min`). */
  source: Source;
  where: string;
  /** Flows worth trying; the one giving the largest text wins. */
  flows?: Array<'down' | 'across'>;
  /** Text widths (at the minimum size) worth trying. */
  widths?: number[];
  /** Extra room in the boxes beyond the module's text estimate (default: `layoutRoom(lang)`). */
  room?: number;
  /** The Figure element the drawing is the content of (its Alt: the chart as text). */
  figure?: StructNode;
}

const WIDTHS = [160, 220, 300];
/**
 * The diagram module sizes boxes from an estimate of text width (no fonts loaded); real
 * Noto Sans runs up to ~13 % wider in bold (measured on the example's labels), Noto Naskh
 * Arabic 5–20 % narrower. Laying out at a slightly larger size than we print keeps the
 * shaped text inside its box.
 */
export function layoutRoom(lang: string): number {
  return directionOf(lang) === 'rtl' ? 1 : 1.12;
}

// Posters of several sizes and the bilingual variant ask for the same layouts: run ELK
// once per distinct graph and options (its layout is deterministic).
const layouts = new Map<string, Promise<Diagram>>();

function cachedLayout(spec: GraphSpec, opts: { fontSize: number; maxTextWidth: number; rtl: boolean }): Promise<Diagram> {
  const key = JSON.stringify([spec, opts]);
  let hit = layouts.get(key);
  if (!hit) {
    if (layouts.size > 200) layouts.clear();
    hit = layoutGraph(spec, opts);
    layouts.set(key, hit);
  }
  return hit;
}

/** Lays the graph out at the minimum size in a few shapes and keeps the one that scales up most in `box`. */
export async function bestLayout(spec: GraphSpec, lang: string, box: Box, o: Pick<DiagramPosterOptions, 'min' | 'flows' | 'widths' | 'room'>): Promise<{ diagram: Diagram; scale: number }> {
  let best: { diagram: Diagram; scale: number } | undefined;
  for (const flow of o.flows ?? [spec.flow]) {
    for (const maxTextWidth of o.widths ?? WIDTHS) {
      const room = o.room ?? layoutRoom(lang);
      const diagram = await cachedLayout({ ...spec, flow }, { fontSize: o.min * room, maxTextWidth: maxTextWidth * room, rtl: directionOf(lang) === 'rtl' });
      const scale = Math.min(box.w / diagram.width, box.h / diagram.height);
      if (!best || scale > best.scale + 1e-6) best = { diagram, scale };
    }
  }
  return best!;
}

function nodeOutline(n: LaidOutNode, s: number, ox: number, oy: number): Point[] {
  const x = ox + n.x * s;
  const y = oy + n.y * s;
  const w = n.width * s;
  const h = n.height * s;
  if (n.kind === 'decision') return hexagonPoints(x, y, w, h, Math.min(h / 2, 18 * s));
  if (n.kind === 'start') return chamferedPoints(x, y, w, h, Math.min(h / 3, 12 * s));
  return boxPoints(x, y, w, h);
}

/** Fill and border per kind: told apart by shape and border weight, not by colour alone. */
function nodeStyle(kind: LaidOutNode['kind'], s: number): { fill: Rgb; lineWidth: number } {
  switch (kind) {
    case 'start': return { fill: [0.88, 0.88, 0.88], lineWidth: 1.5 * s };
    case 'decision': return { fill: WHITE, lineWidth: 1.5 * s };
    case 'outcome': return { fill: [0.85, 0.85, 0.85], lineWidth: 3 * s };
    default: return { fill: WHITE, lineWidth: 1.2 * s };
  }
}

/** Draws `spec` into `box` in `lang` at the largest scale that fits; returns the items. */
export async function diagramBody(ctx: PosterContext, spec: GraphSpec, lang: string, box: Box, o: DiagramPosterOptions): Promise<FrameItem[]> {
  const { diagram: d, scale: fitScale } = await bestLayout(spec, lang, box, o);
  const s = Math.min(fitScale, o.max / o.min);
  const dir = directionOf(lang);
  if (fitScale < 1) {
    const at = positionOf(ctx, o.source);
    // Rounded down: "14 pt, below the minimum of 14 pt" would read as a contradiction.
    const size = Math.floor(o.min * fitScale * 10) / 10;
    ctx.diagnostics.push(diagnostic(RULE, 'warning',
      `the flowchart on ${o.where} only fits with its text at ${size} pt, below the poster minimum of ${o.min} pt`, at,
      'Print the larger poster size, shorten the node labels, or split the flow; the pocket guide lists the same steps as text.'));
  }
  const ox = box.x + (box.w - d.width * s) / 2;
  const oy = box.y + Math.max(0, (box.h - d.height * s) / 2);
  const items: FrameItem[] = [];
  const textSize = o.min * s;
  const lw = Math.max(1, 1.4 * s);
  for (const e of d.edges) {
    if (e.points.length < 2) continue;
    const pts = e.points.map((p) => ({ x: ox + p.x * s, y: oy + p.y * s }));
    const head = arrowHead(pts[pts.length - 2]!, pts[pts.length - 1]!, 9 * s);
    // Stop the line at the arrowhead's base so its end does not blunt the tip.
    const base = { x: (head[1]!.x + head[2]!.x) / 2, y: (head[1]!.y + head[2]!.y) / 2 };
    items.push(polylineItem([...pts.slice(0, -1), base], { stroke: INK, lineWidth: lw }));
    items.push(polygonItem(head, { fill: INK }));
  }
  for (const e of d.edges) {
    if (!e.label) continue;
    const text = e.label.lines.join(' ');
    const lb: Box = { x: ox + e.label.x * s, y: oy + e.label.y * s, w: e.label.width * s, h: e.label.height * s };
    // Left-aligned in a wide box so the line starts at x = 0 whatever the direction.
    const t = setText(text, lang, { width: 1e4, size: textSize * 0.9, bold: true, dir, align: 'left' });
    const w = Math.max(...t.lines.map((l) => l.width)) + textSize * 0.5;
    const cx = lb.x + lb.w / 2;
    items.push({ kind: 'rect', x: cx - w / 2, y: lb.y + (lb.h - t.height) / 2, w, h: t.height, fill: WHITE });
    items.push({ kind: 'lines', x: cx - w / 2 + textSize * 0.25, y: lb.y + (lb.h - t.height) / 2, width: w, lines: t.lines });
  }
  for (const n of d.nodes) {
    const outline = nodeOutline(n, s, ox, oy);
    const st = nodeStyle(n.kind, s);
    items.push(polygonItem(outline, { fill: st.fill, stroke: INK, lineWidth: st.lineWidth }));
    const label = spec.nodes.find((x) => x.id === n.id);
    const blocks = o.content?.(n) ?? [{ text: label?.label ?? n.lines.join(' '), lang, bold: n.kind === 'outcome' || n.kind === 'start', align: 'center' as const }];
    const padX = (n.kind === 'decision' ? Math.min(n.height / 2, 18) + 6 : 10) * s;
    const padY = 6 * s;
    const inner: Box = { x: ox + n.x * s + padX, y: oy + n.y * s + padY, w: n.width * s - 2 * padX, h: n.height * s - 2 * padY };
    const col = fitColumn(blocks, inner, textSize, Math.min(o.min, textSize), dir);
    if (!col.fits) {
      reportSpill(ctx, blocks[col.firstSpill]?.src ?? o.nodeSource(n.id), o.where, Math.round(Math.min(o.min, textSize) * 10) / 10,
        'Shorten this label: flowchart boxes hold about 12 words.');
    }
    items.push(...shiftItems(col.items, 0, Math.max(0, (inner.h - col.height) / 2)));
  }
  return o.figure ? asContentOf(items, o.figure) : items;
}
