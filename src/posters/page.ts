/**
 * A fitted page: the stamp in a header at a fixed legible size, the body column fitted
 * into the rest. Used by cards, booklet pages and the text posters.
 */
import { directionOf } from '../i18n/index.js';
import type { Manifest } from '../model/types.js';
import { fitColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { setText } from './fit.js';
import type { FrameItem, PageFrame } from '../frame/types.js';
import { stampText } from './stamp.js';
import { polylineItem } from '../frame/shapes.js';
import { HEADER_ARTIFACT } from '../frame/struct.js';
import { sectionNode, tagBlocks, type TagOptions } from './struct.js';

export const INK: [number, number, number] = [0, 0, 0];
export const WHITE: [number, number, number] = [1, 1, 1];

/**
 * Stamp lines at `size` across the top of `box` (R3: the header every page carries, where
 * `sopkit verify` looks for it), with a hairline below; returns the height used.
 */
export function headerStamp(manifest: Manifest, lang: string, box: Box, size: number, pageNumber?: string): { items: FrameItem[]; height: number } {
  const dir = directionOf(lang);
  const text = pageNumber ? `${stampText(manifest, lang)} — ${pageNumber}` : stampText(manifest, lang);
  const t = setText(text, lang, { width: box.w, size, dir, align: 'center' });
  const gap = size * 0.6;
  const y = box.y;
  return {
    height: t.height + gap,
    items: [
      // A reader skips it as a running header: every page repeats it.
      { kind: 'lines', x: box.x, y, width: box.w, lines: t.lines, tag: HEADER_ARTIFACT },
      polylineItem([{ x: box.x, y: y + t.height + gap / 2 }, { x: box.x + box.w, y: y + t.height + gap / 2 }], { stroke: INK, lineWidth: 0.5 }),
    ],
  };
}

export interface FittedPageOptions {
  width: number;
  height: number;
  margin: number;
  lang: string;
  blocks: Block[];
  max: number;
  min: number;
  /** Human name of the page for diagnostics: "the A6 urgent-action card (back)". */
  where: string;
  hint: string;
  /** How the blocks' headings are tagged (the page is one Sect). */
  tags?: TagOptions;
}

/** A page whose body column is fitted between the margins and the stamp footer. */
export function fittedPage(ctx: PosterContext, o: FittedPageOptions): PageFrame & { size: number; fits: boolean } {
  const inner: Box = { x: o.margin, y: o.margin, w: o.width - 2 * o.margin, h: o.height - 2 * o.margin };
  const foot = headerStamp(ctx.model.manifest, o.lang, inner, o.min);
  const body: Box = { ...inner, y: inner.y + foot.height, h: inner.h - foot.height };
  const blocks = tagBlocks(o.blocks, sectionNode(o.lang), o.tags);
  const col = fitColumn(blocks, body, o.max, o.min, directionOf(o.lang));
  if (!col.fits) reportSpill(ctx, o.blocks[col.firstSpill]?.src, o.where, o.min, o.hint);
  return { width: o.width, height: o.height, items: [...col.items, ...foot.items], size: col.size, fits: col.fits };
}
