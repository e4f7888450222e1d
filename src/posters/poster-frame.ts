/**
 * The frame every wall poster shares: per language the SOP stamp at the top, then a title
 * band, then the body. A bilingual poster puts the languages side
 * by side (the right-to-left one on the right, where its readers start), each half with
 * its own title and stamp, so either half cut off still says what it is.
 */
import { directionOf } from '../i18n/index.js';
import type { Box } from './column.js';
import { fitColumn } from './column.js';
import type { PosterContext } from './context.js';
import { MIN_SIZE } from './fit.js';
import { headerStamp, INK, WHITE } from './page.js';
import { MM, type PaperSize } from './paper.js';
import type { FrameItem, PageFrame, StructNode } from '../frame/types.js';
import { sectionNode, tagBlocks } from './struct.js';
import { polylineItem } from '../frame/shapes.js';
import { reportSpill } from './context.js';
import type { Source } from './column.js';

export const POSTER_MARGIN = 15 * MM;

/** Languages in the order their halves appear from left to right. */
export function halvesLeftToRight(langs: string[]): string[] {
  return [...langs].sort((a, b) => Number(directionOf(a) === 'rtl') - Number(directionOf(b) === 'rtl'));
}

/** A poster's body in `lang`, drawn in `box`; its elements go under `sect` (the half's Sect, after its H1 title). */
export interface PosterBody {
  (lang: string, box: Box, sect: StructNode): Promise<FrameItem[]> | FrameItem[];
}

/** The parts of a poster page around its bodies: per language its header, its body's box and its Sect. */
export interface PosterFrameParts {
  halves: Array<{ lang: string; head: FrameItem[]; box: Box; divider: FrameItem[]; sect: StructNode }>;
}

/**
 * How the languages of a bilingual poster share the sheet: `side` by side (the
 * right-to-left one on the right, where its readers start) or `stack`ed one above the
 * other in the SOP's language order (each gets the full width: what a wide chart needs).
 */
export type Arrangement = 'side' | 'stack';

/**
 * The stamps, titles and body boxes of a poster page. The title is fitted from 2.4×
 * down to 1.2× the poster minimum, the stamp set at the minimum.
 */
export function posterFrame(
  ctx: PosterContext, paper: PaperSize, langs: string[], title: (lang: string) => { text: string; src?: Source }, arrange: Arrangement = 'side',
): PosterFrameParts {
  const m = POSTER_MARGIN;
  const stack = arrange === 'stack' && langs.length > 1;
  const order = stack ? langs : halvesLeftToRight(langs);
  const gutter = order.length > 1 ? 12 * MM : 0;
  const halfW = stack ? paper.width - 2 * m : (paper.width - 2 * m - gutter * (order.length - 1)) / order.length;
  const halfH = stack ? (paper.height - 2 * m - gutter * (order.length - 1)) / order.length : paper.height - 2 * m;
  const min = MIN_SIZE.poster;
  // Stamps and titles first: every half's body starts at the same height within its half.
  const tops = order.map((lang, i) => {
    const x = stack ? m : m + i * (halfW + gutter);
    const y = stack ? m + i * (halfH + gutter) : m;
    const inner: Box = { x, y, w: halfW, h: halfH };
    const stamp = headerStamp(ctx.model.manifest, lang, inner, min);
    const t = title(lang);
    const titleBox: Box = { x, y: y + stamp.height, w: halfW, h: Math.min(6 * min * 1.5, inner.h * 0.12) };
    // Each half is a Sect of its own language, its title the H1.
    const sect = sectionNode(lang);
    const head = fitColumn(tagBlocks([{ text: t.text, lang, bold: true, band: INK, color: WHITE, src: t.src, role: 'H1' }], sect), titleBox, min * 2.4, min * 1.2, directionOf(lang));
    if (!head.fits) reportSpill(ctx, t.src, `the ${paper.id} poster title (${lang})`, min * 1.2, 'Shorten the title in the data file.');
    return { lang, inner, sect, items: [...stamp.items, ...head.items], used: stamp.height + head.height };
  });
  const used = Math.max(...tops.map((t) => t.used)) + min;
  return {
    halves: tops.map(({ lang, inner, items, sect }, i) => {
      const divider: FrameItem[] = [];
      if (i > 0 && stack) {
        const gy = inner.y - gutter / 2;
        divider.push(polylineItem([{ x: m, y: gy }, { x: paper.width - m, y: gy }], { stroke: INK, lineWidth: 1, dash: [6, 4] }));
      } else if (i > 0) {
        const gx = inner.x - gutter / 2;
        divider.push(polylineItem([{ x: gx, y: m }, { x: gx, y: paper.height - m }], { stroke: INK, lineWidth: 1, dash: [6, 4] }));
      }
      return { lang, head: items, box: { x: inner.x, y: inner.y + used, w: inner.w, h: inner.h - used }, divider, sect };
    }),
  };
}

/**
 * A poster page in one or two languages. `title(lang)` is the poster's title; `body`
 * draws into the box it gets.
 */
export async function posterPage(
  ctx: PosterContext, paper: PaperSize, langs: string[], title: (lang: string) => { text: string; src?: Source },
  body: PosterBody, arrange: Arrangement = 'side',
): Promise<PageFrame> {
  const items: FrameItem[] = [];
  for (const h of posterFrame(ctx, paper, langs, title, arrange).halves) {
    items.push(...h.head, ...(await body(h.lang, h.box, h.sect)), ...h.divider);
  }
  return { width: paper.width, height: paper.height, items };
}
