/**
 * Imposed sheets drawn from the pure imposition geometry: pages translated into their
 * slots, printer's marks as hairlines on the cut and fold lines.
 */
import type { ImposedSheet, Mark } from './impose.js';
import type { PaperSize } from './paper.js';
import type { FrameItem, PageFrame } from '../frame/types.js';
import { shiftItems } from '../frame/items.js';
import { asArtifacts, LAYOUT_ARTIFACT } from '../frame/struct.js';

/** Hairline weight of crop and fold marks (0.25 pt: thin, yet survives a photocopier). */
export const MARK_WIDTH = 0.25;
/** Printer's marks are black on every separation. */
const MARK_INK: [number, number, number] = [0, 0, 0];

export function markItems(marks: Mark[]): FrameItem[] {
  return marks.map((m) => ({
    kind: 'rule', role: m.role, x1: m.from.x, y1: m.from.y, x2: m.to.x, y2: m.to.y, width: MARK_WIDTH, color: MARK_INK,
    ...(m.role === 'fold' ? { dash: [3, 2] } : {}),
  }));
}

/**
 * Draws one imposed sheet (front and back pages). A placement of page i shows
 * `frontPages[i]` on the front and `backPages[i]` on the back; each is laid out at its own
 * size; a page smaller than its slot is centred in it. Blank slots (-1) stay empty.
 */
export function drawSheet(
  sheet: PaperSize, imposed: ImposedSheet, frontPages: PageFrame[], backPages: PageFrame[] = frontPages,
  extra: { front?: FrameItem[]; back?: FrameItem[] } = {},
): [PageFrame, PageFrame] {
  const side = (s: ImposedSheet['front'], pages: PageFrame[], more: FrameItem[] = []): PageFrame => {
    const items: FrameItem[] = [];
    // A page placed more than once (four copies of a card) is read once: its other copies are artifacts.
    const placed = new Set<PageFrame>();
    for (const p of s.placements) {
      const page = pages[p.page];
      if (!page) continue;
      const dx = p.x + (p.w - page.width) / 2;
      const dy = p.y + (p.h - page.height) / 2;
      const moved = shiftItems(page.items, dx, dy);
      items.push(...(placed.has(page) ? asArtifacts(moved, LAYOUT_ARTIFACT) : moved));
      placed.add(page);
    }
    items.push(...markItems(s.marks), ...more);
    return { width: sheet.width, height: sheet.height, items };
  };
  return [side(imposed.front, frontPages, extra.front), side(imposed.back, backPages, extra.back)];
}
