import type { FrameItem } from '../frame/types.js';

/**
 * The unit of pagination: a horizontal strip of the text column (a line, a table row,
 * an image). Item coordinates are relative to the column's left edge and the slice top.
 */
export interface Slice {
  height: number;
  items: FrameItem[];
  /** Vertical space before the slice, dropped at the top of a page. */
  spaceBefore?: number;
  /** Do not end a page after this slice (headings, first line of a paragraph). */
  keepWithNext?: boolean;
  /** Start a new page before this slice (`::pagebreak`, components). */
  pageBreakBefore?: boolean;
  /** Slices to repeat at the top of a new page when this slice opens it (table headers). */
  repeatHeader?: Slice[];
  /**
   * Footnote lines first referenced in this slice: set at the foot of the page the
   * slice lands on (they may continue on the next page's foot when too tall).
   */
  footnotes?: Slice[];
}
