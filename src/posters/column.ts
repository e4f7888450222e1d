/**
 * A column of text blocks (headings, paragraphs, list items) set at one base size, and
 * the search for the largest base size at which the whole column fits its box. When even
 * the minimum size does not fit, the first block that spills out is the one reported,
 * with the data item it came from. Booklets flow the same blocks over pages (`flowColumn`,
 * on the shared `flow`).
 */
import type { Align, Rgb } from '../text/index.js';
import { largestFitting, setText } from './fit.js';
import type { FrameItem, ItemTag, LinesItem, StructRole } from '../frame/types.js';
import type { Line } from '../text/index.js';
import { isArtifact } from '../frame/struct.js';
import { LineTagger } from '../layout/tags.js';
import { directionOf } from '../i18n/index.js';
import { flow } from '../frame/flow.js';

/** Where a block's text comes from: a data file and a JSON pointer into it. */
export interface Source {
  /** Data file name as in `model.data` (`urgent-action`). */
  data: string;
  pointer: string;
}

export interface Block {
  text: string;
  lang: string;
  /** Size relative to the column's base size. */
  scale?: number;
  bold?: boolean;
  color?: Rgb;
  align?: Align;
  /** Bullet or number set in the margin on the start side. */
  marker?: string;
  /** Width of the marker column in base-size ems (default 1.5). */
  markerWidth?: number;
  /** The marker reads left to right (a phone number beside Arabic text). */
  markerLtr?: boolean;
  /** Size of the marker relative to the block's own size (default 1). */
  markerScale?: number;
  /** Space before, in base-size ems. */
  gap?: number;
  /** A filled band behind the text (headings): dark fill, light text survives photocopying. */
  band?: Rgb;
  src?: Source;
  /** Direction override (phone numbers stay left-to-right inside Arabic). */
  dir?: 'rtl' | 'ltr';
  /** What the block is in the structure when `tagBlocks` cannot tell from its look (a bold line that is a heading). */
  role?: StructRole;
  /** The element the block's text is the content of (set by `tagBlocks`); none: untagged. */
  tag?: ItemTag;
  /** The element of its marker (a list item's Lbl). */
  markerTag?: ItemTag;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ColumnLayout {
  items: FrameItem[];
  height: number;
  size: number;
  /** Index of the first block that ends below the box or has a word wider than it. */
  firstSpill: number;
}

const MARKER_EM = 1.5;
const BAND_PAD = 0.3;

/**
 * The Spans of a tagged block's lines: stretches in the other script than its language's
 * (a Latin acronym or an agency's English name in Arabic), with their own /Lang, found by
 * the SOP's `LineTagger`.
 */
function lineTags(tag: ItemTag, lines: Line[], lang: string): { lineTags?: LinesItem['lineTags'] } {
  if (isArtifact(tag)) return {};
  const tagger = new LineTagger(tag, { dir: directionOf(lang) });
  const out = lines.map((l) => tagger.line(l));
  return out.some(Boolean) ? { lineTags: out } : {};
}

/** Lays `blocks` out from the top of `box` at base size `size`. */
export function layoutColumn(blocks: Block[], box: Box, size: number, dir: 'rtl' | 'ltr'): ColumnLayout {
  const items: FrameItem[] = [];
  let y = box.y;
  let firstSpill = -1;
  blocks.forEach((b, i) => {
    const s = size * (b.scale ?? 1);
    y += (b.gap ?? 0) * size;
    const indent = b.marker ? (b.markerWidth ?? MARKER_EM) * s : 0;
    const pad = b.band ? BAND_PAD * s : 0;
    const width = box.w - indent - 2 * pad;
    const t = setText(b.text, b.lang, { width, size: s, bold: b.bold, color: b.color, align: b.align, dir: b.dir ?? dir });
    const top = y;
    const textX = dir === 'rtl' ? box.x + pad : box.x + indent + pad;
    if (b.band) items.push({ kind: 'rect', x: box.x, y: top, w: box.w, h: t.height + 2 * pad, fill: b.band });
    const text: FrameItem = { kind: 'lines', x: textX, y: top + pad, width, lines: t.lines, ...(b.tag ? { tag: b.tag, ...lineTags(b.tag, t.lines, b.lang) } : {}) };
    if (b.marker) {
      const ms = s * (b.markerScale ?? 1);
      const mw = indent - 0.3 * s;
      const m = setText(b.marker, b.markerLtr ? 'en' : b.lang, { width: mw, size: ms, bold: true, color: b.color, align: dir === 'rtl' ? 'right' : 'left', dir: b.markerLtr ? 'ltr' : dir });
      const mx = dir === 'rtl' ? box.x + box.w - mw : box.x;
      // The marker is drawn before its text: a list item's label is read first.
      const tag = b.markerTag ?? b.tag;
      items.push({ kind: 'lines', x: mx, y: top + pad, width: mw, lines: m.lines, ...(tag ? { tag } : {}) });
      if (m.overflow || m.height > t.height + 0.01) {
        // A marker taller than its text (a long phone number) pushes the next block down.
        t.height = Math.max(t.height, m.height);
        if (m.overflow && firstSpill < 0) firstSpill = i;
      }
    }
    items.push(text);
    y = top + t.height + 2 * pad;
    if (firstSpill < 0 && (t.overflow || y > box.y + box.h + 0.01)) firstSpill = i;
  });
  return { items, height: y - box.y, size, firstSpill };
}

export interface ColumnFit extends ColumnLayout {
  fits: boolean;
}

/** The column at the largest base size in [min, max] that fits `box`; at `min` (spilling) otherwise. */
export function fitColumn(blocks: Block[], box: Box, max: number, min: number, dir: 'rtl' | 'ltr'): ColumnFit {
  const size = largestFitting(max, min, (s) => layoutColumn(blocks, box, s, dir).firstSpill < 0);
  const layout = layoutColumn(blocks, box, size ?? min, dir);
  return { ...layout, fits: size !== undefined };
}

export interface FlowColumnResult {
  pages: FrameItem[][];
  /** Blocks that do not fit on an empty page (taller than the box, or a word wider than it). */
  tooTall: Block[];
}

/**
 * Flows blocks over as many pages as they need, at one fixed size (booklets): a block
 * never splits; a block for which `keepWithNext` holds stays with the block after it
 * (headings); a block whose text is a form feed ("\f") starts the next block on a
 * fresh page; a block's gap is dropped at the top of a page. A block taller than a whole
 * page is reported (and drawn anyway, overflowing, so nothing silently disappears).
 */
export function flowColumn(blocks: Block[], box: Box, size: number, dir: 'rtl' | 'ltr', keepWithNext: (b: Block) => boolean): FlowColumnResult {
  const set: Array<{ block: Block; height: number; spaceBefore: number; pageBreakBefore: boolean; spills: boolean }> = [];
  let pageBreak = false;
  for (const b of blocks) {
    if (b.text === '\f') {
      pageBreak = true;
      continue;
    }
    const col = layoutColumn([{ ...b, gap: 0 }], { ...box, y: 0, h: 1e6 }, size, dir);
    set.push({ block: b, height: col.height, spaceBefore: (b.gap ?? 0) * size, pageBreakBefore: pageBreak, spills: col.firstSpill >= 0 });
    pageBreak = false;
  }
  const placed = flow(set, { top: box.y, bottom: box.y + box.h }, (s) => keepWithNext(s.block), { slack: 0.01 });
  const pages = placed.regions.map((r) => r.body.flatMap(({ block, y }) => layoutColumn([{ ...block.block, gap: 0 }], { ...box, y, h: 1e6 }, size, dir).items));
  const tall = new Set(placed.tooTall);
  return { pages: pages.length ? pages : [[]], tooTall: set.filter((s) => s.spills || tall.has(s)).map((s) => s.block) };
}
