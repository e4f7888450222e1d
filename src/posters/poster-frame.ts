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
import type { FrameItem, PageFrame } from '../frame/types.js';
import { polylineItem } from '../frame/shapes.js';
import { reportSpill } from './context.js';
import type { Source } from './column.js';

export const POSTER_MARGIN = 15 * MM;

/** Languages in the order their halves appear from left to right. */
export function halvesLeftToRight(langs: string[]): string[] {
  return [...langs].sort((a, b) => Number(directionOf(a) === 'rtl') - Number(directionOf(b) === 'rtl'));
}

export interface PosterBody {
  (lang: string, box: Box): Promise<FrameItem[]> | FrameItem[];
}

/**
 * A poster page in one or two languages. `title(lang)` is the poster's title; `body`
 * draws into the box it gets. The title is fitted from 2.4× down to 1.2× the poster
 * minimum, the stamp set at the minimum.
 */
export async function posterPage(
  ctx: PosterContext, paper: PaperSize, langs: string[], title: (lang: string) => { text: string; src?: Source },
  body: PosterBody,
): Promise<PageFrame> {
  const m = POSTER_MARGIN;
  const order = halvesLeftToRight(langs);
  const gutter = order.length > 1 ? 12 * MM : 0;
  const halfW = (paper.width - 2 * m - gutter * (order.length - 1)) / order.length;
  const items: FrameItem[] = [];
  const min = MIN_SIZE.poster;
  // Stamps and titles first: both halves' bodies start at the same height.
  const tops = order.map((lang, i) => {
    const x = m + i * (halfW + gutter);
    const inner: Box = { x, y: m, w: halfW, h: paper.height - 2 * m };
    const stamp = headerStamp(ctx.model.manifest, lang, inner, min);
    const t = title(lang);
    const titleBox: Box = { x, y: m + stamp.height, w: halfW, h: Math.min(6 * min * 1.5, inner.h * 0.12) };
    const head = fitColumn([{ text: t.text, lang, bold: true, band: INK, color: WHITE, src: t.src }], titleBox, min * 2.4, min * 1.2, directionOf(lang));
    if (!head.fits) reportSpill(ctx, t.src, `the ${paper.id} poster title (${lang})`, min * 1.2, 'Shorten the title in the data file.');
    return { lang, x, inner, items: [...stamp.items, ...head.items], used: stamp.height + head.height };
  });
  const used = Math.max(...tops.map((t) => t.used)) + min;
  for (let i = 0; i < tops.length; i++) {
    const { lang, x, inner } = tops[i]!;
    items.push(...tops[i]!.items);
    const bodyBox: Box = { x, y: m + used, w: halfW, h: inner.h - used };
    items.push(...(await body(lang, bodyBox)));
    if (i > 0) {
      const gx = x - gutter / 2;
      items.push(polylineItem([{ x: gx, y: m }, { x: gx, y: paper.height - m }], { stroke: INK, lineWidth: 1, dash: [6, 4] }));
    }
  }
  return { width: paper.width, height: paper.height, items };
}
