/**
 * Decision flowcharts on posters, drawn by the diagram module the SOP PDF uses
 * (`measureDiagram` → `layoutGraph` → `drawDiagram`): the same shapes, the same shaped
 * text, mirrored for right-to-left languages by the layout itself.
 *
 * What is poster-specific is the fit. A poster is read from two metres, so its text has a
 * floor (`min`) and the chart takes the shape that holds it: boxes of several widths
 * (wider boxes wrap less and make a flatter chart), ELK's compact node placement and
 * "Yes"/"No" at the start of their edges (no layer of their own), and when one sheet
 * still cannot hold the minimum, the main path cut over two or more sheets with
 * "Continued on sheet 2" connectors — never text shrunk below the floor. `check` runs this
 * same plan, so the `poster-fit` rule is the build's own layout.
 */
import { cutChoices, layoutGraph, mainPath, partOf, splitGraph, type ConnectorWords, type Diagram, type GraphSpec } from '../diagram/index.js';
import { defaultLook, drawDiagram, measureDiagram, type DiagramLook } from '../diagram/draw.js';
import { directionOf } from '../i18n/index.js';
import type { FrameItem } from '../frame/types.js';
import { shiftItems } from '../frame/items.js';
import type { Box } from './column.js';
import { INK } from './page.js';

/** Size charts are laid out at; drawn at `scale` × this. One size for every paper, so A3 and A2 share their layouts. */
const BASE = 14;
/**
 * Widths (in ems of the text) a node's text may take before wrapping: the one that draws
 * largest wins. Each is an ELK run per part (the slow part of composing a poster), so few.
 */
const EMS = [8, 11, 14, 17];
/** Cut positions tried per sheet count: the most even ones by node count. */
const CUTS_TRIED = 3;

export interface FlowchartFit {
  /** Smallest text on the chart (node text, edge labels, connectors), points. */
  min: number;
  /** Largest node text worth using (a sparse chart should not print 60 pt boxes). */
  max: number;
  /** Most sheets the chart may take before it has to go below `min`. */
  maxSheets: number;
  words: ConnectorWords;
}

export interface FlowchartPart {
  spec: GraphSpec;
  diagram: Diagram;
}

export interface FlowchartPlan {
  /** One per sheet, in reading order. */
  parts: FlowchartPart[];
  look: DiagramLook;
  /** Drawn at layout coordinates × scale: text at `look.size × scale` points. */
  scale: number;
  /** Whether every part fits its box with its text at `min` or more. */
  fits: boolean;
  /** Text size as drawn (every text of the chart: the look sets labels at the node size). */
  textSize: number;
}

/** Black ink and full-size labels: posters are photocopied, and "Yes"/"No" are read from as far as the boxes. */
export function posterLook(size: number, maxTextWidth: number): DiagramLook {
  return {
    ...defaultLook(size, maxTextWidth),
    labelScale: 1, ink: INK, text: INK,
    fills: { start: [0.88, 0.88, 0.88], decision: [1, 1, 1], action: [1, 1, 1], outcome: [0.85, 0.85, 0.85], step: [1, 1, 1], connector: [1, 1, 1] },
  };
}

// A poster family asks for the same layouts at A3, A2 and in the bilingual half: ELK runs
// once per distinct graph and box width (its layout is deterministic). Bounded for `watch`.
const layouts = new Map<string, Promise<Diagram>>();

function laidOut(spec: GraphSpec, lang: string, look: DiagramLook): Promise<Diagram> {
  const key = JSON.stringify([spec, lang, look.size, look.maxTextWidth]);
  let hit = layouts.get(key);
  if (!hit) {
    if (layouts.size > 400) layouts.clear();
    const sizes = measureDiagram(spec, lang, look);
    hit = layoutGraph(spec, {
      rtl: directionOf(lang) === 'rtl', sizes, fontSize: look.size, maxTextWidth: look.maxTextWidth,
      trunkToStart: true, edgeLabels: 'tail', placement: 'compact',
      spacing: { node: Math.round(look.size), layer: Math.round(look.size * 1.6), pad: 2 },
    });
    layouts.set(key, hit);
  }
  return hit;
}

/** The `CUTS_TRIED` cut choices whose largest part has the fewest nodes (ties: the earlier cut). */
function evenest(spec: GraphSpec, choices: number[][]): number[][] {
  const largest = (cuts: number[]) => {
    const counts = new Map<number, number>();
    for (const p of partOf(spec, cuts).values()) counts.set(p, (counts.get(p) ?? 0) + 1);
    return Math.max(...counts.values());
  };
  return choices.map((c) => ({ c, n: largest(c) })).sort((a, b) => a.n - b.n).slice(0, CUTS_TRIED).map((x) => x.c);
}

/** The largest scale at which every part fits `box`. */
function scaleIn(parts: FlowchartPart[], box: Pick<Box, 'w' | 'h'>): number {
  return Math.min(...parts.map((p) => Math.min(box.w / p.diagram.width, box.h / p.diagram.height)));
}

/**
 * Whether candidate `a` beats `b` (none yet: it does): among the shapes that hold the
 * minimum scale `need`, the fewest connectors (every one sends the reader to another
 * sheet), then the largest text; below it, the largest text.
 */
export function betterPlan(a: { scale: number; connectors: number }, b: { scale: number; connectors: number } | undefined, need: number): boolean {
  return !b
    || (a.scale >= need && b.scale < need)
    || (a.scale >= need && b.scale >= need ? a.connectors < b.connectors || (a.connectors === b.connectors && a.scale > b.scale + 1e-6) : a.scale > b.scale + 1e-6);
}

/**
 * Whether some candidate with `connectors` connectors and a scale of at most `cap` would
 * be `betterPlan` than `here`: the same order, asked of every scale up to `cap`.
 */
export function canBeat(cap: number, connectors: number, here: { scale: number; connectors: number }, need: number): boolean {
  if (cap >= need) {
    // Some scale in [need, cap] holds the minimum.
    if (here.scale < need) return true;
    return connectors < here.connectors || (connectors === here.connectors && cap > here.scale + 1e-6);
  }
  // Below the minimum, only a larger scale wins (one holding it always beats it).
  return here.scale < need && cap > here.scale + 1e-6;
}

/**
 * The shape of the chart for a `box` of one sheet: the fewest sheets that hold `min`, and
 * on those the box width that draws it largest; when no split holds it, the largest
 * drawing found (and `fits: false`, for the caller to report).
 */
export async function planFlowchart(spec: GraphSpec, lang: string, box: Pick<Box, 'w' | 'h'>, o: FlowchartFit): Promise<FlowchartPlan> {
  const need = o.min / BASE;
  const trunk = mainPath(spec).length;
  let best: { parts: FlowchartPart[]; look: DiagramLook; scale: number; connectors: number } | undefined;
  const better = (a: NonNullable<typeof best>, b: typeof best) => betterPlan(a, b, need);
  for (let sheets = 1; sheets <= o.maxSheets; sheets++) {
    let here: typeof best;
    for (const cuts of evenest(spec, cutChoices(trunk, sheets))) {
      const specs = sheets === 1 ? [spec] : splitGraph(spec, cuts, o.words);
      const connectors = specs.reduce((k, s) => k + s.nodes.filter((n) => n.kind === 'connector').length, 0);
      for (const em of EMS) {
        const look = posterLook(BASE, em * BASE);
        const parts: FlowchartPart[] = [];
        // A candidate's scale is the smallest of its parts': once the parts laid out so
        // far cap it where it cannot beat `here`, the rest need no ELK run (the choice
        // is the same as with every part laid out).
        let cap = Infinity;
        for (const s of specs) {
          if (here && !canBeat(cap, connectors, here, need)) break;
          const part = { spec: s, diagram: await laidOut(s, lang, look) };
          parts.push(part);
          cap = Math.min(cap, scaleIn([part], box));
        }
        if (parts.length < specs.length) continue;
        const cand = { parts, look, scale: cap, connectors };
        if (better(cand, here)) here = cand;
      }
    }
    if (!here) continue;
    if (!best || here.scale > best.scale + 1e-6) best = here;
    if (here.scale >= need) {
      best = here;
      break;
    }
  }
  const fits = best!.scale >= need - 1e-9;
  const scale = Math.min(best!.scale, o.max / BASE);
  return { parts: best!.parts, look: best!.look, scale, fits, textSize: Math.round(BASE * scale * 100) / 100 };
}

/** Part `i` of the plan drawn centred in `box`: edges under boxes, labels over edges. */
export function drawFlowchartPart(plan: FlowchartPlan, i: number, lang: string, box: Box): FrameItem[] {
  const part = plan.parts[i];
  if (!part) return [];
  const d = drawDiagram(part.diagram, part.spec, lang, plan.look, plan.scale);
  const ox = box.x + (box.w - d.width) / 2;
  const oy = box.y + Math.max(0, (box.h - d.height) / 2);
  return shiftItems([...d.edges, ...d.nodes.flatMap((n) => n.items), ...d.labels.flatMap((l) => l.items)], ox, oy);
}

/** Where a part's drawing sits in `box` (its bounding box on the sheet): for tests and diagnostics. */
export function partBounds(plan: FlowchartPlan, i: number, box: Box): Box {
  const part = plan.parts[i]!;
  const w = part.diagram.width * plan.scale;
  const h = part.diagram.height * plan.scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + Math.max(0, (box.h - h) / 2), w, h };
}
