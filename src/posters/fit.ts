/**
 * Choosing a font size that fits a box, on the PDF engine's own text layout (`text/`):
 * the same shaping, bidi and line breaking that draws the text measures it, so what
 * fits here fits on paper.
 */
import { breakParagraph, measureParagraph, prepareParagraph, type Align, type Line, type PreparedParagraph, type Rgb } from '../text/index.js';

/** Legible minimums (points): pocket cards are read at arm's length, posters across a room. */
export const MIN_SIZE = { card: 8, poster: 14 } as const;
/**
 * Flowchart text on wall posters, read from about two metres: at least 14 pt on the small
 * poster size (A3, Tabloid) and 18 pt on the large one (A2, ANSI C), whose readers stand
 * as far away; a chart that cannot hold it on one sheet continues on the next.
 */
export const MIN_FLOWCHART = { small: 14, large: 18 } as const;

export interface SetOptions {
  width: number;
  size: number;
  bold?: boolean;
  color?: Rgb;
  align?: Align;
  lineHeight?: number;
  dir?: 'rtl' | 'ltr';
}

export interface SetText {
  lines: Line[];
  height: number;
  width: number;
  size: number;
  /** True when a word is wider than the box and had to be cut inside the word. */
  overflow: boolean;
  missing: string[];
}

// Fitting tries the same text at many sizes and widths: shape each (text, size, style)
// once per process. Bounded so a long-running watch process cannot grow without limit.
const prepared = new Map<string, { p: PreparedParagraph; min: number }>();
const CACHE_LIMIT = 20_000;

function prepare(text: string, lang: string, o: SetOptions): { p: PreparedParagraph; min: number } {
  const key = [text, lang, o.size, o.bold ? 1 : 0, (o.color ?? [0, 0, 0]).join(','), o.dir ?? '', o.lineHeight ?? 1.35].join('\u0000');
  let hit = prepared.get(key);
  if (!hit) {
    const p = prepareParagraph(text, lang, { size: o.size, bold: o.bold, color: o.color }, { dir: o.dir, lineHeight: o.lineHeight ?? 1.35 });
    hit = { p, min: measureParagraph(p).min };
    if (prepared.size >= CACHE_LIMIT) prepared.clear();
    prepared.set(key, hit);
  }
  return hit;
}

/** Sets `text` at one size in a box `width` wide. */
export function setText(text: string, lang: string, o: SetOptions): SetText {
  const { p, min } = prepare(text, lang, o);
  const lines = breakParagraph(p, o.width, o.align ?? 'start');
  return {
    lines,
    height: lines.reduce((h, l) => h + l.height, 0),
    width: o.width,
    size: o.size,
    overflow: min > o.width + 0.01,
    missing: p.missing,
  };
}

/**
 * The largest size in [min, max] (quarter-point steps) for which `fits(size)` holds,
 * assuming bigger text never fits better; `undefined` when even `min` does not fit.
 */
export function largestFitting(max: number, min: number, fits: (size: number) => boolean): number | undefined {
  const q = (v: number) => Math.round(v * 4);
  let lo = q(min);
  let hi = q(max);
  if (!fits(lo / 4)) return undefined;
  if (fits(hi / 4)) return hi / 4;
  // Invariant: lo fits, hi does not.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid / 4)) lo = mid;
    else hi = mid;
  }
  return lo / 4;
}

/**
 * A layout at the largest size in [min, max] at which `lay` reports no spill, or at `min`
 * (spilling) when none: what the table-like posters draw; `fits` says which.
 */
export function fitLayout<T extends { spill?: unknown }>(max: number, min: number, lay: (size: number) => T): T & { fits: boolean } {
  const size = largestFitting(max, min, (s) => !lay(s).spill);
  return { ...lay(size ?? min), fits: size !== undefined };
}

export interface FitBoxOptions extends Omit<SetOptions, 'size'> {
  height: number;
  max: number;
  min: number;
}

export interface FitResult extends SetText {
  fits: boolean;
}

/** Sets one paragraph in a `width` × `height` box at the largest size that fits (never below `min`). */
export function fitText(text: string, lang: string, o: FitBoxOptions): FitResult {
  const ok = (size: number) => {
    const t = setText(text, lang, { ...o, size });
    return !t.overflow && t.height <= o.height + 0.01;
  };
  const size = largestFitting(o.max, o.min, ok);
  const t = setText(text, lang, { ...o, size: size ?? o.min });
  return { ...t, fits: size !== undefined };
}
