/**
 * Path shapes every drawing uses: polylines, polygons, rounded, hexagonal and chamfered
 * boxes, arrowheads. Segments are in the item's coordinates (y downwards); the items
 * built here sit at origin (0, 0), so their points are where they are drawn until moved.
 */
import type { Rgb } from '../text/index.js';
import type { PathItem, PathSegment, Point } from './types.js';

/** Bézier handle length for a quarter circle, as a fraction of its radius. */
const K = 0.5523;

/** Straight segments through `points`; closed back to the first one when `closed`. */
export function through(points: Point[], closed = false): PathSegment[] {
  const out = points.map((p, i): PathSegment => ({ op: i ? 'line' : 'move', x: p.x, y: p.y }));
  if (closed) out.push({ op: 'close' });
  return out;
}

/** A closed polygon through `points`. */
export function polygon(points: Point[]): PathSegment[] {
  return through(points, true);
}

/** A box with quarter-circle corners of radius `r` (capped at half the shorter side: a pill). */
export function roundedRect(x: number, y: number, w: number, h: number, r: number): PathSegment[] {
  r = Math.min(r, w / 2, h / 2);
  const c = r * (1 - K);
  return [
    { op: 'move', x: x + r, y },
    { op: 'line', x: x + w - r, y },
    { op: 'curve', x1: x + w - c, y1: y, x2: x + w, y2: y + c, x: x + w, y: y + r },
    { op: 'line', x: x + w, y: y + h - r },
    { op: 'curve', x1: x + w, y1: y + h - c, x2: x + w - c, y2: y + h, x: x + w - r, y: y + h },
    { op: 'line', x: x + r, y: y + h },
    { op: 'curve', x1: x + c, y1: y + h, x2: x, y2: y + h - c, x, y: y + h - r },
    { op: 'line', x, y: y + r },
    { op: 'curve', x1: x, y1: y + c, x2: x + c, y2: y, x: x + r, y },
    { op: 'close' },
  ];
}

/** The corners of a box whose left and right sides come to a point `d` beyond the flat top (a decision). */
export function hexagonPoints(x: number, y: number, w: number, h: number, d: number): Point[] {
  return [{ x: x + d, y }, { x: x + w - d, y }, { x: x + w, y: y + h / 2 }, { x: x + w - d, y: y + h }, { x: x + d, y: y + h }, { x, y: y + h / 2 }];
}

/** The corners of a box with its four corners cut off by `c` (an octagon). */
export function chamferedPoints(x: number, y: number, w: number, h: number, c: number): Point[] {
  return [{ x: x + c, y }, { x: x + w - c, y }, { x: x + w, y: y + c }, { x: x + w, y: y + h - c }, { x: x + w - c, y: y + h }, { x: x + c, y: y + h }, { x, y: y + h - c }, { x, y: y + c }];
}

/** The corners of a plain box, clockwise from the top-left. */
export function boxPoints(x: number, y: number, w: number, h: number): Point[] {
  return [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
}

/**
 * An arrowhead `len` long on the segment from `from` to `tip`: the tip, then the two base
 * corners, `0.45 · len` either side of the line.
 */
export function arrowHead(from: Point, tip: Point, len: number): [Point, Point, Point] {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const l = Math.hypot(dx, dy) || 1;
  const ux = dx / l;
  const uy = dy / l;
  const w = len * 0.45;
  return [tip, { x: tip.x - ux * len - uy * w, y: tip.y - uy * len + ux * w }, { x: tip.x - ux * len + uy * w, y: tip.y - uy * len - ux * w }];
}

export interface PathStyle {
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  dash?: number[];
}

/** An open path item through `points` (a line, a polyline). */
export function polylineItem(points: Point[], style: PathStyle): PathItem {
  return { kind: 'path', x: 0, y: 0, segments: through(points), ...style };
}

/** A closed path item through `points` (an arrowhead, a node outline). */
export function polygonItem(points: Point[], style: PathStyle): PathItem {
  return { kind: 'path', x: 0, y: 0, segments: polygon(points), ...style };
}
