/**
 * Text items → PDF text operators: one BT per line, a Tm per run, TJ with 2-byte codes
 * and adjustments computed against the exact widths written into W. Glyphs without text
 * (and decoration drawn as shapes) are painted as path forms after the text object.
 */
import type { StructNode, TextItem } from '../frame/types.js';
import type { GlyphRun } from '../text/index.js';
import { CidFontSet } from './cid-font.js';
import { OpBuffer } from './op-buffer.js';
import { color, num } from './format.js';
import type { ResourceSink } from './resources.js';
import { beginMarked } from './marks.js';

/** Widths as written in W (1/1000 em, 3 decimals), per face and glyph id; -1 = not yet known. */
const widthTables = new WeakMap<GlyphRun['face'], Float64Array>();
function widthTable(face: GlyphRun['face']): Float64Array {
  let t = widthTables.get(face);
  if (!t) widthTables.set(face, (t = new Float64Array(0x10000).fill(-1)));
  return t;
}
function glyphWidth(table: Float64Array, face: GlyphRun['face'], gid: number): number {
  return (table[gid] = CidFontSet.width(face, gid));
}

/**
 * `inner`: the line's runs belong to different elements (`runTags`, a tagged page): each
 * stretch of runs of one element gets its own marked-content sequence inside BT/ET, and
 * the glyph forms drawn after ET one of the line's own element.
 */
export function textOps(item: TextItem, pageHeight: number, res: ResourceSink, out: OpBuffer, inner = false): void {
  out.str('BT\n');
  let marked: StructNode | undefined;
  const by = pageHeight - item.y;
  const rad = ((item.angle ?? 0) * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  // Nearly every line is upright: its matrix head is the same string every time.
  const tmHead = rad === 0 ? '1 0 0 1 ' : `${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} `;
  let lastFont = '';
  let lastColor = '';
  const shapes = shapeBuffer;
  shapes.len = 0;
  const leads = item.shapesOnly ? undefined : leadingSpaces(item);
  for (let r = 0; r < item.runs.length; r++) {
    const run = item.runs[r]!;
    if (!run.glyphs.length) continue;
    if (inner) {
      const tag = item.runTags![r] ?? (item.tag as StructNode);
      if (tag !== marked) {
        if (marked) out.str('EMC\n');
        out.str(beginMarked(tag, res));
        marked = tag;
      }
    }
    const name = res.font(run);
    const fontKey = `${name} ${num(run.size)}`;
    if (fontKey !== lastFont) {
      out.byte(47); // /
      out.str(fontKey);
      out.str(' Tf\n');
      lastFont = fontKey;
    }
    const col = color(run.color, 'rg');
    if (col !== lastColor) {
      out.str(col);
      out.byte(10);
      lastColor = col;
    }
    const tx = item.x + run.x * cos;
    const ty = by + run.x * sin;
    out.str(tmHead);
    out.num(tx);
    out.byte(32);
    out.num(ty);
    out.str(' Tm\n');
    const lead = leads?.get(run);
    const dots = glyphOps(run, item.shapesOnly === true, lead, res, out);
    if (dots) {
      const sc = run.size / run.face.upem;
      // Scale needs more than num()'s 3 decimals: 8.5/1000 rounded to 0.009 is 6 % off.
      const f = (v: number) => String(Math.round(v * 1e7) / 1e7);
      shapes.str(`q ${col} ${f(sc * cos)} ${f(sc * sin)} ${f(-sc * sin)} ${f(sc * cos)} `);
      shapes.num(tx);
      shapes.byte(32);
      shapes.num(ty);
      shapes.str(' cm\n');
      shapes.append(dots);
      shapes.str('Q\n');
    }
  }
  if (marked) out.str('EMC\n');
  out.str('ET\n');
  if (shapes.len && inner) {
    out.str(beginMarked(item.tag as StructNode, res));
    out.append(shapes);
    out.str('EMC\n');
  } else if (shapes.len) out.append(shapes);
}

// A text-less glyph is `q 1 0 0 1 X Y cm /NAME Do Q`: the fixed parts encoded once.
const DOT_HEAD = new Uint8Array(Buffer.from('q 1 0 0 1 ', 'latin1'));
const dotTails = new Map<string, Uint8Array>();
function dotTail(name: string): Uint8Array {
  let t = dotTails.get(name);
  if (!t) dotTails.set(name, (t = new Uint8Array(Buffer.from(` cm /${name} Do Q\n`, 'latin1'))));
  return t;
}

// Reused between runs and pages (rendering is synchronous): no buffer per run.
const shapeBuffer = new OpBuffer();
const dotBuffer = new OpBuffer();

/**
 * One run's glyphs: `Ts` and `[...] TJ` into `out`; text-less glyphs as path forms into
 * the returned buffer (undefined when there are none), drawn after the text object.
 * Kept apart from textOps so V8 optimises this loop quickly (it runs for every glyph).
 */
function glyphOps(run: GlyphRun, shapesOnly: boolean, lead: { index: number; text: string } | undefined, res: ResourceSink, out: OpBuffer): OpBuffer | undefined {
  const face = run.face;
  const upem = face.upem;
  const glyphs = run.glyphs;
  const n = glyphs.length;
  const widths = widthTable(face);
  const runRise = run.rise;
  const size = run.size;
  const leadIndex = lead === undefined ? -1 : lead.index;
  const dots = dotBuffer;
  dots.len = 0;
  // Stream order stays HarfBuzz's visual order, marks before their letter in
  // right-to-left runs: pdf.js reverses each right-to-left chunk as a whole, which
  // puts every mark back after its letter. (Drawing letters first reads better in
  // pdftotext but makes pdf.js return marks before letters.)
  let open = false; // inside `[` … `] TJ`
  let rise = NaN;
  let cursor = 0; // where the text position is now, 1/1000 em from the run start
  let pen = 0;
  for (let k = 0; k < n; k++) {
    const g = glyphs[k]!;
    // Absolute glyph position in 1/1000 em from the run start (xOffset included).
    const x = pen + (g.xOffset * 1000) / upem;
    pen += (g.advance * 1000) / upem;
    const gRise = runRise + (g.yOffset * size) / upem;
    if (g.text === '' || shapesOnly) {
      // No text: painted as a path after the text object (see CidFontSet.glyphForm),
      // positioned in whole font units from the run's origin.
      dots.raw(DOT_HEAD);
      dots.int(Math.round((x * upem) / 1000));
      dots.byte(32);
      dots.int(Math.round((gRise * upem) / size));
      dots.raw(dotTail(res.glyph(run, g.gid)));
      continue;
    }
    if (gRise !== rise) {
      if (open) out.str('] TJ\n');
      open = false;
      out.num(gRise);
      out.str(' Ts\n');
      rise = gRise;
    }
    const move = x - cursor;
    if (move > 0.0005 || move < -0.0005) {
      if (!open) out.byte(91); // [
      open = true;
      out.num(-move);
    }
    const zero = g.advance === 0;
    const gid = g.gid;
    if (!open) out.byte(91);
    open = true;
    out.hex4(res.code(face, gid, k === leadIndex ? lead!.text : g.text, zero));
    if (zero) cursor = x;
    else {
      const w = widths[gid]!;
      cursor = x + (w >= 0 ? w : glyphWidth(widths, face, gid));
    }
  }
  // One call site for the rare `0 Ts` too: a call V8 never saw before optimising the
  // loop costs a deoptimisation.
  out.str(rise !== 0 ? (open ? '] TJ\n0 Ts\n' : '0 Ts\n') : open ? '] TJ\n' : '');
  return dots.len ? dots : undefined;
}

/**
 * Glyphs whose extracted text gets a leading space (per run: glyph index → new text).
 * pdf.js joins a piece that starts after a leftward jump of the pen to the previous one
 * with no space (the next cell of a right-to-left table row; the Arabic word left of a
 * Latin acronym, written after it in logical order), and it drops a glyph whose text
 * starts with white space, so the space rides on a letter of the new piece:
 * - a piece pdf.js reads right to left: its rightmost glyph gets "text + space"; pdf.js
 *   reverses the piece as a whole, which puts the space in front of its first word;
 * - a piece it reads left to right (numbers, Latin): its leftmost glyph gets ZERO WIDTH
 *   SPACE + space + its text (the invisible ZWSP keeps the text from starting with white
 *   space).
 * A piece is a stream of runs with no leftward jump (pdf.js's chunk). Which pieces: the
 * first of a line that stands apart (`separate`: table cells), and every later one where
 * the source has a word boundary between it and the piece before it, which lies to its
 * right (white space or punctuation on that piece's left edge or on this one's right
 * edge; two letters there are one word split by a change of direction or font). Only the
 * ToUnicode text changes: same glyph, same width, same look.
 */
function leadingSpaces(item: TextItem): Map<GlyphRun, { index: number; text: string }> | undefined {
  // One run is one piece, and only a separate line's first piece gets a space.
  if (item.runs.length < 2 && item.separate !== true) return undefined;
  const pieces: GlyphRun[][] = [];
  let end = Infinity;
  for (const run of item.runs) {
    if (!run.glyphs.length) continue;
    if (run.x < end - 0.01 || !pieces.length) pieces.push([run]);
    else pieces[pieces.length - 1]!.push(run);
    end = run.x + run.width;
  }
  let out: Map<GlyphRun, { index: number; text: string }> | undefined;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    const want = p === 0 ? item.separate === true : isBoundary(edgeText(pieces[p - 1]!, false)) || isBoundary(edgeText(piece, true));
    if (!want) continue;
    const lead = leadGlyph(piece);
    if (lead) (out ??= new Map()).set(lead.run, { index: lead.index, text: lead.text });
  }
  return out;
}

const WHITE = /^\s+$/u;

/**
 * A glyph text that separates words: white space or punctuation. (Punctuation counts
 * because pdf.js reads a left-to-right piece in visual order, so a bracket or a space
 * inside the piece may not be where its logical neighbour ends up.)
 */
function isBoundary(text: string): boolean {
  return text !== '' && !/[\p{L}\p{N}]/u.test(text);
}
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;

/** The text of the rightmost (or leftmost) glyph of a piece that has text. */
function edgeText(piece: GlyphRun[], right: boolean): string {
  const runs = right ? [...piece].reverse() : piece;
  for (const run of runs) {
    const g = run.glyphs;
    for (let i = 0; i < g.length; i++) {
      const t = g[right ? g.length - 1 - i : i]!.text;
      if (t !== '') return t;
    }
  }
  return '';
}

/** Whether pdf.js reads the piece right to left (its rule: any right-to-left character, unless few in a long text). */
function readsRtl(piece: GlyphRun[]): boolean {
  let text = '';
  for (const run of piece) for (const g of run.glyphs) if (!WHITE.test(g.text)) text += g.text;
  const n = text.match(RTL_CHAR)?.length ?? 0;
  return n > 0 && !(n / text.length < 0.3 && text.length > 4);
}

function leadGlyph(piece: GlyphRun[]): { run: GlyphRun; index: number; text: string } | undefined {
  const ok = (g: GlyphRun['glyphs'][number]) => g.text !== '' && g.advance !== 0 && !WHITE.test(g.text);
  if (readsRtl(piece)) {
    for (let r = piece.length - 1; r >= 0; r--) {
      const g = piece[r]!.glyphs;
      for (let k = g.length - 1; k >= 0; k--) if (ok(g[k]!)) return { run: piece[r]!, index: k, text: g[k]!.text + ' ' };
    }
  } else {
    for (const run of piece) {
      const g = run.glyphs;
      for (let k = 0; k < g.length; k++) if (ok(g[k]!)) return { run, index: k, text: '\u200B ' + g[k]!.text };
    }
  }
  return undefined;
}

