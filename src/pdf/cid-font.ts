/**
 * Our own font embedding for HarfBuzz-shaped glyphs: Type0 / Identity-H with a
 * CIDFontType2 descendant, CIDToGIDMap, W and a ToUnicode CMap built from clusters.
 * pdf-lib's own embedding re-shapes with fontkit and renumbers glyphs; this keeps the
 * glyph ids HarfBuzz chose (the font is subset with retain-gids).
 *
 * Codes: one per distinct (glyph, text) pair, so mirrored brackets and split letters
 * map back to the right text. Glyphs that carry no text (Naskh's detached dots) get
 * codes equal to invisible format characters and stay out of ToUnicode, so an
 * extractor that falls back to the code adds nothing visible.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFNumber, PDFRef, PDFArray, PDFDict, PDFString } from '../vendor/pdf-lib.js';
import type { FontFace } from '../text/index.js';
import { deflateStream } from './deflate.js';
import { fontFileStream } from './font-file.js';
import { compareText } from '../order.js';

const INVISIBLE: number[] = [];
for (let c = 0xfe00; c <= 0xfe0f; c++) INVISIBLE.push(c);
for (let c = 0x2060; c <= 0x206f; c++) if (c !== 0x2065) INVISIBLE.push(c);
for (let c = 0x200b; c <= 0x200f; c++) INVISIBLE.push(c);
for (let c = 0x202a; c <= 0x202e; c++) INVISIBLE.push(c);
const INVISIBLE_SET = new Set(INVISIBLE);

interface FaceCodes {
  face: FontFace;
  /** Resource name on pages, e.g. `F1`: the same in every document of a build. */
  name: string;
  codes: Map<string, number>;
  /** code → [gid, text] */
  entries: Map<number, [number, string]>;
  /** Codes whose W width is 0 (marks). */
  zero: Set<number>;
  nextPua: number;
  nextInvisible: number;
  /** gid → text → code (marks apart): the lookup of every drawn glyph, without building a key string. */
  fast: [Map<number, Map<string, number>>, Map<number, Map<string, number>>];
}

/**
 * Glyph codes shared by every document of a build, so a page's content stream is the
 * same bytes whichever PDF it goes into (the pack reuses the SOP's pages as they are).
 * Codes: one per distinct (glyph, text) pair, the character itself when free.
 */
export class CidFontSet {
  private readonly faces = new Map<string, FaceCodes>();

  constructor(private readonly prefix = 'F') {}

  private faceCodes(face: FontFace): FaceCodes {
    let f = this.faces.get(face.id);
    if (!f) {
      f = { face, name: `${this.prefix}${this.faces.size + 1}`, codes: new Map(), entries: new Map(), zero: new Set(), nextPua: 0xe000, nextInvisible: 0, fast: [new Map(), new Map()] };
      this.faces.set(face.id, f);
    }
    return f;
  }

  /** Resource name of a face on pages. */
  fontName(face: FontFace): string {
    return this.faceCodes(face).name;
  }

  /** Resource name of the path form of a text-less glyph. */
  formName(face: FontFace, gid: number): string {
    return `G${this.faceCodes(face).name}_${gid}`;
  }

  /**
   * The 2-byte code for (glyph, text) in `face`. `zeroWidth` marks a glyph HarfBuzz
   * positioned with no advance (a mark): its W entry is 0 so extractors treat it as a
   * combining mark, not as a letter of its own.
   */
  code(face: FontFace, gid: number, text: string, zeroWidth = false): number {
    const f = this.faceCodes(face);
    const fast = f.fast[zeroWidth ? 1 : 0];
    let byText = fast.get(gid);
    const hit = byText?.get(text);
    if (hit !== undefined) return hit;
    if (!byText) fast.set(gid, (byText = new Map()));
    const key = gid + '\u0000' + text + (zeroWidth ? '\u0000z' : '');
    let c = f.codes.get(key);
    if (c !== undefined) {
      byText.set(text, c);
      return c;
    }
    if (text === '') {
      c = f.nextInvisible < INVISIBLE.length ? INVISIBLE[f.nextInvisible++]! : this.nextPua(f);
    } else {
      const cp = text.length === 1 ? text.charCodeAt(0) : -1;
      c = !zeroWidth && cp > 0x20 && cp < 0xe000 && !INVISIBLE_SET.has(cp) && !f.entries.has(cp) && !(cp >= 0xd800 && cp <= 0xdfff) ? cp : this.nextPua(f);
    }
    f.codes.set(key, c);
    byText.set(text, c);
    f.entries.set(c, [gid, text]);
    if (zeroWidth) f.zero.add(c);
    return c;
  }

  private nextPua(f: FaceCodes): number {
    while (f.entries.has(f.nextPua)) f.nextPua++;
    if (f.nextPua > 0xf8ff) throw new Error(`font ${f.face.id}: more than 6400 distinct glyph/text pairs`);
    return f.nextPua++;
  }

  /** Width of a glyph as written into W, in 1/1000 em (what TJ adjustments are relative to). */
  static width(face: FontFace, gid: number): number {
    return Math.round((face.advance(gid) * 1000) / face.upem * 1000) / 1000;
  }

  entry(face: FontFace, code: number): { gid: number; text: string; zero: boolean } {
    const f = this.faceCodes(face);
    const [gid, text] = f.entries.get(code)!;
    return { gid, text, zero: f.zero.has(code) };
  }
}

/** The font and glyph-form objects of one document. */
export class DocFonts {
  private readonly fontRefs = new Map<string, { face: FontFace; ref: PDFRef; codes: Set<number> }>();
  private readonly forms = new Map<string, PDFRef>();

  constructor(private readonly doc: PDFDocument, readonly book: CidFontSet) {}

  /** The face's font object (reserved now, written by `finalize`). */
  fontRef(face: FontFace): PDFRef {
    let f = this.fontRefs.get(face.id);
    if (!f) {
      f = { face, ref: this.doc.context.nextRef(), codes: new Set() };
      this.fontRefs.set(face.id, f);
    }
    return f.ref;
  }

  /** Records codes a page of this document uses. */
  useCodes(face: FontFace, codes: Iterable<number>): void {
    this.fontRef(face);
    const set = this.fontRefs.get(face.id)!.codes;
    for (const c of codes) set.add(c);
  }

  /**
   * A Form XObject painting one glyph's outline (font units, y up). Used for glyphs that
   * carry no text (Naskh's detached dots): drawn as paths they are invisible to text
   * extractors, which otherwise insert stray characters into words.
   */
  glyphForm(face: FontFace, gid: number): PDFRef {
    const key = `${face.id}:${gid}`;
    let ref = this.forms.get(key);
    if (ref) return ref;
    const ops: string[] = [];
    let cx = 0;
    let cy = 0;
    const r = (v: number) => String(Math.round(v * 10) / 10);
    for (const c of face.hbFont.glyphToJson(gid)) {
      const v = c.values;
      if (c.type === 'M') { ops.push(`${r(v[0]!)} ${r(v[1]!)} m`); cx = v[0]!; cy = v[1]!; }
      else if (c.type === 'L') { ops.push(`${r(v[0]!)} ${r(v[1]!)} l`); cx = v[0]!; cy = v[1]!; }
      else if (c.type === 'Q') {
        // Quadratic → cubic: control points at 2/3 towards the quadratic control point.
        const [qx, qy, x, y] = v as [number, number, number, number];
        ops.push(`${r(cx + (2 / 3) * (qx - cx))} ${r(cy + (2 / 3) * (qy - cy))} ${r(x + (2 / 3) * (qx - x))} ${r(y + (2 / 3) * (qy - y))} ${r(x)} ${r(y)} c`);
        cx = x; cy = y;
      } else if (c.type === 'C') { ops.push(`${v.map(r).join(' ')} c`); cx = v[4]!; cy = v[5]!; }
      else if (c.type === 'Z') ops.push('h');
    }
    ops.push('f');
    const ext = face.hbFont.glyphExtents(gid);
    const bbox = ext ? [ext.xBearing - 10, ext.yBearing + ext.height - 10, ext.xBearing + ext.width + 10, ext.yBearing + 10] : [-1000, -1000, 2000, 2000];
    ref = this.doc.context.register(deflateStream(this.doc.context, ops.join('\n'), { Type: 'XObject', Subtype: 'Form', BBox: bbox.map(Math.round) }));
    this.forms.set(key, ref);
    return ref;
  }

  /** Writes every used font into the document (after all pages are drawn). */
  finalize(): void {
    const ctx = this.doc.context;
    const book = this.book;
    for (const f of [...this.fontRefs.values()].sort((a, b) => compareText(book.fontName(a.face), book.fontName(b.face)))) {
      const { face } = f;
      const codes = [...f.codes].sort((a, b) => a - b);
      const entries = codes.map((c) => book.entry(face, c));
      const gids = [...new Set(entries.map((e) => e.gid))].sort((a, b) => a - b);
      const tag = subsetTag(face.psName, gids);
      const baseFont = `${tag}+${face.psName}`;
      const fontFileRef = ctx.register(fontFileStream(ctx, face, gids));
      const scale = 1000 / face.upem;
      const bbox = readBBox(face.bytes).map((v) => Math.round(v * scale));
      const descriptorRef = ctx.register(ctx.obj({
        Type: 'FontDescriptor',
        FontName: PDFName.of(baseFont),
        Flags: 4,
        FontBBox: bbox,
        ItalicAngle: 0,
        Ascent: Math.round(face.ascender * scale),
        Descent: Math.round(face.descender * scale),
        CapHeight: Math.round(face.capHeight * scale),
        StemV: face.bold ? 140 : 80,
        FontFile2: fontFileRef,
      }));
      // CIDToGIDMap: 2 bytes per CID (= code under Identity-H).
      const max = codes.length ? codes[codes.length - 1]! : 0;
      const map = new Uint8Array((max + 1) * 2);
      codes.forEach((c, i) => {
        const gid = entries[i]!.gid;
        map[c * 2] = gid >> 8;
        map[c * 2 + 1] = gid & 0xff;
      });
      const mapRef = ctx.register(deflateStream(ctx, map));
      const wArray = PDFArray.withContext(ctx);
      codes.forEach((c, i) => {
        const e = entries[i]!;
        wArray.push(PDFNumber.of(c));
        const inner = PDFArray.withContext(ctx);
        inner.push(PDFNumber.of(e.zero ? 0 : CidFontSet.width(face, e.gid)));
        wArray.push(inner);
      });
      const cidFont = ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: PDFName.of(baseFont),
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptorRef,
        DW: 0,
        CIDToGIDMap: mapRef,
      }) as PDFDict;
      cidFont.set(PDFName.of('W'), wArray);
      const cidRef = ctx.register(cidFont);
      const pairs: Array<[number, string]> = [];
      codes.forEach((c, i) => { if (entries[i]!.text !== '') pairs.push([c, entries[i]!.text]); });
      const toUnicodeRef = ctx.register(deflateStream(ctx, buildToUnicode(pairs)));
      ctx.assign(f.ref, ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: PDFName.of(baseFont),
        Encoding: 'Identity-H',
        DescendantFonts: [cidRef],
        ToUnicode: toUnicodeRef,
      }));
    }
  }
}

function subsetTag(name: string, gids: number[]): string {
  const h = createHash('sha256').update(name).update(Uint32Array.from(gids)).digest();
  let s = '';
  for (let i = 0; i < 6; i++) s += String.fromCharCode(65 + (h[i]! % 26));
  return s;
}

function readBBox(bytes: Uint8Array): [number, number, number, number] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getUint16(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const tagStr = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
    if (tagStr === 'head') {
      const off = dv.getUint32(rec + 8);
      return [dv.getInt16(off + 36), dv.getInt16(off + 38), dv.getInt16(off + 40), dv.getInt16(off + 42)];
    }
  }
  return [0, -300, 1000, 1000];
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out;
}

function buildToUnicode(pairs: Array<[number, string]>): string {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [c, t] of chunk) lines.push(`<${hex4(c)}> <${utf16Hex(t)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CIDFont defineresource pop', 'end', 'end');
  return lines.join('\n');
}

