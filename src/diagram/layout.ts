import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api.js';
import { measureText, wrapText } from './measure.js';
import type { Diagram, GraphSpec, LaidOutEdge, LaidOutNode, LayoutOptions, Point } from './types.js';

// elkjs is CommonJS: under NodeNext its default import is the module object for tsc but
// the constructor at run time; pick whichever is callable.
const ElkCtor = ((elkBundled as unknown as { default?: unknown }).default ?? elkBundled) as new (args?: ELKConstructorArguments) => ELK;
const elk = new ElkCtor();

const PAD_X = 14;
const PAD_Y = 10;

interface Sized {
  lines: string[];
  noteLines: string[];
  width: number;
  height: number;
}

function sizeNode(label: string, note: string | undefined, kind: string, fontSize: number, maxTextWidth: number, lineHeight: number): Sized {
  const lines = wrapText(label, maxTextWidth, fontSize);
  const noteSize = Math.round(fontSize * 0.85);
  const noteLines = note ? wrapText(note, maxTextWidth, noteSize) : [];
  const textWidth = Math.max(...lines.map((l) => measureText(l, fontSize)), ...noteLines.map((l) => measureText(l, noteSize)), 40);
  // Decisions are drawn as hexagons: the slanted ends need room beyond the text.
  const extra = kind === 'decision' ? 2 * (lineHeight * 0.9) : 0;
  const width = Math.ceil(textWidth + 2 * PAD_X + extra);
  const height = Math.ceil((lines.length + noteLines.length * 0.9) * lineHeight + 2 * PAD_Y);
  return { lines, noteLines, width, height };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays a graph out with ELK's layered algorithm. Deterministic (ELK's fixed random seed,
 * no wall clock). For right-to-left languages the result is mirrored horizontally, so an
 * `across` flow reads right to left and decision branches keep their reading order.
 */
export async function layoutGraph(spec: GraphSpec, opts: LayoutOptions = {}): Promise<Diagram> {
  // ELK is the slow part of a site rebuild; the same graph always gives the same layout.
  const key = JSON.stringify([spec, opts]);
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const d = await computeLayout(spec, opts);
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  cache.set(key, d);
  return structuredClone(d);
}

const cache = new Map<string, Diagram>();

async function computeLayout(spec: GraphSpec, opts: LayoutOptions): Promise<Diagram> {
  const fontSize = opts.fontSize ?? 14;
  const lineHeight = Math.round(fontSize * 1.5);
  const maxTextWidth = opts.maxTextWidth ?? 220;
  const rtl = opts.rtl ?? false;
  const sized = new Map<string, Sized>();
  for (const n of spec.nodes) sized.set(n.id, sizeNode(n.label, n.note, n.kind, fontSize, maxTextWidth, lineHeight));
  const labelSize = Math.round(fontSize * 0.85);
  const edgeLines = spec.edges.map((e) => (e.label ? wrapText(e.label, 120, labelSize) : []));

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': spec.flow === 'down' ? 'DOWN' : 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
      'elk.randomSeed': '1',
      ...(opts.aspectRatio && spec.flow === 'across'
        ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(opts.aspectRatio) }
        : {}),
    },
    children: spec.nodes.map((n) => ({ id: n.id, width: sized.get(n.id)!.width, height: sized.get(n.id)!.height })),
    edges: spec.edges.map((e, i): ElkExtendedEdge => {
      const lines = edgeLines[i]!;
      return {
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        ...(lines.length
          ? {
              labels: [{
                text: e.label ?? '',
                width: Math.ceil(Math.max(...lines.map((l) => measureText(l, labelSize))) + 8),
                height: Math.ceil(lines.length * labelSize * 1.4 + 4),
              }],
            }
          : {}),
      };
    }),
  };

  const out = await elk.layout(graph);
  const width = Math.ceil(out.width ?? 0);
  const height = Math.ceil(out.height ?? 0);
  const mx = (x: number, w = 0) => round(rtl ? width - x - w : x);

  const nodes: LaidOutNode[] = (out.children ?? []).map((c: ElkNode) => {
    const spec0 = spec.nodes.find((n) => n.id === c.id)!;
    const s = sized.get(c.id)!;
    return {
      id: c.id,
      kind: spec0.kind,
      x: mx(c.x ?? 0, c.width ?? 0),
      y: round(c.y ?? 0),
      width: c.width ?? s.width,
      height: c.height ?? s.height,
      lines: s.lines,
      noteLines: s.noteLines,
    };
  });

  const edges: LaidOutEdge[] = (out.edges ?? []).map((e: ElkExtendedEdge, i: number) => {
    const ext = e as ElkExtendedEdge;
    const points: Point[] = [];
    for (const sec of ext.sections ?? []) {
      points.push(sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint);
    }
    const edge: LaidOutEdge = {
      from: spec.edges[i]!.from,
      to: spec.edges[i]!.to,
      points: points.map((p) => ({ x: mx(p.x), y: round(p.y) })),
    };
    const l = ext.labels?.[0];
    if (l && edgeLines[i]!.length) {
      edge.label = { lines: edgeLines[i]!, x: mx(l.x ?? 0, l.width ?? 0), y: round(l.y ?? 0), width: l.width ?? 0, height: l.height ?? 0 };
    }
    return edge;
  });

  return { width, height, rtl, fontSize, lineHeight, nodes, edges };
}
