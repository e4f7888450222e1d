/**
 * Flowing blocks over as many pages as they need, at one fixed size (booklets): a block
 * never splits; a heading stays with the block after it; a block taller than a whole
 * page is reported (it is drawn anyway, overflowing, so nothing silently disappears).
 */
import { layoutColumn, type Block, type Box } from './column.js';
import type { FrameItem } from '../frame/types.js';

export interface PaginateResult {
  pages: FrameItem[][];
  /** Blocks that do not fit on an empty page. */
  tooTall: Block[];
}

export function paginate(blocks: Block[], box: Box, size: number, dir: 'rtl' | 'ltr', keepWithNext: (b: Block) => boolean): PaginateResult {
  const pages: FrameItem[][] = [[]];
  const tooTall: Block[] = [];
  let y = box.y;
  const bottom = box.y + box.h + 0.01;
  const place = (b: Block, atTop: boolean) => layoutColumn([atTop ? { ...b, gap: 0 } : b], { ...box, y, h: 1e6 }, size, dir);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.text === '\f') {
      // A page break: the next section starts on a fresh page.
      if (pages[pages.length - 1]!.length) { pages.push([]); y = box.y; }
      continue;
    }
    const atTop = y === box.y;
    let col = place(b, atTop);
    let need = col.height;
    const next = blocks[i + 1];
    if (keepWithNext(b) && next && next.text !== '\f') need += layoutColumn([next], { ...box, y: y + col.height, h: 1e6 }, size, dir).height;
    if (!atTop && y + need > bottom) {
      pages.push([]);
      y = box.y;
      col = place(b, true);
    }
    if (col.firstSpill >= 0 || y + col.height > bottom) tooTall.push(b);
    pages[pages.length - 1]!.push(...col.items);
    y += col.height;
  }
  if (!pages[pages.length - 1]!.length && pages.length > 1) pages.pop();
  return { pages, tooTall };
}
