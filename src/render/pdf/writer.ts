/**
 * Frames → pdf-lib document: pages, fonts, images, internal links, outline, metadata.
 * Knows nothing about Markdown. Works on new and on loaded documents (stamping).
 */
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFString, PDFNull,
  PDFContentStream,
} from 'pdf-lib';
import type { DocumentMeta, FrameItem, OutlineEntry, PageFrame } from '../../layout/frame.js';
import { subsetterReady, warmSubsetter, type GlyphRun } from '../../text/index.js';
import { CidFontSet } from './cid-font.js';
import { deflateStream } from './deflate.js';
import { itemsToOps, type ResourceSink } from './content.js';

interface PendingLink {
  page: PDFPage;
  rect: [number, number, number, number];
  dest: string;
}

export class PdfWriter {
  readonly fonts: CidFontSet;
  private readonly images = new Map<string, PDFRef | null>();
  private readonly anchors = new Map<string, { page: PDFPage; y: number }>();
  private readonly links: PendingLink[] = [];
  /** Anchors of pages added in order: used for outline entries of copied pages. */
  readonly pages: PDFPage[] = [];

  constructor(readonly doc: PDFDocument, fontPrefix = 'F') {
    this.fonts = new CidFontSet(doc, fontPrefix);
    // Compile the font subsetter on a background thread while pages are drawn.
    void warmSubsetter();
  }

  /** Appends a page drawn from a frame. */
  addPage(frame: PageFrame): PDFPage {
    const page = this.doc.addPage([frame.width, frame.height]);
    this.pages.push(page);
    this.draw(page, frame.items, frame.height, false);
    return page;
  }

  /** Registers a named destination on an existing page (copied annex pages). */
  addAnchor(name: string, page: PDFPage, y = 0): void {
    if (!this.anchors.has(name)) this.anchors.set(name, { page, y });
  }

  /**
   * Draws items on `page`. With `overlay`, the existing content is wrapped in q/Q so our
   * graphics state starts clean, and nothing of the original is changed.
   */
  draw(page: PDFPage, items: FrameItem[], pageHeight: number, overlay: boolean, offsetY = 0): void {
    const fontNames = new Map<string, PDFRef>();
    const imageNames = new Map<string, PDFRef>();
    const self = this;
    const sink: ResourceSink = {
      fonts: this.fonts,
      font(run: GlyphRun) {
        const { name, ref } = self.fonts.use(run.face);
        fontNames.set(name, ref);
        return name;
      },
      glyph(run: GlyphRun, gid: number) {
        const { name, ref } = self.fonts.glyphForm(run.face, gid);
        imageNames.set(name, ref);
        return name;
      },
      image(item) {
        let ref = self.images.get(item.key);
        if (ref === undefined) {
          ref = null;
          try {
            // embedPng/embedJpg are async in API but do the work synchronously for bytes.
            ref = self.doc.context.nextRef();
            self.pendingImages.push({ ref, item });
          } catch {
            ref = null;
          }
          self.images.set(item.key, ref);
        }
        if (!ref) return undefined;
        const name = `Im${[...self.images.keys()].indexOf(item.key) + 1}`;
        imageNames.set(name, ref);
        return name;
      },
    };
    for (const it of items) {
      if (it.kind === 'anchor' && !this.anchors.has(it.name)) this.anchors.set(it.name, { page, y: pageHeight - it.y + offsetY });
      if (it.kind === 'link') {
        this.links.push({ page, dest: it.dest, rect: [it.x, pageHeight - it.y - it.h + offsetY, it.x + it.w, pageHeight - it.y + offsetY] });
      }
    }
    let ops = itemsToOps(items, pageHeight, sink);
    if (offsetY) ops = `q 1 0 0 1 0 ${offsetY} cm\n${ops}\nQ`;
    const ctx = this.doc.context;
    const resources = page.node.normalizedEntries().Resources;
    let fontDict = resources.lookup(PDFName.of('Font'));
    if (!(fontDict instanceof PDFDict)) {
      fontDict = ctx.obj({});
      resources.set(PDFName.of('Font'), fontDict as PDFDict);
    }
    for (const [name, ref] of [...fontNames].sort()) (fontDict as PDFDict).set(PDFName.of(name), ref);
    if (imageNames.size) {
      let xo = resources.lookup(PDFName.of('XObject'));
      if (!(xo instanceof PDFDict)) {
        xo = ctx.obj({});
        resources.set(PDFName.of('XObject'), xo as PDFDict);
      }
      for (const [name, ref] of [...imageNames].sort()) (xo as PDFDict).set(PDFName.of(name), ref);
    }
    const stream = deflateStream(ctx, ops);
    const ref = ctx.register(stream);
    if (overlay) {
      const pre = ctx.register(ctx.stream('q\n'));
      const post = ctx.register(ctx.stream('\nQ\n'));
      const existing = page.node.Contents();
      const arr = PDFArray.withContext(ctx);
      arr.push(pre);
      if (existing instanceof PDFArray) for (let i = 0; i < existing.size(); i++) arr.push(existing.get(i));
      else if (existing) arr.push(page.node.get(PDFName.of('Contents'))!);
      arr.push(post);
      arr.push(ref);
      page.node.set(PDFName.of('Contents'), arr);
    } else {
      page.node.set(PDFName.of('Contents'), ref);
    }
  }

  private readonly pendingImages: Array<{ ref: PDFRef; item: Extract<FrameItem, { kind: 'image' }> }> = [];

  /** Fonts, images, links and outline: call once after the last page. */
  async finish(outline: OutlineEntry[] = []): Promise<void> {
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
      const target = this.anchors.get(l.dest);
      if (!target) continue;
      const annot = this.doc.context.obj({
        Type: 'Annot', Subtype: 'Link', Rect: l.rect.map((v) => Math.round(v * 100) / 100), Border: [0, 0, 0],
        Dest: [target.page.ref, 'XYZ', PDFNull, Math.round(target.y), PDFNull],
      });
      const ref = this.doc.context.register(annot);
      const annots = l.page.node.lookup(PDFName.of('Annots'));
      if (annots instanceof PDFArray) annots.push(ref);
      else l.page.node.set(PDFName.of('Annots'), this.doc.context.obj([ref]));
    }
    if (outline.length) this.writeOutline(outline);
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

/** Title, subject, language, version and fixed dates derived from the SOP date. */
export function setMetadata(doc: PDFDocument, meta: DocumentMeta): void {
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
}

export { PDFContentStream };
