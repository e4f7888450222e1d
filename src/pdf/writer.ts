/**
 * Frames → pdf-lib document: pages, fonts, images, internal links, outline, metadata.
 * Knows nothing about Markdown. Works on new and on loaded documents (stamping).
 */
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFString, PDFNull,
  PDFContentStream,
} from '../vendor/pdf-lib.js';
import type { DocumentMeta, FrameItem, OutlineEntry, PageFrame, StructNode } from '../frame/types.js';
import { shiftItems } from '../frame/items.js';
import { subsetterReady, warmSubsetter, type FontFace, type GlyphRun } from '../text/index.js';
import { deflate } from 'node:zlib';
import { CidFontSet, DocFonts } from './cid-font.js';
import { writeOps, type ResourceSink } from './draw.js';
import { OpBuffer } from './op-buffer.js';
import { StructTree, type ChildOrder } from './struct-tree.js';
import type { Graft } from './graft-tags.js';
import { writeXmp } from './xmp.js';

// One buffer for every page's operators: a page is deflated as soon as it is written.
const opBuffer = new OpBuffer();

interface PendingLink {
  page: PDFPage;
  rect: [number, number, number, number];
  /** An anchor name, or an external address (ASCII) when `uri` is set. */
  dest?: string;
  uri?: string;
  /** Tagged documents: the Link element the annotation belongs to. */
  node?: StructNode;
}

type ImageFrameItem = Extract<FrameItem, { kind: 'image' }>;

/** A PDF transformation matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

/** A page's content stream and what it needs, independent of the document it goes into. */
interface RenderedPage {
  /** Deflated on libuv's thread pool while the next pages are written (see `render`). */
  bytes: Promise<Uint8Array>;
  codes: Map<FontFace, Set<number>>;
  forms: Map<string, [FontFace, number]>;
  images: Map<string, ImageFrameItem>;
  /** Tagged pages: the element each marked-content id (the index) belongs to. */
  marks: StructNode[];
}

/** The code last looked up for a glyph id of a face, and the last page (render) that used it. */
interface CodeMemo {
  text: string;
  zero: boolean;
  code: number;
  page: number;
}

interface FormMemo {
  name: string;
  page: number;
}

/**
 * Shared by the documents of one build: glyph codes and rendered pages. A page frame is
 * turned into content-stream bytes once; the pack reuses the SOP's and annexes' pages.
 */
export class RenderCache {
  readonly book: CidFontSet;
  readonly pages = new WeakMap<PageFrame, RenderedPage>();
  private readonly imageNames = new Map<string, string>();
  /** Per face, by glyph id: nearly every glyph always carries the same text, so one entry answers most lookups. */
  private readonly memos = new Map<FontFace, Array<CodeMemo | undefined>>();
  /** Per face, by glyph id: the glyph form's resource name, and the last page that used it. */
  private readonly formMemos = new Map<FontFace, Array<FormMemo | undefined>>();
  private serial = 0;

  constructor(fontPrefix = 'F') {
    this.book = new CidFontSet(fontPrefix);
  }

  imageName(key: string): string {
    let n = this.imageNames.get(key);
    if (!n) this.imageNames.set(key, (n = `Im${this.imageNames.size + 1}`));
    return n;
  }

  /**
   * Content-stream operators and resources of a list of items on a page `pageHeight` tall.
   * `tagged`: items are written as marked content (see pdf/draw.ts), MCIDs from 0.
   */
  render(items: FrameItem[], pageHeight: number, offsetY = 0, tagged = false): RenderedPage {
    const marks: StructNode[] = [];
    const codes = new Map<FontFace, Set<number>>();
    const forms = new Map<string, [FontFace, number]>();
    const images = new Map<string, ImageFrameItem>();
    const book = this.book;
    const memos = this.memos;
    const formMemos = this.formMemos;
    const page = ++this.serial;
    // The face of the previous call, its memo and this page's code set (a run is one face).
    let lastFace: FontFace | undefined;
    let memo: Array<CodeMemo | undefined> = [];
    let used = new Set<number>();
    const sink: ResourceSink = {
      // Called for every glyph drawn: the memo spares CidFontSet's lookups and the set's
      // insert (once per code and page); the code is the one CidFontSet gives.
      code(face, gid, text, zero) {
        if (face !== lastFace) {
          lastFace = face;
          let m = memos.get(face);
          if (!m) memos.set(face, (m = new Array<CodeMemo | undefined>(0x10000)));
          memo = m;
          let set = codes.get(face);
          if (!set) codes.set(face, (set = new Set()));
          used = set;
        }
        const hit = memo[gid];
        if (hit !== undefined && hit.text === text && hit.zero === zero) {
          if (hit.page !== page) {
            hit.page = page;
            used.add(hit.code);
          }
          return hit.code;
        }
        const c = book.code(face, gid, text, zero);
        memo[gid] = { text, zero, code: c, page };
        used.add(c);
        return c;
      },
      font(run: GlyphRun) {
        if (!codes.has(run.face)) codes.set(run.face, new Set());
        return book.fontName(run.face);
      },
      // Called for every text-less glyph (Naskh dots: a third as many as the letters).
      glyph(run: GlyphRun, gid: number) {
        const face = run.face;
        let m = formMemos.get(face);
        if (!m) formMemos.set(face, (m = new Array<FormMemo | undefined>(0x10000)));
        let f = m[gid];
        if (!f) m[gid] = f = { name: book.formName(face, gid), page: 0 };
        if (f.page !== page) {
          f.page = page;
          forms.set(f.name, [face, gid]);
        }
        return f.name;
      },
      image: (item) => {
        const name = this.imageName(item.key);
        images.set(name, item);
        return name;
      },
    };
    if (tagged) sink.mark = (node) => marks.push(node) - 1;
    const out = opBuffer;
    out.len = 0;
    if (offsetY) out.str(`q 1 0 0 1 0 ${offsetY} cm\n`);
    writeOps(items, pageHeight, sink, out);
    if (offsetY) out.str('\nQ');
    // Deflating was a quarter of the page time on the main thread; zlib's async deflate
    // runs on the thread pool (the other core) and gives the same bytes. The operators
    // are copied: `opBuffer` is reused by the next page before the pool reads it.
    return { bytes: deflatePage(out.bytes().slice()), codes, forms, images, marks };
  }
}

function deflatePage(ops: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    deflate(ops, { level: 6 }, (err, packed) => {
      if (err) reject(err);
      else resolve(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
    });
  });
}

export class PdfWriter {
  readonly fonts: DocFonts;
  private readonly images = new Map<string, PDFRef>();
  private readonly pendingImages: Array<{ ref: PDFRef; item: ImageFrameItem }> = [];
  /** Content streams whose deflated bytes are still on the thread pool: written by `finish`. */
  private readonly pendingContents: Array<{ ref: PDFRef; bytes: Promise<Uint8Array> }> = [];
  private readonly anchors = new Map<string, { page: PDFPage; y: number }>();
  /** Anchors also written as named destinations (headings), first one of a name wins. */
  private readonly named = new Set<string>();
  private readonly links: PendingLink[] = [];
  readonly pages: PDFPage[] = [];
  readonly cache: RenderCache;
  /** Tagged documents: the structure tree the pages' marked content builds. */
  private readonly struct?: StructTree;
  /**
   * Items are written as marked content: tagged documents, and stamps on existing PDFs
   * (`artifactsOnly`: a stamp is an artifact, and the document's own tree is left alone).
   */
  private readonly marked: boolean;

  /**
   * `tagged`: pages are written as tagged content and `finish` writes the structure tree
   * (pages drawn with `draw` on existing pages carry artifacts only: stamps).
   */
  constructor(readonly doc: PDFDocument, cache: RenderCache | string = new RenderCache(), opts: { tagged?: boolean; artifactsOnly?: boolean; order?: ChildOrder } = {}) {
    this.cache = typeof cache === 'string' ? new RenderCache(cache) : cache;
    if (opts.tagged) this.struct = new StructTree(opts.order);
    this.marked = opts.tagged === true || opts.artifactsOnly === true;
    this.fonts = new DocFonts(doc, this.cache.book);
    // Compile the font subsetter on a background thread while pages are drawn.
    void warmSubsetter();
  }

  /** Appends a page drawn from a frame (rendered once per build, then reused). */
  addPage(frame: PageFrame): PDFPage {
    const page = this.doc.addPage([frame.width, frame.height]);
    this.pages.push(page);
    let rendered = this.cache.pages.get(frame);
    if (!rendered) {
      rendered = this.cache.render(frame.items, frame.height, 0, this.struct !== undefined);
      this.cache.pages.set(frame, rendered);
    }
    this.struct?.addPage(page, rendered.marks);
    this.collect(page, frame.items, frame.height, 0);
    this.attach(page, rendered, false);
    return page;
  }

  /** Copied pages of a tagged PDF with their structure (see pdf/graft-tags.ts): they join the tree where they come. */
  graft(g: Graft): void {
    this.struct?.addGraft(g);
  }

  /** Registers a named destination on an existing page (copied annex pages). */
  addAnchor(name: string, page: PDFPage, y = 0): void {
    if (!this.anchors.has(name)) this.anchors.set(name, { page, y });
  }

  /**
   * Draws items on an existing `page`. With `overlay`, the existing content is wrapped
   * in q/Q so our graphics state starts clean, and nothing of the original is changed.
   * `matrix` then maps the drawing onto the page (a header turned for a rotated page):
   * link areas follow it, anchors keep their unmapped height. `own`: the page is one of
   * this document's (a poster page over its artwork layer), so its content takes part in
   * the structure tree even drawn as an overlay.
   */
  draw(page: PDFPage, items: FrameItem[], pageHeight: number, overlay: boolean, offsetY = 0, matrix?: Matrix, own = !overlay): void {
    this.collect(page, items, pageHeight, offsetY, matrix);
    const rendered = this.cache.render(items, pageHeight, offsetY, this.marked);
    // A page of its own drawn here (a poster) takes part in the tree; a stamp on an
    // existing page writes artifacts only, and the page keeps what it had.
    if (this.struct && own) this.struct.addPage(page, rendered.marks);
    this.attach(page, rendered, overlay, matrix);
  }

  private collect(page: PDFPage, items: FrameItem[], pageHeight: number, offsetY: number, matrix?: Matrix): void {
    for (const it of items) {
      if (it.kind === 'group') {
        this.collect(page, shiftItems(it.items, it.x, it.y), pageHeight, offsetY, matrix);
        continue;
      }
      if (it.kind === 'anchor' && !this.anchors.has(it.name)) {
        this.anchors.set(it.name, { page, y: pageHeight - it.y + offsetY });
        if (it.named) this.named.add(it.name);
      }
      if (it.kind === 'link') {
        const rect: PendingLink['rect'] = [it.x, pageHeight - it.y - it.h + offsetY, it.x + it.w, pageHeight - it.y + offsetY];
        this.links.push({ page, dest: it.dest, uri: it.uri, rect: matrix ? transformRect(matrix, rect) : rect, node: this.struct ? it.tag : undefined });
      }
    }
  }

  private attach(page: PDFPage, r: RenderedPage, overlay: boolean, matrix?: Matrix): void {
    const ctx = this.doc.context;
    const resources = page.node.normalizedEntries().Resources;
    const dictOf = (key: string): PDFDict => {
      let d = resources.lookup(PDFName.of(key));
      if (!(d instanceof PDFDict)) {
        d = ctx.obj({});
        resources.set(PDFName.of(key), d as PDFDict);
      }
      return d as PDFDict;
    };
    if (r.codes.size) {
      const fontDict = dictOf('Font');
      for (const [face, codes] of r.codes) {
        this.fonts.useCodes(face, codes);
        fontDict.set(PDFName.of(this.cache.book.fontName(face)), this.fonts.fontRef(face));
      }
    }
    if (r.forms.size || r.images.size) {
      const xo = dictOf('XObject');
      for (const [name, [face, gid]] of r.forms) xo.set(PDFName.of(name), this.fonts.glyphForm(face, gid));
      for (const [name, item] of r.images) {
        let ref = this.images.get(item.key);
        if (!ref) {
          ref = ctx.nextRef();
          this.images.set(item.key, ref);
          this.pendingImages.push({ ref, item });
        }
        xo.set(PDFName.of(name), ref);
      }
    }
    // The object number is taken now (same numbering as writing the stream here).
    const ref = ctx.nextRef();
    this.pendingContents.push({ ref, bytes: r.bytes });
    // A matrix goes in streams of its own around the page's (which may be shared, see RenderCache).
    const own: PDFRef[] = matrix ? [ctx.register(ctx.stream(`q ${matrix.map(num).join(' ')} cm\n`)), ref, ctx.register(ctx.stream('\nQ\n'))] : [ref];
    if (overlay) {
      const pre = ctx.register(ctx.stream('q\n'));
      const post = ctx.register(ctx.stream('\nQ\n'));
      const existing = page.node.Contents();
      const arr = PDFArray.withContext(ctx);
      arr.push(pre);
      if (existing instanceof PDFArray) for (let i = 0; i < existing.size(); i++) arr.push(existing.get(i));
      else if (existing) arr.push(page.node.get(PDFName.of('Contents'))!);
      arr.push(post);
      for (const o of own) arr.push(o);
      page.node.set(PDFName.of('Contents'), arr);
    } else {
      page.node.set(PDFName.of('Contents'), own.length === 1 ? ref : ctx.obj(own));
    }
  }

  /** Page contents, fonts, images, links and outline: call once after the last page, before saving. */
  async finish(outline: OutlineEntry[] = []): Promise<void> {
    for (const { ref, bytes } of this.pendingContents) this.doc.context.assign(ref, this.doc.context.stream(await bytes, { Filter: 'FlateDecode' }));
    this.pendingContents.length = 0;
    for (const { ref, item } of this.pendingImages) {
      try {
        const img = item.format === 'png' ? await this.doc.embedPng(item.data) : await this.doc.embedJpg(item.data);
        await img.embed();
        // Move the embedded image object onto the reserved ref.
        this.doc.context.assign(ref, this.doc.context.lookup(img.ref)!);
        this.doc.context.delete(img.ref);
      } catch {
        // A broken image was reported by the layout; draw nothing rather than fail.
        this.doc.context.assign(ref, this.doc.context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1] }));
      }
    }
    await subsetterReady();
    this.fonts.finalize();
    for (const l of this.links) {
      const annot = this.linkAnnotation(l);
      if (!annot) continue;
      const ref = this.doc.context.register(annot);
      if (l.node && this.struct) this.struct.addAnnotation(l.page, annot, ref, l.node);
      const annots = l.page.node.lookup(PDFName.of('Annots'));
      if (annots instanceof PDFArray) annots.push(ref);
      else l.page.node.set(PDFName.of('Annots'), this.doc.context.obj([ref]));
    }
    if (outline.length) this.writeOutline(outline);
    if (this.named.size) this.writeNamedDestinations();
    this.struct?.write(this.doc);
  }

  /**
   * The catalog's /Names /Dests tree (one leaf): heading anchors by the name the site uses as
   * their id, so `sop.pdf#nameddest=<id>` opens at the heading. Keys are PDF text strings (ASCII
   * as is, anything else UTF-16BE), sorted by their bytes as the name tree requires.
   */
  private writeNamedDestinations(): void {
    const ctx = this.doc.context;
    const keyOf = (name: string) => (/^[\x20-\x7e]*$/.test(name) ? PDFString.of(name.replace(/[\\()]/g, '\\$&')) : PDFHexString.fromText(name));
    const bytesOf = (name: string) => (/^[\x20-\x7e]*$/.test(name) ? Buffer.from(name, 'latin1') : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(name, 'utf16le').swap16()]));
    const names = [...this.named].map((n) => ({ n, b: bytesOf(n) })).sort((a, b) => Buffer.compare(a.b, b.b));
    const list: unknown[] = [];
    for (const { n } of names) {
      const t = this.anchors.get(n)!;
      list.push(keyOf(n), ctx.obj([t.page.ref, 'XYZ', PDFNull, Math.round(t.y), PDFNull]));
    }
    const dests = ctx.register(ctx.obj({ Names: list as never }));
    const catalog = this.doc.catalog;
    let namesDict = catalog.lookup(PDFName.of('Names'));
    if (!(namesDict instanceof PDFDict)) {
      namesDict = ctx.obj({});
      catalog.set(PDFName.of('Names'), ctx.register(namesDict as PDFDict));
    }
    (namesDict as PDFDict).set(PDFName.of('Dests'), dests);
  }

  /** A /Link annotation: a jump to an anchor of this document, or a URI action. */
  private linkAnnotation(l: PendingLink): PDFDict | undefined {
    const rect = l.rect.map((v) => Math.round(v * 100) / 100);
    // Tagged: the link's text as its alternate description (PDF/UA asks links for one).
    const alt = l.node?.contents ? { Contents: PDFHexString.fromText(l.node.contents) } : {};
    if (l.uri !== undefined) {
      // pdf-lib writes a PDFString's value verbatim between parentheses: escape them and backslashes.
      const uri = PDFString.of(l.uri.replace(/[\\()]/g, '\\$&'));
      return this.doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...alt, A: { S: 'URI', URI: uri } });
    }
    const target = l.dest === undefined ? undefined : this.anchors.get(l.dest);
    if (!target) return undefined;
    return this.doc.context.obj({
      Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...alt,
      Dest: [target.page.ref, 'XYZ', PDFNull, Math.round(target.y), PDFNull],
    });
  }

  private writeOutline(entries: OutlineEntry[]): void {
    const ctx = this.doc.context;
    const rootRef = ctx.nextRef();
    const build = (list: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
      const refs = list.map(() => ctx.nextRef());
      let count = 0;
      list.forEach((e, i) => {
        const target = this.anchors.get(e.dest);
        const dict: Record<string, unknown> = {
          Title: PDFHexString.fromText(e.title),
          Parent: parent,
        };
        if (target) dict.Dest = [target.page.ref, 'XYZ', PDFNull, Math.round(target.y), PDFNull];
        if (i > 0) dict.Prev = refs[i - 1];
        if (i < list.length - 1) dict.Next = refs[i + 1];
        const node = ctx.obj(dict as never) as unknown as PDFDict;
        if (e.children.length) {
          const sub = build(e.children, refs[i]!);
          node.set(PDFName.of('First'), sub.first);
          node.set(PDFName.of('Last'), sub.last);
          node.set(PDFName.of('Count'), PDFNumber.of(-sub.count));
        }
        ctx.assign(refs[i]!, node);
        count++;
      });
      return { first: refs[0]!, last: refs[refs.length - 1]!, count };
    };
    const top = build(entries, rootRef);
    ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
    this.doc.catalog.set(PDFName.of('Outlines'), rootRef);
    this.doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
}

/** A number as a content stream writes it: at most 4 decimals, no exponent, no "-0". */
function num(v: number): string {
  const r = Math.round(v * 10000) / 10000;
  return r === 0 ? '0' : String(r);
}

/** The bounding box of a rectangle [x0 y0 x1 y1] mapped by `m`. */
function transformRect(m: Matrix, [x0, y0, x1, y1]: [number, number, number, number]): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Title, subject, language, version and fixed dates derived from the SOP date. `pdfua`:
 * the document is tagged throughout (every page sopkit's, or an annex's taken with its
 * tags): the XMP metadata says so (PDF/UA-1, see pdf/xmp.ts).
 */
export function setMetadata(doc: PDFDocument, meta: DocumentMeta, opts: { pdfua?: boolean } = {}): void {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const stamp = Number.isNaN(date.getTime()) ? new Date(0) : date;
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  if (meta.author) doc.setAuthor(meta.author);
  doc.setProducer('sopkit');
  doc.setCreator('sopkit');
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  doc.setLanguage(meta.lang);
  if (meta.version) {
    const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
    info.set(PDFName.of('SopVersion'), PDFString.of(meta.version));
  }
  if (opts.pdfua) writeXmp(doc, meta);
}

export { PDFContentStream };
