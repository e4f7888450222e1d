/**
 * The inline engine (Typst's order): collect spans → bidi levels → pick a face per
 * character → itemize → shape each item once → break lines on UAX #14 opportunities with
 * the shaped widths → per line, slice (or reshape where a cut is unsafe), reorder runs
 * (UAX #9 L2), align and justify.
 */
import { embeddingLevels, reorderByLevel } from './bidi.js';
import { chooseFaces } from './font-choice.js';
import { getFonts, type FontFace, type FontSet } from './fonts.js';
import { breakOpportunities } from './linebreak.js';
import { isArabicChar, isIgnorable, isMarkOrJoiner } from './script.js';
import { GLYPH_STRIDE as G, shapePacked } from './shape.js';
import type { Align, GlyphRun, Line, Rgb, ShapedGlyph, Span, TextStyle } from './types.js';
import { directionOf } from '../i18n/direction.js';

export interface ParagraphOptions {
  /** Paragraph direction; default from the language. */
  dir?: 'rtl' | 'ltr';
  align?: Align;
  /** Line box height as a multiple of the largest font size. */
  lineHeight?: number;
  /** Allow breaks anywhere (inside words), for narrow table cells. */
  breakAnywhere?: boolean;
  /**
   * Set everything the language's face covers in that face (running headers): one font
   * per line keeps extractors from splitting "v٢٫١" off the Arabic around it.
   */
  singleFace?: boolean;
}

interface Item {
  start: number;
  end: number;
  level: number;
  face: FontFace;
  style: TextStyle;
  /** HarfBuzz's glyphs of the item, packed (see PackedGlyphs): read in place, never copied. */
  data: Int32Array;
  base: number;
}

/** A paragraph shaped once, ready to be broken at any width. */
export interface PreparedParagraph {
  text: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  items: Item[];
  /** Advance in points credited to each UTF-16 index (cluster starts carry the cluster). */
  adv: Float64Array;
  breaks: { position: number; required: boolean }[];
  maxSize: number;
  lineHeight: number;
  /** Characters no face covers (each once). */
  missing: string[];
  /** Set when a line had to be cut inside a word (no break opportunity fitted). */
  forced?: boolean;
}

const BLACK: Rgb = [0, 0, 0];
const NO_GLYPHS = new Int32Array(0);
const LTR_TOKENS = /\+\d[\d ()-]{4,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[^\s\u0600-\u06ff]+[^\s.,;:!?)\u0600-\u06ff]/g;
/** Arabic letters and marks, white space and punctuation only: no L, EN, AN or controls. */
const PLAIN_RTL = /^[\u0600-\u065f\u066a\u066d-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc \n!-\/:-@[-`{-~\u00a0-\u00bf\u2010-\u2027\u2030-\u205e]*$/;
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067]/;

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  if (a === b) return true;
  const ca = a.color ?? BLACK;
  const cb = b.color ?? BLACK;
  return a.size === b.size && !!a.bold === !!b.bold && (a.rise ?? 0) === (b.rise ?? 0) && a.link === b.link && a.uri === b.uri &&
    !!a.underline === !!b.underline && ca[0] === cb[0] && ca[1] === cb[1] && ca[2] === cb[2];
}

const memo = new Map<string, PreparedParagraph>();

/** Shapes a paragraph once (short plain strings — markers, page numbers — are memoised). */
export function prepareParagraph(input: string | Span[], lang: string, base: TextStyle, opts: ParagraphOptions = {}): PreparedParagraph {
  if (typeof input === 'string' && input.length <= 24) {
    const key = `${input}\u0000${lang}\u0000${JSON.stringify(base)}\u0000${JSON.stringify(opts)}`;
    let p = memo.get(key);
    if (!p) {
      if (memo.size > 5000) memo.clear();
      p = prepareUncached(input, lang, base, opts);
      memo.set(key, p);
    }
    return p;
  }
  return prepareUncached(input, lang, base, opts);
}

function prepareUncached(input: string | Span[], lang: string, base: TextStyle, opts: ParagraphOptions): PreparedParagraph {
  const spans: Span[] = typeof input === 'string' ? [{ text: input, style: base }] : input;
  let text = '';
  const styleAt: TextStyle[] = [];
  // Bold and regular runs, from the spans (a run's style is constant): start, end, bold.
  const boldRuns: number[] = [];
  const dir = opts.dir ?? directionOf(lang);
  for (const s of spans) {
    // Tabs and stray control characters would shape as .notdef boxes: print spaces.
    let t = s.text.replace(/[\t\r\v\f]/g, ' ');
    // In right-to-left text, UAX #9 reverses the groups of "+964 750 000 0201" and splits
    // e-mail addresses and URLs at their dots: isolate them as left-to-right (LRI…PDI).
    if (dir === 'rtl') t = t.replace(LTR_TOKENS, '\u2066$&\u2069');
    if (!t.length) continue;
    const start = text.length;
    text += t;
    for (let i = 0; i < t.length; i++) styleAt.push(s.style);
    const bold = s.style.bold ? 1 : 0;
    const r = boldRuns.length;
    if (r && boldRuns[r - 1] === bold) boldRuns[r - 2] = text.length;
    else boldRuns.push(start, text.length, bold);
  }
  const fonts = getFonts();
  const { levels, faces, missing } = analysis(fonts, text, dir, boldRuns, opts.singleFace ?? false);
  // Itemize: a new item where level, face or style changes; marks never start one.
  const items: Item[] = [];
  let s = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length) {
      const cp = text.charCodeAt(i);
      const lowSurrogate = cp >= 0xdc00 && cp <= 0xdfff;
      // Same style object (the usual case) checked inline: no call per character.
      if (lowSurrogate || (levels[i] === levels[s] && faces[i] === faces[s] && (styleAt[i] === styleAt[s] || sameStyle(styleAt[i]!, styleAt[s]!)))) continue;
    }
    items.push({ start: s, end: i, level: levels[s]!, face: faces[s]!, style: styleAt[s]!, data: NO_GLYPHS, base: 0 });
    s = i;
  }
  const adv = new Float64Array(text.length + 1);
  let maxSize = base.size;
  for (const it of items) {
    const shaped = shapePacked(it.face, text, it.start, it.end, it.level % 2 === 1, lang);
    it.data = shaped.data;
    it.base = shaped.base;
    const scale = it.style.size / it.face.upem;
    const d = shaped.data;
    for (let k = 0; k < d.length; k += G) adv[d[k + 1]! + shaped.base] += d[k + 2]! * scale;
    if (it.style.size > maxSize) maxSize = it.style.size;
  }
  return {
    text, lang, dir, items, adv,
    breaks: breaksOf(text, opts.breakAnywhere ?? false),
    maxSize,
    lineHeight: (opts.lineHeight ?? 1.6) * maxSize,
    missing: [...missing],
  };
}

interface Analysis {
  levels: Uint8Array;
  faces: FontFace[];
  missing: Set<string>;
}

/**
 * What of a paragraph does not depend on its type size: bidi levels, the face of each
 * character, missing characters, break opportunities. Why memoised: posters fit the same
 * text at many sizes (the example's posters prepare ~5800 paragraphs from ~560 distinct
 * texts). Read-only once made (items are built from them per call); bounded for `watch`.
 */
const analyses = new WeakMap<FontSet, Map<string, Analysis>>();
const breakMemo = new Map<string, Array<{ position: number; required: boolean }>>();
const ANALYSIS_LIMIT = 5000;

function analysis(fonts: FontSet, text: string, dir: 'rtl' | 'ltr', boldRuns: number[], singleFace: boolean): Analysis {
  let byText = analyses.get(fonts);
  if (!byText) analyses.set(fonts, (byText = new Map()));
  const key = `${dir}${singleFace ? 's' : ''}${boldRuns.join(',')}\u0000${text}`;
  let hit = byText.get(key);
  if (!hit) {
    hit = analyse(fonts, text, dir, boldRuns, singleFace);
    if (byText.size >= ANALYSIS_LIMIT) byText.clear();
    byText.set(key, hit);
  }
  return hit;
}

function breaksOf(text: string, anywhere: boolean): Array<{ position: number; required: boolean }> {
  const key = `${anywhere ? 'a' : ''}\u0000${text}`;
  let hit = breakMemo.get(key);
  if (!hit) {
    hit = anywhere ? anywhereBreaks(text) : breakOpportunities(text);
    if (breakMemo.size >= ANALYSIS_LIMIT) breakMemo.clear();
    breakMemo.set(key, hit);
  }
  return hit;
}

function analyse(fonts: FontSet, text: string, dir: 'rtl' | 'ltr', boldRuns: number[], singleFace: boolean): Analysis {
  // Pure left-to-right text in a left-to-right paragraph is all level 0: skip UAX #9.
  // Arabic text without digits or left-to-right letters is all level 1: skip it too.
  const levels = !text.length
    ? new Uint8Array(0)
    : dir === 'ltr' && !RTL_CHARS.test(text)
      ? new Uint8Array(text.length)
      : dir === 'rtl' && PLAIN_RTL.test(text)
        ? new Uint8Array(text.length).fill(1)
        : embeddingLevels(text, dir);
  const faces = new Array<FontFace>(text.length);
  // Faces per style run: bold and regular pairs.
  for (let r = 0; r < boldRuns.length; r += 3) {
    const i0 = boldRuns[r]!;
    const i1 = boldRuns[r + 1]!;
    const bold = boldRuns[r + 2] === 1;
    const pair = bold ? { arabic: fonts.arabicBold, latin: fonts.latinBold } : { arabic: fonts.arabic, latin: fonts.latin };
    const chosen = singleFace
      ? chooseSingle(text.slice(i0, i1), pair, dir === 'rtl')
      : chooseFaces(text.slice(i0, i1), pair, dir === 'rtl');
    for (let k = i0; k < i1; k++) faces[k] = chosen[k - i0]!;
  }
  // Inside left-to-right isolates (phone numbers, e-mails, URLs) digits and punctuation
  // take the Latin face: a font change makes extractors keep the token as its own chunk.
  for (let i = text.indexOf('\u2066'); i >= 0; i = text.indexOf('\u2066', i + 1)) {
    const j = text.indexOf('\u2069', i);
    for (let k = i + 1; k < (j < 0 ? text.length : j); k++) {
      const cp = text.charCodeAt(k);
      const latin = faces[k]!.bold ? fonts.latinBold : fonts.latin;
      if (!isArabicChar(cp) && latin.covers(cp)) faces[k] = latin;
    }
  }
  const missing = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    // Coverage first: a table lookup that is nearly always true.
    if (!faces[i]!.covers(cp) && !isIgnorable(cp) && !isMarkOrJoiner(cp)) missing.add(String.fromCodePoint(cp));
    if (cp > 0xffff) i++;
  }
  return { levels, faces, missing };
}

function chooseSingle(text: string, pair: { arabic: FontFace; latin: FontFace }, rtl: boolean): FontFace[] {
  const main = rtl ? pair.arabic : pair.latin;
  const mixed = chooseFaces(text, pair, rtl);
  return mixed.map((f, i) => (main.covers(text.codePointAt(i)!) ? main : f));
}

function anywhereBreaks(text: string): { position: number; required: boolean }[] {
  const out: { position: number; required: boolean }[] = [];
  for (const b of breakOpportunities(text)) out.push(b);
  for (let i = 1; i < text.length; i++) if (isClusterStart(text, i)) out.push({ position: i, required: false });
  out.sort((a, b) => a.position - b.position || Number(b.required) - Number(a.required));
  return out.filter((b, k) => k === 0 || b.position !== out[k - 1]!.position);
}

function isClusterStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return !isMarkOrJoiner(text.codePointAt(i)!);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function widthOf(p: PreparedParagraph, a: number, b: number): number {
  let w = 0;
  for (let i = a; i < b; i++) w += p.adv[i]!;
  return w;
}

/**
 * End of `[a, b)` without trailing white space (and bidi isolate controls: HarfBuzz folds
 * a removed PDI into the cluster of the newline after it).
 */
function trimEnd(text: string, a: number, b: number): number {
  for (;;) {
    const c = text.charCodeAt(b - 1);
    if (b > a && (isSpace(c) || (c >= 0x2066 && c <= 0x2069))) b--;
    else return b;
  }
}

/** Greedy first-fit line ranges; words wider than the line are cut between clusters. */
export function lineRanges(p: PreparedParagraph, width: number): Array<[number, number]> {
  const { text } = p;
  const out: Array<[number, number]> = [];
  let lineStart = 0;
  let lastFit = -1; // last opportunity that fits on the current line
  const eps = 0.01;
  for (const bk of p.breaks) {
    let pos = bk.position;
    // Does [lineStart, pos) fit (trailing spaces hang)?
    while (true) {
      const w = widthOf(p, lineStart, trimEnd(text, lineStart, pos));
      if (w <= width + eps) {
        lastFit = pos;
        break;
      }
      if (lastFit > lineStart) {
        out.push([lineStart, lastFit]);
        lineStart = lastFit;
        lastFit = -1;
        continue;
      }
      // One unbreakable piece wider than the line: cut it between clusters.
      let acc = 0;
      let cut = lineStart;
      for (let i = lineStart; i < pos; i++) {
        if (i > lineStart && isClusterStart(text, i) && acc + clusterWidth(p, i) > width + eps) {
          cut = i;
          break;
        }
        acc += p.adv[i]!;
      }
      if (cut <= lineStart) cut = nextClusterStart(text, lineStart + 1, pos);
      p.forced = true;
      out.push([lineStart, cut]);
      lineStart = cut;
      lastFit = -1;
      if (lineStart >= pos) break;
    }
    if (bk.required && pos > lineStart) {
      out.push([lineStart, pos]);
      lineStart = pos;
      lastFit = -1;
    }
  }
  if (lineStart < text.length || out.length === 0) out.push([lineStart, text.length]);
  return out;
}

function clusterWidth(p: PreparedParagraph, i: number): number {
  let w = p.adv[i]!;
  for (let k = i + 1; k < p.text.length && !isClusterStart(p.text, k); k++) w += p.adv[k]!;
  return w;
}

function nextClusterStart(text: string, i: number, limit: number): number {
  while (i < limit && !isClusterStart(text, i)) i++;
  return Math.min(i, limit);
}

interface Piece {
  level: number;
  item: Item;
  /** The piece's glyphs: `data` glyph indices [from, to), clusters relative to `base`. */
  data: Int32Array;
  base: number;
  from: number;
  to: number;
  start: number;
  end: number;
}

/** The glyphs of item `it` for text [a, b): a stretch of the item's glyphs, or shaped again where a cut is unsafe. */
function sliceItem(p: PreparedParagraph, it: Item, a: number, b: number, out: Piece): void {
  const gl = it.data;
  const n = gl.length / G;
  out.data = gl;
  out.base = it.base;
  out.from = 0;
  out.to = n;
  if (a <= it.start && b >= it.end) return;
  // Clusters are monotone (ascending left to right, descending in right-to-left items),
  // so the glyphs of [a, b) are one stretch: found by binary search, not by scanning the
  // whole item for every line (a paragraph is often a single item).
  const rel = (i: number) => gl[i * G + 1]!; // cluster of glyph i, relative to base
  const asc = n < 2 || rel(0) <= rel(n - 1);
  // First index whose cluster is at or past `c` in the item's direction.
  const seek = (c: number): number => {
    const r = c - it.base;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (asc ? rel(mid) < r : rel(mid) >= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // asc: [first cluster >= a, first cluster >= b); desc: [first cluster < b, first cluster < a).
  const from = asc ? seek(a) : seek(b);
  const to = asc ? seek(b) : seek(a);
  // Safe to slice when the glyphs at both cuts are not flagged unsafe-to-break.
  const unsafeAt = (c: number, start: number, step: number): boolean => {
    const r = c - it.base;
    for (let k = start; k >= 0 && k < n && rel(k) === r; k += step) if (gl[k * G + 5] === 1) return true;
    return false;
  };
  let unsafe = false;
  if (a > it.start) unsafe ||= asc ? unsafeAt(a, from, 1) : unsafeAt(a, to - 1, -1);
  if (b < it.end) unsafe ||= asc ? unsafeAt(b, to, 1) : unsafeAt(b, from - 1, -1);
  if (unsafe) {
    const again = shapePacked(it.face, p.text, a, b, it.level % 2 === 1, p.lang);
    out.data = again.data;
    out.base = again.base;
    out.to = again.data.length / G;
    return;
  }
  out.from = from;
  out.to = to;
}

function hasIsolateControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x2066 && c <= 0x2069) return true;
  }
  return false;
}

/** One-character strings by UTF-16 code: most clusters are one character, and their text is the same string each time. */
const oneChar: string[] = [];
function charText(c: number): string {
  // Bidi isolate controls carry no text (HarfBuzz folds a removed one into a cluster).
  if (c >= 0x2066 && c <= 0x2069) return '';
  return (oneChar[c] ??= String.fromCharCode(c));
}

/**
 * Attaches ToUnicode text to glyphs: a cluster's text goes on its widest glyph. Clusters
 * are monotone (MONOTONE_CHARACTERS), so logical order is the glyph order or its reverse.
 * Reads the piece's packed glyphs in place (see PackedGlyphs).
 */
function attachText(text: string, pc: Piece): ShapedGlyph[] {
  const d = pc.data;
  const base = pc.base;
  const end = pc.end;
  const i0 = pc.from;
  const n = pc.to - i0;
  const out: ShapedGlyph[] = new Array(n);
  for (let i = 0, k = i0 * G; i < n; i++, k += G) {
    out[i] = { gid: d[k]!, advance: d[k + 2]!, xOffset: d[k + 3]!, yOffset: d[k + 4]!, text: '' };
  }
  if (!n) return out;
  // Glyph i of the piece (in visual order): its cluster and advance.
  const cl = (i: number) => d[(i0 + i) * G + 1]! + base;
  const adv = (i: number) => d[(i0 + i) * G + 2]!;
  const asc = cl(0) <= cl(n - 1);
  let k = 0;
  while (k < n) {
    const first = asc ? k : n - 1 - k;
    const cluster = cl(first);
    let best = first;
    let j = k + 1;
    while (j < n && cl(asc ? j : n - 1 - j) === cluster) {
      const idx = asc ? j : n - 1 - j;
      if (adv(idx) > adv(best)) best = idx;
      j++;
    }
    const next = j < n ? cl(asc ? j : n - 1 - j) : end;
    const stop = Math.min(Math.max(next, cluster + 1), end);
    if (j === k + 1) {
      // One glyph (most clusters): it takes the whole text, no marks to hand out.
      out[best]!.text = stop - cluster === 1 ? charText(text.charCodeAt(cluster)) : stripIsolates(text.slice(cluster, stop));
      k = j;
      continue;
    }
    const ctext = stripIsolates(text.slice(cluster, stop));
    // A cluster of a letter and marks (HarfBuzz merges e.g. alef-hamza + kasra) draws
    // the marks as zero-width glyphs: give each trailing mark character to one of them,
    // so extractors see letter + mark in order instead of one two-character glyph that
    // they reverse as a whole in right-to-left text.
    let baseText = ctext;
    const zero: number[] = [];
    for (let m = k; m < j; m++) {
      const idx = asc ? m : n - 1 - m;
      if (idx !== best && adv(idx) === 0) zero.push(idx);
    }
    if (zero.length && ctext.length > 1) {
      let cut = ctext.length;
      while (cut > 1 && isMarkOrJoiner(ctext.charCodeAt(cut - 1)) && ctext.length - cut < zero.length) cut--;
      const marks = ctext.slice(cut);
      baseText = ctext.slice(0, cut);
      for (let q = 0; q < marks.length; q++) out[zero[zero.length - marks.length + q]!]!.text = marks[q]!;
    }
    out[best]!.text = baseText;
    k = j;
  }
  return out;
}

function stripIsolates(s: string): string {
  return hasIsolateControl(s) ? s.replace(/[\u2066-\u2069]/g, '') : s;
}

/** Breaks a prepared paragraph into finished lines of at most `width` points. */
export function breakParagraph(p: PreparedParagraph, width: number, align: Align = 'start'): Line[] {
  const ranges = lineRanges(p, width);
  const lines: Line[] = [];
  const lh = p.lineHeight;
  const baseline = lh / 2 + p.maxSize * 0.32;
  // Items and line ranges both run in text order: scan items from the first one that
  // can reach the current line instead of from the start (long paragraphs have hundreds).
  let first = 0;
  // Indexed loops over ranges and glyphs: this runs for every glyph of the document
  // while the code is still cold, and an unoptimised for-of allocates an iterator
  // result per step (~10 MB of garbage for the 40-page bench corpus).
  for (let idx = 0; idx < ranges.length; idx++) {
    const a = ranges[idx]![0];
    const b0 = ranges[idx]![1];
    const b = trimEnd(p.text, a, b0);
    const pieces: Piece[] = [];
    while (first < p.items.length && p.items[first]!.end <= a) first++;
    for (let k = first; k < p.items.length; k++) {
      const it = p.items[k]!;
      if (it.start >= b) break;
      if (it.end <= a) continue;
      const s = Math.max(a, it.start);
      const e = Math.min(b, it.end);
      const pc: Piece = { level: it.level, item: it, data: it.data, base: it.base, from: 0, to: 0, start: s, end: e };
      sliceItem(p, it, s, e, pc);
      pieces.push(pc);
    }
    const visual = reorderByLevel(pieces);
    const runs: GlyphRun[] = [];
    const starts: number[] = [];
    let x = 0;
    for (const pc of visual) {
      if (pc.to === pc.from) continue; // isolate controls and the like: nothing to draw
      starts.push(pc.start);
      const st = pc.item.style;
      const glyphs = attachText(p.text, pc);
      let w = 0;
      for (let k = 0; k < glyphs.length; k++) w += glyphs[k]!.advance;
      w *= st.size / pc.item.face.upem;
      runs.push({
        face: pc.item.face, size: st.size, color: st.color ?? BLACK, rise: st.rise ?? 0, x, width: w, glyphs,
        link: st.link, uri: st.uri, underline: st.underline, rtl: pc.level % 2 === 1,
      });
      x += w;
    }
    let lineWidth = x;
    const last = idx === ranges.length - 1 || (b0 > a && p.text.charCodeAt(b0 - 1) === 0x0a);
    if (align === 'justify' && !last && lineWidth < width) {
      let spaces = 0;
      for (const r of runs) for (let k = 0; k < r.glyphs.length; k++) if (r.glyphs[k]!.text === ' ') spaces++;
      const extra = spaces ? (width - lineWidth) / spaces : 0;
      // Stretching spaces beyond a few ems looks broken: leave such lines ragged.
      if (spaces && extra < p.maxSize * 1.5) {
        let shift = 0;
        for (const r of runs) {
          r.x += shift;
          const units = (extra * r.face.upem) / r.size;
          for (let k = 0; k < r.glyphs.length; k++) if (r.glyphs[k]!.text === ' ') {
            r.glyphs[k]!.advance += units;
            r.width += extra;
            shift += extra;
          }
        }
        lineWidth = width;
      }
    }
    let offset = 0;
    const side = resolveAlign(align, p.dir, last);
    if (side === 'right') offset = width - lineWidth;
    else if (side === 'center') offset = (width - lineWidth) / 2;
    if (offset) for (const r of runs) r.x += offset;
    lines.push({ runs: logicalOrder(runs, starts), width: lineWidth, height: lh, baseline, start: a, end: b });
  }
  return lines;
}

/**
 * The runs of a line, positioned in visual order, handed out for drawing in logical
 * order (the order of their source text); each run carries its own x, so the page looks
 * the same. Extractors read a line's text chunks in content-stream order: a right-to-left
 * line written left to right comes back with a bold label after its sentence. pdf.js
 * merges glyphs of one font, size and rise written left to right into one chunk and
 * orders that chunk itself (UAX #9), so visually adjacent runs of one face stay together
 * in visual order; only those groups are put in logical order.
 */
function logicalOrder(runs: GlyphRun[], starts: number[]): GlyphRun[] {
  const groups: { start: number; runs: GlyphRun[] }[] = [];
  let prev: GlyphRun | undefined;
  runs.forEach((r, i) => {
    const g = groups[groups.length - 1];
    if (g && prev && prev.face === r.face && prev.size === r.size && prev.rise === r.rise) {
      g.runs.push(r);
      if (starts[i]! < g.start) g.start = starts[i]!;
    } else groups.push({ start: starts[i]!, runs: [r] });
    prev = r;
  });
  let sorted = true;
  for (let i = 1; i < groups.length && sorted; i++) if (groups[i]!.start < groups[i - 1]!.start) sorted = false;
  if (sorted) return runs;
  return groups.sort((a, b) => a.start - b.start).flatMap((g) => g.runs);
}

function resolveAlign(align: Align, dir: 'rtl' | 'ltr', last: boolean): 'left' | 'right' | 'center' {
  if (align === 'left' || align === 'right' || align === 'center') return align;
  const startSide = dir === 'rtl' ? 'right' : 'left';
  if (align === 'end') return dir === 'rtl' ? 'left' : 'right';
  return startSide; // start, and justify's last line
  void last;
}

export interface LayoutParagraphOptions extends ParagraphOptions {
  width: number;
  fontSize?: number;
  bold?: boolean;
  color?: Rgb;
}

export interface ParagraphLayout {
  lines: Line[];
  height: number;
  /** Characters no font covers. */
  missing: string[];
}

/**
 * Sets text in a box `width` points wide: the entry point for posters and cards.
 * `text` may be plain or styled spans.
 */
export function layoutParagraph(text: string | Span[], lang: string, opts: LayoutParagraphOptions): ParagraphLayout {
  const base: TextStyle = { size: opts.fontSize ?? 11, bold: opts.bold, color: opts.color };
  const p = prepareParagraph(text, lang, base, opts);
  const lines = breakParagraph(p, opts.width, opts.align ?? 'start');
  return { lines, height: lines.reduce((h, l) => h + l.height, 0), missing: p.missing };
}

/** Narrowest and widest sensible widths (min: widest unbreakable piece; max: one line). */
export function measureParagraph(p: PreparedParagraph): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let cur = 0;
  let prev = 0;
  for (const bk of p.breaks) {
    const w = widthOf(p, prev, trimEnd(p.text, prev, bk.position));
    if (w > min) min = w;
    cur += widthOf(p, prev, bk.position);
    if (bk.required) {
      max = Math.max(max, cur);
      cur = 0;
    }
    prev = bk.position;
  }
  max = Math.max(max, cur);
  return { min, max };
}
