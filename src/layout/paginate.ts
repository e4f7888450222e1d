/**
 * Flow: places slices on pages. Keeps chains of `keepWithNext` slices together (a
 * heading with its first lines, a paragraph's first and last two lines: no single
 * widow or orphan line), repeats table headers, honours page breaks.
 */
import type { FrameItem } from './frame.js';
import { shiftItems, type Slice } from './slice.js';

export interface PlacedPage {
  items: FrameItem[];
  /** Used height of the column. */
  used: number;
  /** Offset already applied to the items (the column's top-left corner on the page). */
  dx: number;
  dy: number;
}

/** Places slices on pages; items come out shifted by (dx, dy) plus their slice's offset. */
export function paginate(slices: Slice[], columnHeight: number, dx = 0, dy = 0): PlacedPage[] {
  const pages: Slice[][] = [];
  let cur: Slice[] = [];
  let y = 0;
  const heights: number[] = [];
  const place = (s: Slice) => {
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    cur.push(s);
    heights.push(space);
    y += space + s.height;
  };
  const newPage = () => {
    pages.push(cur);
    cur = [];
    heights.length = 0;
    y = 0;
  };
  const startWith = (list: Slice[]) => {
    const first = list[0];
    if (first?.repeatHeader && !first.repeatHeader.includes(first)) for (const h of first.repeatHeader) place(h);
    for (const s of list) place(s);
  };
  for (const s of slices) {
    if (s.pageBreakBefore && cur.length) newPage();
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    if (cur.length && y + space + s.height > columnHeight + 0.01) {
      // Walk back over the keep-with-next chain ending at the page's last slice.
      let j = cur.length;
      while (j > 0 && cur[j - 1]!.keepWithNext) j--;
      let moved: Slice[] = [];
      if (j > 0 && j < cur.length) {
        moved = cur.slice(j);
        cur = cur.slice(0, j);
      }
      // A repeated header left alone at the bottom goes too.
      while (cur.length && cur[cur.length - 1]!.keepWithNext && moved.length === 0) break;
      newPage();
      startWith([...moved, s]);
      continue;
    }
    if (!cur.length) startWith([s]);
    else place(s);
  }
  if (cur.length) pages.push(cur);
  return pages.map((list) => {
    const items: FrameItem[] = [];
    let yy = 0;
    list.forEach((s, i) => {
      if (i > 0) yy += s.spaceBefore ?? 0;
      for (const it of shiftItems(s.items, dx, dy + yy)) items.push(it);
      yy += s.height;
    });
    return { items, used: yy, dx, dy };
  });
}
