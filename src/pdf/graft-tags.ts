/**
 * An external annex's own structure tree, grafted into the pack that copies its pages:
 * the annex's elements are copied into the pack (their /Pg pointing at the copied pages,
 * their OBJRs at the copied annotations), its Document becomes a Sect of the pack's
 * Document (with the annex's /Lang), and each copied page's ParentTree entry is carried
 * over, so the marked content the copied pages keep (their MCIDs) is found in the pack's
 * tree. An annex without a tree gives nothing: its pages stay untagged, and `verify --tags`
 * names them as the author's PDF.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFString, type PDFObject, type PDFPage } from '../vendor/pdf-lib.js';

/** What the pack's tree takes from an annex (see `StructTree.addGraft`). */
export interface Graft {
  /** The annex's top elements, for the pack's Document, in order. */
  top: PDFRef[];
  /** Per copied page: the elements of its marked content, by MCID (its ParentTree entry). */
  pages: Array<{ page: PDFPage; parents: PDFArray | undefined }>;
  /** Copied annotations that belong to an element (links): the annotation and its element. */
  annots: Array<{ annot: PDFDict; elem: PDFRef }>;
  /** The annex's RoleMap (its own role names mapped to standard ones), when it has one. */
  roleMap?: PDFDict;
}

/** The (key, value) pairs of a number tree, leaves in order. */
function numberTree(node: PDFDict | undefined, out: Map<number, PDFObject> = new Map(), depth = 0): Map<number, PDFObject> {
  if (!node || depth > 32) return out;
  const nums = node.lookup(PDFName.of('Nums'));
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const k = nums.get(i);
      if (k instanceof PDFNumber) out.set(k.asNumber(), nums.get(i + 1));
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) numberTree(kids.lookup(i) as PDFDict | undefined, out, depth + 1);
  return out;
}

/**
 * Copies `src`'s structure into `dst`, whose pages `copied` are `src`'s pages in order
 * (`dst.copyPages(src, src.getPageIndices())`). Undefined when `src` has no tree.
 */
export function graftStructure(src: PDFDocument, dst: PDFDocument, copied: PDFPage[]): Graft | undefined {
  const root = src.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return undefined;
  const sctx = src.context;
  const dctx = dst.context;
  const srcPages = src.getPages();
  const mapped = new Map<PDFRef, PDFRef>();
  srcPages.forEach((p, i) => {
    if (copied[i]) mapped.set(p.ref, copied[i]!.ref);
  });
  // Annotations: the copied page's /Annots are the source page's, copied in order.
  const annotPairs: Array<{ from: PDFRef; to: PDFRef }> = [];
  srcPages.forEach((p, i) => {
    const a = p.node.lookup(PDFName.of('Annots'));
    const b = copied[i]?.node.lookup(PDFName.of('Annots'));
    if (!(a instanceof PDFArray) || !(b instanceof PDFArray)) return;
    for (let k = 0; k < Math.min(a.size(), b.size()); k++) {
      const x = a.get(k);
      const y = b.get(k);
      if (x instanceof PDFRef && y instanceof PDFRef) {
        mapped.set(x, y);
        annotPairs.push({ from: x, to: y });
      }
    }
  });
  // Every element reachable from the root's /K gets a new object number first, so
  // parents, kids and the ParentTree can point at each other.
  const elems: PDFRef[] = [];
  const visit = (o: PDFObject | undefined, depth: number) => {
    if (depth > 256 || o === undefined) return;
    if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) visit(o.get(i), depth);
      return;
    }
    if (!(o instanceof PDFRef) || mapped.has(o)) return;
    const d = sctx.lookup(o);
    if (!(d instanceof PDFDict) || !(d.get(PDFName.of('S')) instanceof PDFName)) return;
    mapped.set(o, dctx.nextRef());
    elems.push(o);
    visit(d.get(PDFName.of('K')), depth + 1);
  };
  visit(root.get(PDFName.of('K')), 0);
  const copier = PDFObjectCopier.for(sctx, dctx);
  const copy = (o: PDFObject): PDFObject => {
    if (o instanceof PDFRef) return mapped.get(o) ?? copier.copy(o);
    if (o instanceof PDFArray) return dctx.obj(o.asArray().map(copy));
    if (o instanceof PDFDict) {
      const out = dctx.obj({});
      for (const [k, v] of o.entries()) out.set(k, copy(v));
      return out;
    }
    return o;
  };
  const lang = src.catalog.lookup(PDFName.of('Lang'));
  const topRefs: PDFRef[] = [];
  const kids = root.get(PDFName.of('K'));
  const rootKids = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  for (const r of elems) {
    const d = sctx.lookup(r) as PDFDict;
    const out = dctx.obj({});
    for (const [k, v] of d.entries()) if (k !== PDFName.of('P')) out.set(k, copy(v));
    const isTop = rootKids.includes(r);
    if (isTop) {
      topRefs.push(mapped.get(r)!);
      // The annex's Document is one part of the pack: a Sect of the pack's Document.
      if (out.get(PDFName.of('S')) === PDFName.of('Document')) out.set(PDFName.of('S'), PDFName.of('Sect'));
      if (lang instanceof PDFString && !out.has(PDFName.of('Lang'))) out.set(PDFName.of('Lang'), PDFString.of(lang.asString()));
    } else {
      const p = d.get(PDFName.of('P'));
      if (p instanceof PDFRef && mapped.has(p)) out.set(PDFName.of('P'), mapped.get(p)!);
    }
    dctx.assign(mapped.get(r)!, out);
  }
  const parentTree = numberTree(root.lookup(PDFName.of('ParentTree')) as PDFDict | undefined);
  const pages = srcPages.map((p, i) => {
    const key = p.node.get(PDFName.of('StructParents'));
    const v = key instanceof PDFNumber ? parentTree.get(key.asNumber()) : undefined;
    const arr = v instanceof PDFRef ? sctx.lookup(v) : v;
    return { page: copied[i]!, parents: arr instanceof PDFArray ? (copy(arr) as PDFArray) : undefined };
  });
  const annots: Graft['annots'] = [];
  for (const { from, to } of annotPairs) {
    const a = sctx.lookup(from);
    const key = a instanceof PDFDict ? a.get(PDFName.of('StructParent')) : undefined;
    const v = key instanceof PDFNumber ? parentTree.get(key.asNumber()) : undefined;
    const target = dctx.lookup(to);
    if (v instanceof PDFRef && mapped.has(v) && target instanceof PDFDict) annots.push({ annot: target, elem: mapped.get(v)! });
  }
  const roleMap = root.lookup(PDFName.of('RoleMap'));
  return { top: topRefs, pages, annots, ...(roleMap instanceof PDFDict ? { roleMap: copy(roleMap) as PDFDict } : {}) };
}
