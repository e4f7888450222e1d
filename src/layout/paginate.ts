/**
 * Pagination of the SOP pages: slices (lines, table rows, images) on the shared flow
 * (`frame/flow`), which keeps chains of `keepWithNext` slices together (a heading with
 * its first lines, a paragraph's first and last two lines: no single widow or orphan
 * line), repeats table headers, honours page breaks and sets footnotes at the foot of
 * the page their reference lands on. Here the placed slices become page items.
 */
import type { FrameItem } from '../frame/types.js';
import { flow } from '../frame/flow.js';
import { shiftItems } from '../frame/items.js';
import type { Slice } from './slice.js';
import { asArtifacts, PAGINATION_ARTIFACT } from '../frame/struct.js';

export interface PlacedPage {
  items: FrameItem[];
  /** Used height of the column. */
  used: number;
  /** Offset already applied to the items (the column's top-left corner on the page). */
  dx: number;
  dy: number;
}

export interface PaginateOptions {
  /** Drawn above a page's footnotes (the short rule on the start side); its height counts. */
  noteSeparator?: Slice;
}

/**
 * Places slices on pages of a column `columnHeight` tall; items come out shifted by
 * (dx, dy) plus their slice's offset. No slices, no pages.
 */
export function paginate(slices: Slice[], columnHeight: number, dx = 0, dy = 0, opts: PaginateOptions = {}): PlacedPage[] {
  const sep: Slice = opts.noteSeparator ?? { height: 12, items: [] };
  const placed = flow(slices, { top: 0, bottom: columnHeight }, undefined, { slack: 0.01, noteSeparator: sep.height });
  // A block placed again is a table header repeated on a later page: an artifact there.
  const seen = new Set<Slice>();
  return placed.regions.map((r) => {
    const items: FrameItem[] = [];
    for (const { block, y } of r.body) {
      const repeat = seen.has(block);
      seen.add(block);
      for (const it of shiftItems(repeat ? asArtifacts(block.items, PAGINATION_ARTIFACT) : block.items, dx, dy + y)) items.push(it);
    }
    if (r.separatorY !== undefined) for (const it of shiftItems(sep.items, dx, dy + r.separatorY)) items.push(it);
    for (const { block, y } of r.notes) for (const it of shiftItems(block.items, dx, dy + y)) items.push(it);
    return { items, used: r.used, dx, dy };
  });
}
