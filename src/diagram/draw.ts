/**
 * Diagrams as frame items (paths and lines of shaped text), for every PDF: the boxes are
 * measured with the same text engine as the body (`measureDiagram`, handed to
 * `layoutGraph` as `sizes`), then drawn at a scale (`drawDiagram`). Node and edge labels
 * are real text: selectable, extractable, Arabic joined and in logical order. Shapes tell
 * node kinds apart without colour (black-and-white copies): start a pill, decision a
 * hexagon, action a plain box, outcome a rounded box with a heavy border and grey fill.
 */
import { directionOf } from '../i18n/index.js';
import { breakParagraph, prepareParagraph, type Line, type Rgb } from '../text/index.js';
import type { FrameItem, PathItem, PathSegment } from '../frame/types.js';
import { linesToItems } from '../frame/items.js';
import { arrowHead, boxPoints, hexagonPoints, polygon, roundedRect, through } from '../frame/shapes.js';
import type { Diagram, GraphSpec, LaidOutNode, LayoutOptions, NodeKind } from './types.js';

export interface DiagramLook {
  /** Node label size at scale 1, points. */
  size: number;
  /** Widest a node's text may get before wrapping, at scale 1. */
  maxTextWidth: number;
  /** Edge labels and node notes relative to the node text (default 0.85; posters: 1, nothing below their minimum). */
  labelScale?: number;
  ink: Rgb;
  text: Rgb;
  muted: Rgb;
  fills: Record<NodeKind, Rgb>;
}

const WHITE: Rgb = [1, 1, 1];

export function defaultLook(size: number, maxTextWidth: number): DiagramLook {
  return {
    size, maxTextWidth, ink: [0.15, 0.15, 0.15], text: [0.1, 0.1, 0.1], muted: [0.3, 0.3, 0.3],
    fills: { start: [0.9, 0.92, 0.95], decision: WHITE, action: WHITE, outcome: [0.9, 0.9, 0.9], step: WHITE, connector: WHITE },
  };
}

/** Line box height factor: Naskh needs more room for its marks than Latin. */
const lineFactor = (lang: string) => (directionOf(lang) === 'rtl' ? 1.55 : 1.3);
const padX = (size: number) => size * 0.8;
const padY = (size: number) => size * 0.5;
/** How far a decision hexagon's points reach beyond its text. */
const hexInset = (size: number) => size * 1.2;
const noteSize = (size: number, look: DiagramLook) => Math.round(size * (look.labelScale ?? 0.85) * 100) / 100;
const edgeLabelSize = noteSize;

function setText(text: string, lang: string, size: number, bold: boolean, color: Rgb, width: number): Line[] {
  const p = prepareParagraph(text, lang, { size, bold, color }, { lineHeight: lineFactor(lang), dir: directionOf(lang) });
  return breakParagraph(p, width, 'center');
}

const widest = (lines: Line[]) => lines.reduce((a, l) => Math.max(a, l.width), 0);
const tall = (lines: Line[]) => lines.reduce((a, l) => a + l.height, 0);
const bold = (kind: NodeKind) => kind === 'start' || kind === 'outcome' || kind === 'connector';

/** Characters of the labels that no font has (reported by the caller). */
export function diagramText(spec: GraphSpec): string[] {
  return [...spec.nodes.flatMap((n) => [n.label, n.note ?? '']), ...spec.edges.map((e) => e.label ?? '')].filter(Boolean);
}

/** Box sizes of every node and edge label at scale 1, set with the real fonts. */
export function measureDiagram(spec: GraphSpec, lang: string, look: DiagramLook): NonNullable<LayoutOptions['sizes']> {
  const s = look.size;
  const nodes: Record<string, [number, number]> = {};
  for (const n of spec.nodes) {
    const lines = setText(n.label, lang, s, bold(n.kind), look.text, look.maxTextWidth);
    const notes = n.note ? setText(n.note, lang, noteSize(s, look), false, look.muted, look.maxTextWidth) : [];
    const extra = n.kind === 'decision' ? 2 * hexInset(s) : 0;
    nodes[n.id] = [Math.ceil(Math.max(widest(lines), widest(notes), 3 * s) + 2 * padX(s) + extra), Math.ceil(tall(lines) + tall(notes) + 2 * padY(s))];
  }
  const edgeLabels = spec.edges.map((e): [number, number] | null => {
    if (!e.label) return null;
    const lines = setText(e.label, lang, edgeLabelSize(s, look), true, look.text, look.maxTextWidth);
    return [Math.ceil(widest(lines) + 0.6 * s), Math.ceil(tall(lines) + 2)];
  });
  return { nodes, edgeLabels };
}

/** A part of the drawing with the vertical extent it occupies (for splitting over pages). */
export interface DiagramPiece {
  top: number;
  bottom: number;
  items: FrameItem[];
}

export interface DrawnDiagram {
  width: number;
  height: number;
  /** Text size of node labels as drawn. */
  textSize: number;
  /** Per node (in spec order): its shape and text. */
  nodes: Array<DiagramPiece & { id: string }>;
  /** Edge labels: their background and text. */
  labels: DiagramPiece[];
  /** Edge lines and arrowheads (text-free: they may be cut at a page break). */
  edges: PathItem[];
}

/**
 * Heights where a drawn diagram may be cut (between rows, where no box and no edge label
 * is), from 0 to its full height: the SOP PDF breaks a tall chart over pages there, and the
 * Word export cuts its pictures there.
 */
export function rowCuts(drawn: DrawnDiagram): number[] {
  const spans = [...drawn.nodes, ...drawn.labels].map((x) => [x.top - 1, x.bottom + 1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const cuts = [0];
  let reach = -Infinity;
  for (const [a, b] of spans) {
    if (reach > 0 && a > reach) cuts.push((reach + a) / 2);
    reach = Math.max(reach, b);
  }
  cuts.push(Math.max(drawn.height, reach));
  return cuts;
}

function outline(n: LaidOutNode, s: number, size: number): PathSegment[] {
  const x = n.x * s;
  const y = n.y * s;
  const w = n.width * s;
  const h = n.height * s;
  switch (n.kind) {
    case 'decision': {
      const d = Math.min(h / 2, hexInset(size) * s);
      return polygon(hexagonPoints(x, y, w, h, d));
    }
    case 'start':
    case 'connector': return roundedRect(x, y, w, h, h / 2);
    case 'outcome': return roundedRect(x, y, w, h, size * 0.6 * s);
    default: return polygon(boxPoints(x, y, w, h));
  }
}

function borderWidth(kind: NodeKind, s: number): number {
  return (kind === 'outcome' ? 1.6 : kind === 'action' || kind === 'step' ? 0.7 : kind === 'connector' ? 1.4 : 1) * s;
}

/**
 * Draws a laid-out diagram at `scale` (its coordinates × scale, origin at its top-left
 * corner). Labels are broken again at the drawn size; shaped widths grow linearly with
 * the size, so they break as they were measured.
 */
export function drawDiagram(d: Diagram, spec: GraphSpec, lang: string, look: DiagramLook, scale: number): DrawnDiagram {
  const s = scale;
  const size = look.size;
  const textSize = Math.round(size * s * 100) / 100;
  const edges: PathItem[] = [];
  const lw = Math.max(0.4, 0.8 * s);
  const arrow = size * 0.6 * s;
  for (const e of d.edges) {
    if (e.points.length < 2) continue;
    const pts = e.points.map((p) => ({ x: p.x * s, y: p.y * s }));
    const tip = pts[pts.length - 1]!;
    const prev = pts[pts.length - 2]!;
    const len = Math.hypot(tip.x - prev.x, tip.y - prev.y) || 1;
    const ux = (tip.x - prev.x) / len;
    const uy = (tip.y - prev.y) / len;
    // The line stops at the arrowhead's base so its end does not blunt the tip.
    const base = { x: tip.x - ux * arrow, y: tip.y - uy * arrow };
    const line = [...pts.slice(0, -1), base];
    edges.push({ kind: 'path', x: 0, y: 0, segments: through(line), stroke: look.ink, lineWidth: lw });
    edges.push({ kind: 'path', x: 0, y: 0, fill: look.ink, segments: polygon(arrowHead(prev, tip, arrow)) });
  }
  const labels: DiagramPiece[] = [];
  d.edges.forEach((e, i) => {
    const text = spec.edges[i]?.label;
    if (!e.label || !text) return;
    const box = { x: e.label.x * s, y: e.label.y * s, w: e.label.width * s, h: e.label.height * s };
    const lines = setText(text, lang, edgeLabelSize(size, look) * s, true, look.text, box.w + 1);
    const h = tall(lines);
    const top = box.y + (box.h - h) / 2;
    labels.push({
      top: box.y, bottom: box.y + box.h,
      items: [
        { kind: 'path', x: 0, y: 0, fill: WHITE, segments: roundedRect(box.x, top, box.w, h, 1.5 * s) },
        ...linesToItems(lines, box.x, top),
      ],
    });
  });
  const nodes: DrawnDiagram['nodes'] = [];
  for (const n of d.nodes) {
    const sp = spec.nodes.find((x) => x.id === n.id);
    const items: FrameItem[] = [{
      kind: 'path', x: 0, y: 0, segments: outline(n, s, size), fill: look.fills[n.kind], stroke: look.ink, lineWidth: borderWidth(n.kind, s),
      // A connector is dashed: a way off the sheet, not a step of the procedure.
      ...(n.kind === 'connector' ? { dash: [4 * s, 3 * s] } : {}),
    }];
    const inset = (padX(size) + (n.kind === 'decision' ? hexInset(size) : 0)) * s;
    const inner = n.width * s - 2 * inset;
    const lines = setText(sp?.label ?? n.lines.join(' '), lang, textSize, bold(n.kind), look.text, inner + 0.5);
    const notes = sp?.note ? setText(sp.note, lang, noteSize(size, look) * s, false, look.muted, inner + 0.5) : [];
    const top = n.y * s + (n.height * s - tall(lines) - tall(notes)) / 2;
    items.push(...linesToItems(lines, n.x * s + inset, top), ...linesToItems(notes, n.x * s + inset, top + tall(lines)));
    nodes.push({ id: n.id, top: n.y * s, bottom: (n.y + n.height) * s, items });
  }
  return { width: d.width * s, height: d.height * s, textSize, nodes, labels, edges };
}
