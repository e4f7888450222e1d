/**
 * The structure tree of a tagged PDF, from the elements the pages' marked content belongs
 * to (frame `StructNode`s, recorded per page by MCID while the pages are written):
 * StructTreeRoot → Document → the layout's top-level elements, a ParentTree (number
 * tree: each page's StructParents → its elements by MCID; each link annotation's
 * StructParent → its Link element), /MarkInfo, /Tabs /S.
 *
 * An element's children are in the order their content is first drawn, which is reading
 * order as the layout emits it, except `float` elements (footnotes), which go at the end
 * of their parent: after the paragraph that references them, not at the page foot.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFString } from '../vendor/pdf-lib.js';
import type { StructNode } from '../frame/types.js';
import { creationOrder } from '../frame/struct.js';
import type { Graft } from './graft-tags.js';

/**
 * How an element's children are ordered: as their content is first `drawn` (the SOP's
 * pages, drawn in reading order), or as the layout `created` them (posters and cards:
 * an imposed booklet draws its pages out of reading order, a card sheet its copies).
 */
export type ChildOrder = 'drawn' | 'created';

type Kid =
  | { kind: 'mcid'; page: PDFPage; mcid: number }
  | { kind: 'elem'; node: StructNode }
  | { kind: 'objr'; page: PDFPage; annot: PDFRef };

export class StructTree {
  private readonly pages: Array<{ page: PDFPage; marks: readonly StructNode[]; graft?: { parents: PDFArray | undefined; top?: PDFRef[] } }> = [];
  private readonly graftAnnots: Graft['annots'] = [];
  private roleMap?: PDFDict;
  private readonly annots: Array<{ page: PDFPage; annot: PDFDict; ref: PDFRef; node: StructNode }> = [];

  constructor(private readonly order: ChildOrder = 'drawn') {}

  /** Records a page's marked content (index = MCID). Pages without any still get /Tabs. */
  addPage(page: PDFPage, marks: readonly StructNode[]): void {
    this.pages.push({ page, marks });
  }

  /**
   * Pages copied from a tagged PDF with their structure (`graftStructure`): its top
   * elements go into the Document where its first page comes.
   */
  addGraft(g: Graft): void {
    g.pages.forEach(({ page, parents }, i) => this.pages.push({ page, marks: [], graft: { parents, ...(i === 0 ? { top: g.top } : {}) } }));
    this.graftAnnots.push(...g.annots);
    if (g.roleMap) this.roleMap = g.roleMap;
  }

  /** A link annotation of element `node` (written as an OBJR kid of it). */
  addAnnotation(page: PDFPage, annot: PDFDict, ref: PDFRef, node: StructNode): void {
    this.annots.push({ page, annot, ref, node });
  }

  get empty(): boolean {
    return this.pages.every((p) => p.marks.length === 0);
  }

  /** Writes the tree into `doc` (call once, after the last page and annotation). */
  write(doc: PDFDocument): void {
    const ctx = doc.context;
    const refs = new Map<StructNode, PDFRef>();
    const kids = new Map<StructNode, Kid[]>();
    const pageOf = new Map<StructNode, PDFPage>();
    const top: Array<StructNode | PDFRef> = [];
    const floats: StructNode[] = [];
    const ensure = (n: StructNode): PDFRef => {
      let r = refs.get(n);
      if (r) return r;
      r = ctx.nextRef();
      refs.set(n, r);
      kids.set(n, []);
      if (n.parent) {
        ensure(n.parent);
        if (n.float) floats.push(n);
        else kids.get(n.parent)!.push({ kind: 'elem', node: n });
      } else top.push(n);
      return r;
    };
    const nums: unknown[] = [];
    this.pages.forEach(({ page, marks, graft }, k) => {
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      if (graft) {
        if (graft.top) top.push(...graft.top);
        if (graft.parents) {
          page.node.set(PDFName.of('StructParents'), PDFNumber.of(k));
          nums.push(k, ctx.register(graft.parents));
        } else page.node.delete(PDFName.of('StructParents'));
        return;
      }
      if (!marks.length) return;
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(k));
      const parents = marks.map((n, mcid) => {
        const r = ensure(n);
        if (!pageOf.has(n)) pageOf.set(n, page);
        kids.get(n)!.push({ kind: 'mcid', page, mcid });
        return r;
      });
      nums.push(k, ctx.obj(parents));
    });
    this.annots.forEach(({ page, annot, ref, node }, i) => {
      const key = this.pages.length + i;
      ensure(node);
      kids.get(node)!.push({ kind: 'objr', page, annot: ref });
      annot.set(PDFName.of('StructParent'), PDFNumber.of(key));
      nums.push(key, refs.get(node)!);
    });
    this.graftAnnots.forEach(({ annot, elem }, i) => {
      const key = this.pages.length + this.annots.length + i;
      annot.set(PDFName.of('StructParent'), PDFNumber.of(key));
      nums.push(key, elem);
    });
    for (const f of floats) kids.get(f.parent!)!.push({ kind: 'elem', node: f });
    // A table row keeps every cell, in column order, empty ones included (they draw no content).
    for (const tr of [...refs.keys()].filter((n) => n.role === 'TR')) {
      for (const c of tr.children) ensure(c);
      kids.set(tr, tr.children.map((node) => ({ kind: 'elem', node })));
    }

    if (this.order === 'created') {
      // Content first (an element is either a leaf or a container here), then the child
      // elements in the order they were made; top-level elements the same way.
      const byCreation = (a: StructNode, b: StructNode) => creationOrder(a) - creationOrder(b);
      for (const [n, list] of kids) {
        const elems = list.filter((k) => k.kind === 'elem').map((k) => (k as { node: StructNode }).node).sort(byCreation);
        kids.set(n, [...list.filter((k) => k.kind !== 'elem'), ...elems.map((node) => ({ kind: 'elem' as const, node }))]);
      }
      if (top.every((t): t is StructNode => !(t instanceof PDFRef))) top.sort(byCreation);
    }
    const rootRef = ctx.nextRef();
    // A layout that made its own Document element (the only top-level one) has it written as the tree's Document.
    const first = top[0];
    const own = top.length === 1 && first && !(first instanceof PDFRef) && first.role === 'Document' ? first : undefined;
    const docRef = own ? refs.get(own)! : ctx.nextRef();
    for (const [n, ref] of refs) {
      const pg = pageOf.get(n);
      const k = kids.get(n)!.map((kid) => {
        if (kid.kind === 'elem') return refs.get(kid.node)!;
        if (kid.kind === 'objr') return ctx.obj({ Type: 'OBJR', Obj: kid.annot, Pg: kid.page.ref });
        return kid.page === pg ? PDFNumber.of(kid.mcid) : ctx.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid });
      });
      const dict: Record<string, unknown> = { Type: 'StructElem', S: n.role, P: n.parent ? refs.get(n.parent)! : n === own ? rootRef : docRef, K: k };
      if (pg) dict.Pg = pg.ref;
      if (n.alt !== undefined) dict.Alt = PDFHexString.fromText(n.alt);
      if (n.lang) dict.Lang = PDFString.of(n.lang);
      if (n.id) dict.ID = PDFHexString.fromText(n.id);
      if (n.scope) dict.A = ctx.obj({ O: 'Table', Scope: n.scope });
      ctx.assign(ref, ctx.obj(dict as never));
    }
    if (!own) ctx.assign(docRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: top.map((n) => (n instanceof PDFRef ? n : refs.get(n)!)) }));
    // Grafted top elements hang from this Document.
    for (const t of top) if (t instanceof PDFRef) (ctx.lookup(t) as PDFDict).set(PDFName.of('P'), docRef);
    const parentTree = ctx.register(ctx.obj({ Nums: nums as never }));
    ctx.assign(rootRef, ctx.obj({
      Type: 'StructTreeRoot', K: docRef, ParentTree: parentTree, ParentTreeNextKey: this.pages.length + this.annots.length + this.graftAnnots.length,
      ...(this.roleMap ? { RoleMap: this.roleMap } : {}),
    }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
