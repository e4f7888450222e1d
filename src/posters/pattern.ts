/**
 * Risk levels must read on a black-and-white photocopy, so colour is never alone: each
 * level also gets a hatch pattern (cross-hatch, diagonal, sparse, none by rank) and its
 * name in words.
 */
import type { Rgb } from '../text/index.js';
import type { Box } from './column.js';
import type { FrameItem } from '../frame/types.js';
import { polylineItem } from '../frame/shapes.js';

export function hexToRgb(hex: string | undefined, fallback: Rgb): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return fallback;
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

/** Lines x + y = c (slope down-left) or x − y = c across `box`, `gap` apart, clipped to the box. */
export function hatchLines(box: Box, gap: number, anti: boolean): Array<[{ x: number; y: number }, { x: number; y: number }]> {
  const out: Array<[{ x: number; y: number }, { x: number; y: number }]> = [];
  const { w, h } = box;
  if (!anti) {
    for (let c = gap / 2; c < w + h; c += gap) {
      const x1 = Math.max(0, c - h);
      const x2 = Math.min(w, c);
      if (x2 - x1 < 0.01) continue;
      out.push([{ x: box.x + x1, y: box.y + c - x1 }, { x: box.x + x2, y: box.y + c - x2 }]);
    }
  } else {
    for (let c = -h + gap / 2; c < w; c += gap) {
      const x1 = Math.max(0, c);
      const x2 = Math.min(w, c + h);
      if (x2 - x1 < 0.01) continue;
      out.push([{ x: box.x + x1, y: box.y + x1 - c }, { x: box.x + x2, y: box.y + x2 - c }]);
    }
  }
  return out;
}

/** A swatch for the level of rank `rank` (0 = most severe): colour fill, rank pattern, black outline. */
export function levelSwatch(box: Box, rank: number, colour: Rgb, unit: number): FrameItem[] {
  const items: FrameItem[] = [{ kind: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, fill: colour }];
  const gap = unit * 0.9;
  const lw = unit * 0.16;
  const line = (a: { x: number; y: number }, b: { x: number; y: number }, stroke: Rgb): FrameItem => polylineItem([a, b], { stroke, lineWidth: lw });
  // Patterns in black on a light colour and in white on a dark one, so they always show.
  const lum = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2];
  const ink: Rgb = lum < 0.5 ? [1, 1, 1] : [0, 0, 0];
  if (rank === 0) {
    for (const [a, b] of hatchLines(box, gap, false)) items.push(line(a, b, ink));
    for (const [a, b] of hatchLines(box, gap, true)) items.push(line(a, b, ink));
  } else if (rank === 1) {
    for (const [a, b] of hatchLines(box, gap, false)) items.push(line(a, b, ink));
  } else if (rank === 2) {
    for (let y = box.y + gap; y < box.y + box.h; y += gap * 2) items.push(line({ x: box.x, y }, { x: box.x + box.w, y }, ink));
  }
  items.push({ kind: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, stroke: [0, 0, 0], lineWidth: unit * 0.12 });
  return items;
}
