/**
 * Frame items → PDF content-stream operators (pure string building; pdf-lib is only
 * used for the objects around them): the one drawing module for every PDF sopkit
 * writes (SOP pages, annexes, the redline, posters and cards). Two layers share the
 * items: `writeOps` draws a page's content (text included) the way the SOP pages are
 * written; `artworkOps` draws the shapes of a poster or card page as a layer of its own,
 * each shape isolated in its own graphics state with butt caps and mitred joins, and
 * the text goes over it through `writeOps`.
 */
import type { ArtifactTag, FrameItem, ItemTag, LinesItem, PathItem, PathSegment, RuleItem, StructNode, TextItem } from '../frame/types.js';
import type { GlyphRun, Rgb } from '../text/index.js';
import { OpBuffer } from './op-buffer.js';
import { color, num } from './format.js';
import { textOps } from './draw-text.js';
import { linesToItems } from '../frame/items.js';
import { isArtifact, LAYOUT_ARTIFACT, PAGE_ARTIFACT } from '../frame/struct.js';
import { beginArtifact, beginMarked } from './marks.js';

export { num } from './format.js';

import type { ResourceSink } from './resources.js';

export type { ResourceSink } from './resources.js';

/** Which marked-content sequence is open while a tagged page is written. */
interface MarkState {
  open: ItemTag | undefined;
  /** Inside a tagged group: its items are its content, their own tags are not written. */
  depth: number;
}

/** A path item in its own graphics state (colours, width and dash do not leak to what follows). */
function pathOps(it: PathItem, pageHeight: number, line: (s: string) => void): void {
  if (!it.segments.length || (!it.fill && !it.stroke)) return;
  const x0 = it.x;
  const y0 = pageHeight - it.y;
  const p = (x: number, y: number) => `${num(x0 + x)} ${num(y0 - y)}`;
  line('q');
  if (it.fill) line(color(it.fill, 'rg'));
  if (it.stroke) {
    line(color(it.stroke, 'RG'));
    line(`${num(it.lineWidth ?? 0.5)} w`);
    if (it.dash?.length) line(`[${it.dash.map(num).join(' ')}] 0 d`);
  }
  line(segmentOps(it.segments, p));
  // Fill and stroke in one operator; an open path is only stroked (a fill would close it).
  line(it.fill && it.stroke ? 'B' : it.fill ? 'f' : 'S');
  line('Q');
}

/** Operators drawing `items` on a page `pageHeight` points tall. */
export function itemsToOps(items: FrameItem[], pageHeight: number, res: ResourceSink): string {
  const out = new OpBuffer();
  writeOps(items, pageHeight, res, out);
  return Buffer.from(out.buf.buffer, out.buf.byteOffset, out.len).toString('latin1');
}

/**
 * Writes the operators drawing `items` into `out` (one operator line after another,
 * '\n' between them: the bytes `Buffer.from(lines.join('\n'), 'latin1')` would be).
 */
export function writeOps(items: FrameItem[], pageHeight: number, res: ResourceSink, out: OpBuffer): void {
  const start = out.len;
  const marks: MarkState | undefined = res.mark ? { open: undefined, depth: 0 } : undefined;
  itemOps(items, pageHeight, res, out, marks);
  if (marks?.open) out.str('EMC\n');
  // Every line above ends in '\n'; the last one has none.
  if (out.len > start) out.len--;
}

/**
 * On a tagged page, makes `tag` the open marked-content sequence (consecutive items of
 * one element share one sequence). Text without a tag is left unmarked, so a checker
 * finds it; shapes without one are layout artifacts.
 */
function markItem(it: FrameItem, marks: MarkState | undefined, res: ResourceSink, out: OpBuffer): void {
  if (!marks || marks.depth > 0) return;
  const tag = 'tag' in it ? it.tag ?? (it.kind === 'rect' || it.kind === 'rule' || it.kind === 'path' ? LAYOUT_ARTIFACT : undefined) : undefined;
  if (tag === marks.open) return;
  if (marks.open) out.str('EMC\n');
  marks.open = tag;
  if (tag) out.str(beginMarked(tag, res));
}

function closeMarks(marks: MarkState | undefined, out: OpBuffer): void {
  if (!marks || marks.depth > 0 || !marks.open) return;
  out.str('EMC\n');
  marks.open = undefined;
}

function itemOps(items: FrameItem[], pageHeight: number, res: ResourceSink, out: OpBuffer, marks: MarkState | undefined): void {
  const line = (s: string) => {
    out.str(s);
    out.byte(10);
  };
  for (const it of items) {
    if (it.kind === 'link' || it.kind === 'anchor') continue;
    // A line with runs of other elements opens and closes its own sequences inside BT/ET.
    const inner = marks && marks.depth === 0 && it.kind === 'text' && it.runTags !== undefined && it.tag !== undefined && !isArtifact(it.tag);
    if (inner) closeMarks(marks, out);
    else if (it.kind !== 'group' || it.tag) markItem(it, marks, res, out);
    else closeMarks(marks, out);
    switch (it.kind) {
      case 'text':
        textOps(it, pageHeight, res, out, inner === true);
        break;
      case 'lines':
        if (marks && marks.depth === 0 && it.lineTags && it.tag && !isArtifact(it.tag)) linesOps(it, pageHeight, res, out, marks);
        else for (const t of linesToItems(it.lines, it.x, it.y)) textOps(t, pageHeight, res, out, false);
        break;
      case 'rect': {
        const y = pageHeight - it.y - it.h;
        // A dashed border keeps its dash to itself; other boxes are written bare (most of them).
        const dashed = !!it.stroke && !!it.dash?.length;
        if (dashed) line('q');
        if (dashed) line(`[${it.dash!.map(num).join(' ')}] 0 d`);
        if (it.fill && it.stroke) {
          line(color(it.fill, 'rg'));
          line(color(it.stroke, 'RG'));
          line(`${num(it.lineWidth ?? 0.5)} w`);
          line(`${num(it.x)} ${num(y)} ${num(it.w)} ${num(it.h)} re B`);
        } else if (it.fill) {
          line(color(it.fill, 'rg'));
          line(`${num(it.x)} ${num(y)} ${num(it.w)} ${num(it.h)} re f`);
        } else if (it.stroke) {
          line(color(it.stroke, 'RG'));
          line(`${num(it.lineWidth ?? 0.5)} w`);
          line(`${num(it.x)} ${num(y)} ${num(it.w)} ${num(it.h)} re S`);
        }
        if (dashed) line('Q');
        break;
      }
      case 'rule':
        // A dashed rule keeps its dash to itself; a solid one is written bare (most of them).
        if (it.dash?.length) line('q');
        line(color(it.color, 'RG'));
        line(`${num(it.width)} w`);
        if (it.dash?.length) line(`[${it.dash.map(num).join(' ')}] 0 d`);
        line(`${num(it.x1)} ${num(pageHeight - it.y1)} m ${num(it.x2)} ${num(pageHeight - it.y2)} l S`);
        if (it.dash?.length) line('Q');
        break;
      case 'image': {
        const name = res.image(it);
        if (name) {
          line('q');
          line(`${num(it.w)} 0 0 ${num(it.h)} ${num(it.x)} ${num(pageHeight - it.y - it.h)} cm`);
          line(`/${name} Do`);
          line('Q');
        } else {
          line('0.9 0.9 0.9 rg');
          line(`${num(it.x)} ${num(pageHeight - it.y - it.h)} ${num(it.w)} ${num(it.h)} re f`);
        }
        break;
      }
      case 'path':
        pathOps(it, pageHeight, line);
        break;
      case 'group': {
        // Children keep the page's y flip: the matrix maps a child point written at
        // (cx, H - cy) to (x + s·cx, H - y - s·cy).
        const s = it.scale ?? 1;
        line('q');
        line(`${num(s)} 0 0 ${num(s)} ${num(it.x)} ${num(pageHeight - it.y - s * pageHeight)} cm`);
        if (it.clip) line(`${num(it.clip.x)} ${num(pageHeight - it.clip.y - it.clip.h)} ${num(it.clip.w)} ${num(it.clip.h)} re W n`);
        const start = out.len;
        if (marks && it.tag) marks.depth++;
        itemOps(it.items, pageHeight, res, out, marks);
        // Sequences opened inside the group end before its Q (marked content nests in q/Q).
        closeMarks(marks, out);
        if (marks && it.tag) marks.depth--;
        // The group's operators as `writeOps` wrote them: the last line without its '\n', then one.
        if (out.len === start) out.byte(10);
        line('Q');
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A paragraph's lines on a tagged page when some runs are elements of their own (Spans in
 * the other script): those lines open their sequences inside BT/ET, the others are the
 * paragraph's content, as text items of the same shape are.
 */
function linesOps(it: LinesItem, pageHeight: number, res: ResourceSink, out: OpBuffer, marks: MarkState): void {
  let y = it.y;
  it.lines.forEach((l, i) => {
    if (l.runs.length) {
      const runTags = it.lineTags![i];
      const t: TextItem = { kind: 'text', x: it.x, y: y + l.baseline, runs: l.runs, tag: it.tag, ...(runTags ? { runTags } : {}) };
      if (runTags) closeMarks(marks, out);
      else markItem(t, marks, res, out);
      textOps(t, pageHeight, res, out, runTags !== undefined);
    }
    y += l.height;
  });
}

/** Path segments as operators; `p` writes a point of the item (moved and flipped onto the page). */
function segmentOps(segments: PathSegment[], p: (x: number, y: number) => string): string {
  return segments.map((sg) => {
    switch (sg.op) {
      case 'move': return `${p(sg.x, sg.y)} m`;
      case 'line': return `${p(sg.x, sg.y)} l`;
      case 'curve': return `${p(sg.x1, sg.y1)} ${p(sg.x2, sg.y2)} ${p(sg.x, sg.y)} c`;
      case 'close': return 'h';
    }
  }).join(' ');
}

/** Whether `artworkOps` draws the item (a top-level rectangle, path or rule). */
export function isArtwork(it: FrameItem): boolean {
  return it.kind === 'rect' || it.kind === 'path' || it.kind === 'rule';
}

/**
 * The artwork layer of a poster or card page: every rectangle, path and rule (printer's
 * marks included) in its own graphics state with butt caps and mitred joins (joins stay
 * sharp on boxes, never spike on acute arrowheads; an unstroked shape takes a 1 pt
 * default width). A closed path is painted with the closing operators (`b`, `s`). The
 * other items (text, images, links, groups) are not part of it: they go over it through
 * `writeOps`.
 */
export function artworkOps(items: FrameItem[], pageHeight: number, marked = false): string {
  const n = fixed3;
  const col = (c: Rgb, op: 'rg' | 'RG') => `${n(c[0])} ${n(c[1])} ${n(c[2])} ${op}`;
  const out: string[] = [];
  // A tagged page's artwork is artifacts only: printer's marks are /Page artifacts,
  // the rest (boxes, arrows, bands, a flowchart's shapes: its Figure is read by its Alt)
  // /Layout ones or the artifact the item says. Consecutive shapes share one sequence.
  let open: ArtifactTag | undefined;
  const mark = (it: FrameItem) => {
    if (!marked) return;
    const own = 'tag' in it && isArtifact(it.tag) ? it.tag : undefined;
    const tag = it.kind === 'rule' && it.role ? PAGE_ARTIFACT : own ?? LAYOUT_ARTIFACT;
    if (tag === open) return;
    if (open) out.push('EMC');
    open = tag;
    out.push(beginArtifact(tag).trimEnd());
  };
  const style = (stroke: Rgb | undefined, fill: Rgb | undefined, lw: number | undefined, dash: number[] | undefined) => {
    out.push('q');
    if (fill) out.push(col(fill, 'rg'));
    if (stroke) out.push(col(stroke, 'RG'), `${n(lw ?? 1)} w`);
    if (dash?.length) out.push(`[${dash.map(n).join(' ')}] 0 d`);
    out.push('0 J 0 j');
  };
  const paint = (stroke: Rgb | undefined, fill: Rgb | undefined, closed: boolean) =>
    fill && stroke ? (closed ? 'b' : 'B') : fill ? 'f' : closed ? 's' : 'S';
  for (const it of items) {
    switch (it.kind) {
      case 'rect':
        if (!it.fill && !it.stroke) break;
        mark(it);
        style(it.stroke, it.fill, it.lineWidth, it.dash);
        out.push(`${n(it.x)} ${n(pageHeight - it.y - it.h)} ${n(it.w)} ${n(it.h)} re ${paint(it.stroke, it.fill, false)}`, 'Q');
        break;
      case 'path': {
        const closed = it.segments[it.segments.length - 1]?.op === 'close';
        const segs = closed ? it.segments.slice(0, -1) : it.segments;
        if (segs.length < 2 || (!it.fill && !it.stroke)) break;
        mark(it);
        style(it.stroke, it.fill, it.lineWidth, it.dash);
        // The closing paint operator closes the path: no separate `h`.
        const p = (x: number, y: number) => `${n(it.x + x)} ${n(pageHeight - (it.y + y))}`;
        out.push(`${segmentOps(segs, p)} ${paint(it.stroke, it.fill, closed)}`, 'Q');
        break;
      }
      case 'rule':
        mark(it);
        out.push(...ruleArtwork(it, pageHeight, n, col));
        break;
      default:
        break;
    }
  }
  if (open) out.push('EMC');
  return out.join('\n');
}

function ruleArtwork(it: RuleItem, pageHeight: number, n: (v: number) => string, col: (c: Rgb, op: 'RG') => string): string[] {
  return [
    'q', col(it.color, 'RG'), `${n(it.width)} w`, ...(it.dash?.length ? [`[${it.dash.map(n).join(' ')}] 0 d`] : []), '0 J 0 j',
    `${n(it.x1)} ${n(pageHeight - it.y1)} m ${n(it.x2)} ${n(pageHeight - it.y2)} l S`, 'Q',
  ];
}

/** The artwork layer's number format: three decimals at most, trailing zeros dropped. */
function fixed3(v: number): string {
  if (Math.abs(v) < 0.0005) return '0';
  return v.toFixed(3).replace(/\.?0+$/, '');
}
