/** Small operations on frame items that every layout needs: setting lines, moving items. */
import type { Line } from '../text/index.js';
import type { FrameItem, TextItem } from './types.js';

/** Turns laid-out lines into text items at (x, top) of a box. */
export function linesToItems(lines: Line[], x: number, top: number): TextItem[] {
  const out: TextItem[] = [];
  let y = top;
  for (const l of lines) {
    if (l.runs.length) out.push({ kind: 'text', x, y: y + l.baseline, runs: l.runs });
    y += l.height;
  }
  return out;
}

/**
 * Moves every item of a list by (dx, dy): a slice into its page, a card onto its sheet.
 * Paths and groups move their origin (their points are relative to it).
 */
export function shiftItems(items: FrameItem[], dx: number, dy: number): FrameItem[] {
  return items.map((it) => {
    switch (it.kind) {
      case 'rule':
        return { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y1: it.y1 + dy, y2: it.y2 + dy };
      case 'anchor':
        return { ...it, y: it.y + dy };
      default:
        return { ...it, x: it.x + dx, y: it.y + dy };
    }
  });
}
