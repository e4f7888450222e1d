import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadBundle } from '../cache/code-cache.js';
import { keep, memoFile, recall } from '../cache/memo.js';
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api.js';
import { measureText, wrapText } from './measure.js';
import type { Diagram, GraphSpec, LaidOutEdge, LaidOutNode, LayoutOptions, Point } from './types.js';

/** ELK's layered algorithm, called directly (see `engine`). */
interface ElkEngine {
  layout(graph: ElkNode): ElkNode;
}

/** What elkjs's worker script exports: its in-process stand-in for a Web Worker. */
interface FakeWorker {
  onmessage: (e: { data: { data?: unknown; error?: unknown } }) => void;
  dispatcher: { saveDispatch(e: { data: Record<string, unknown> }): void };
}

// elkjs is CommonJS (its package.json has no "type"). Loaded by `import`, Node 20.19+ first
// compiles its 1.6 MB bundle to detect the module format, then again as CommonJS: ~0.2 s of
// every start that draws a diagram. `require` compiles it once. And only when a graph is
// first laid out: compiling the bundle and making the engine cost ~0.3 s, which every
// PDF build paid on import even when its SOP has no flowchart.
let elk: ElkEngine | undefined;

/**
 * ELK's engine, called synchronously. elkjs's API (`new ELK().layout`) talks to its
 * engine as to a Web Worker: in Node, an in-process stand-in that answers each message
 * after a `setTimeout(0)`, and the API reads the answer after another one, so every
 * layout waited ~2 ms on timers with the process idle (89 layouts in a build of the
 * example). Its worker script exports that stand-in, whose `dispatcher` runs a command
 * and posts the answer at once: called directly, a layout is a plain function call. The
 * answers are the API's (the same engine and options; tests/diagram/elk-engine.test.ts
 * compares them). Only the layered algorithm is registered: the only one sopkit asks for.
 */
function engine(): ElkEngine {
  if (!elk) {
    // Through V8's code cache like the vendor bundles (src/cache/code-cache.ts): the 1.6 MB
    // script's compiled layout code is read back instead of compiled again on every build.
    // Not in strict mode: its GWT-compiled code was written for `require`, which runs it so.
    const file = pathToFileURL(createRequire(import.meta.url).resolve('elkjs/lib/elk-worker.min.js'));
    const { Worker } = loadBundle(file, { variant: 'sloppy', strict: false }) as { Worker: new () => FakeWorker };
    const worker = new Worker();
    // The answer arrives through the callback, within `saveDispatch`.
    const reply: { answer?: { data?: unknown; error?: unknown } } = {};
    worker.onmessage = (e) => { reply.answer = e.data; };
    const send = (data: Record<string, unknown>): unknown => {
      reply.answer = undefined;
      worker.dispatcher.saveDispatch({ data: { id: 0, ...data } });
      // (TypeScript narrowed `reply.answer` to undefined above: the callback set it since.)
      const answer = reply.answer as { data?: unknown; error?: unknown } | undefined;
      if (!answer) throw new Error(`elkjs did not answer the '${String(data.cmd)}' command`);
      if (answer.error !== undefined) throw answer.error;
      return answer.data;
    };
    send({ cmd: 'register', algorithms: ['layered'] });
    elk = { layout: (graph) => send({ cmd: 'layout', graph, layoutOptions: {}, options: {} }) as ElkNode };
  }
  return elk;
}

/** ELK's layout of `graph` (which it fills in and returns), by the engine called directly. */
export function elkLayout(graph: ElkNode): ElkNode {
  return engine().layout(graph);
}

/** `v` with its `undefined` fields left out (JSON drops them: a kept result must equal a computed one). */
function defined<T extends object>(v: T): T {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as T;
}

/** What the drawing reads of ELK's answer: the sizes and positions, not the options echoed back. */
function placedPart(out: ElkNode): ElkNode {
  return defined({
    id: out.id, width: out.width, height: out.height,
    children: (out.children ?? []).map((c) => defined({ id: c.id, x: c.x, y: c.y, width: c.width, height: c.height })),
    edges: (out.edges ?? []).map((e) => defined({
      id: e.id, sources: e.sources, targets: e.targets,
      sections: e.sections?.map((s) => defined({ id: s.id, startPoint: s.startPoint, endPoint: s.endPoint, bendPoints: s.bendPoints })),
      labels: e.labels?.map((l) => defined({ x: l.x, y: l.y, width: l.width, height: l.height })),
    })),
  });
}

/**
 * ELK's layout of `graph`, or the one kept in the cache folder for the same graph
 * (src/cache/memo.ts, keyed with the engine fingerprint, which pins elkjs's version): ELK is
 * deterministic (fixed seed), and a build after a data edit lays out again only the graphs
 * the edit changed, without loading elkjs when none did. Kept only when the JSON copy
 * equals the answer exactly (no -0, NaN or undefined in it), so a kept layout draws the
 * very bytes a computed one does.
 */
async function placedGraph(graph: ElkNode): Promise<ElkNode> {
  const file = memoFile('elk', JSON.stringify(graph));
  const hit = file ? recall<ElkNode>(file) : undefined;
  if (hit) return hit.value;
  const out = placedPart(elkLayout(graph));
  if (file && isDeepStrictEqual(JSON.parse(JSON.stringify(out)), out)) keep(file, out);
  return out;
}

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
  for (const n of spec.nodes) {
    const s = sizeNode(n.label, n.note, n.kind, fontSize, maxTextWidth, lineHeight);
    const given = opts.sizes?.nodes[n.id];
    sized.set(n.id, given ? { ...s, width: given[0], height: given[1] } : s);
  }
  const labelSize = Math.round(fontSize * 0.85);
  const edgeLines = spec.edges.map((e) => (e.label ? wrapText(e.label, 120, labelSize) : []));
  const labelBox = (i: number): [number, number] => opts.sizes?.edgeLabels?.[i] ?? [
    Math.ceil(Math.max(...edgeLines[i]!.map((l) => measureText(l, labelSize))) + 8),
    Math.ceil(edgeLines[i]!.length * labelSize * 1.4 + 4),
  ];
  // The main path first: ELK keeps the model order within a layer, so it runs down one side.
  const trunk = opts.trunkToStart && spec.flow === 'down' ? mainPath(spec) : [];
  const onTrunk = new Set(trunk);
  const nodeOrder = trunk.length ? [...trunk.map((id) => spec.nodes.find((n) => n.id === id)!), ...spec.nodes.filter((n) => !onTrunk.has(n.id))] : spec.nodes;
  const edgeOrder = spec.edges.map((_, i) => i);
  if (trunk.length) {
    const trunkEdge = (i: number) => onTrunk.has(spec.edges[i]!.from) && onTrunk.has(spec.edges[i]!.to) && trunk.indexOf(spec.edges[i]!.to) === trunk.indexOf(spec.edges[i]!.from) + 1;
    edgeOrder.sort((a, b) => Number(trunkEdge(b)) - Number(trunkEdge(a)) || a - b);
  }

  const tailLabels = opts.edgeLabels === 'tail';
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': spec.flow === 'down' ? 'DOWN' : 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': String(opts.spacing?.node ?? 28),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(opts.spacing?.layer ?? 36),
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': opts.placement === 'compact' ? 'SIMPLE' : 'BRANDES_KOEPF',
      'elk.padding': opts.spacing ? `[top=${opts.spacing.pad},left=${opts.spacing.pad},bottom=${opts.spacing.pad},right=${opts.spacing.pad}]` : '[top=8,left=8,bottom=8,right=8]',
      'elk.randomSeed': '1',
      // Steps are written in reading order: a loop (a step leading back to an earlier one)
      // reverses the edge going back in the list, not one ELK picks (which can put the
      // middle of the loop on top). Decision flows keep ELK's choice (their posters are set).
      ...(spec.nodes.every((n) => n.kind === 'step') ? { 'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER' } : {}),
      ...(trunk.length ? { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' } : {}),
      ...(opts.aspectRatio && spec.flow === 'across'
        ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(opts.aspectRatio) }
        : {}),
    },
    children: nodeOrder.map((n) => ({ id: n.id, width: sized.get(n.id)!.width, height: sized.get(n.id)!.height })),
    edges: edgeOrder.map((i): ElkExtendedEdge => {
      const e = spec.edges[i]!;
      const lines = edgeLines[i]!;
      return {
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        ...(lines.length ? { labels: [{ text: e.label ?? '', width: labelBox(i)[0], height: labelBox(i)[1], ...(tailLabels ? { layoutOptions: { 'elk.edgeLabels.placement': 'TAIL' } } : {}) }] } : {}),
      };
    }),
  };

  const out = await placedGraph(graph);
  const width = Math.ceil(out.width ?? 0);
  const height = Math.ceil(out.height ?? 0);
  let mirror = rtl;
  if (trunk.length) {
    // Whatever side ELK chose, the main path ends up on the start side of the language.
    const centre = (c: ElkNode) => (c.x ?? 0) + (c.width ?? 0) / 2;
    const kids = out.children ?? [];
    const mean = (list: ElkNode[]) => list.reduce((a, c) => a + centre(c), 0) / Math.max(1, list.length);
    const trunkRight = mean(kids.filter((c) => onTrunk.has(c.id))) > mean(kids);
    mirror = rtl ? !trunkRight : trunkRight;
  }
  const mx = (x: number, w = 0) => round(mirror ? width - x - w : x);

  const byNode = new Map((out.children ?? []).map((c: ElkNode) => [c.id, c]));
  const nodes: LaidOutNode[] = spec.nodes.map((n0) => byNode.get(n0.id)!).map((c: ElkNode) => {
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

  const byId = new Map((out.edges ?? []).map((e: ElkExtendedEdge) => [e.id, e]));
  const edges: LaidOutEdge[] = spec.edges.map((_, i) => {
    const ext = byId.get(`e${i}`)!;
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

/**
 * The main path of a decision tree: from the first node without incoming edges, at each
 * node the successor with the most decisions reachable after it (the first edge on a tie).
 */
export function mainPath(spec: GraphSpec): string[] {
  const out = new Map<string, string[]>();
  const hasIn = new Set<string>();
  for (const e of spec.edges) {
    (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
    hasIn.add(e.to);
  }
  const kind = new Map(spec.nodes.map((n) => [n.id, n.kind]));
  const memo = new Map<string, number>();
  const decisions = (id: string, seen: Set<string>): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    if (seen.has(id)) return 0;
    seen.add(id);
    const reach = new Set<string>();
    const walk = (x: string) => {
      for (const t of out.get(x) ?? []) if (!reach.has(t)) { reach.add(t); walk(t); }
    };
    walk(id);
    const n = [...reach].filter((x) => kind.get(x) === 'decision').length;
    memo.set(id, n);
    return n;
  };
  const start = spec.nodes.find((n) => !hasIn.has(n.id));
  const path: string[] = [];
  for (let id = start?.id; id !== undefined && !path.includes(id);) {
    path.push(id);
    const next: string[] = out.get(id) ?? [];
    let best: string | undefined;
    let score = -1;
    for (const t of next) {
      const sc = (kind.get(t) === 'decision' ? 1 : 0) + decisions(t, new Set());
      if (sc > score) { best = t; score = sc; }
    }
    id = best;
  }
  return path;
}
