/**
 * Building the structure tree a layout hands to the PDF writer with its frames: elements
 * (`StructNode`) appended to their parent in reading order, artifact tags for what a
 * reader skips, and tagging of item lists.
 */
import type { ArtifactTag, FrameItem, ItemTag, StructNode, StructRole } from './types.js';

/** A new element, appended to `parent`'s children (none: a top-level element of the document). */
export function structNode(role: StructRole, parent?: StructNode, props: Partial<Omit<StructNode, 'role' | 'parent' | 'children'>> = {}): StructNode {
  const n: StructNode = { role, children: [], ...props };
  created.set(n, ++serial);
  if (parent) {
    n.parent = parent;
    parent.children.push(n);
  }
  return n;
}

// When each element was made: a layout that makes its elements in reading order (posters,
// cards, the pocket guide) but draws them out of it (an imposed booklet puts page 8 beside
// page 1) has its tree read in this order (`StructTree` with `order: 'created'`).
const created = new WeakMap<StructNode, number>();
let serial = 0;

/** The order elements were made in (elements not made by `structNode`: 0). */
export function creationOrder(n: StructNode): number {
  return created.get(n) ?? 0;
}

export function isArtifact(tag: ItemTag | undefined): tag is ArtifactTag {
  return tag !== undefined && 'artifact' in tag;
}

// Shared constants: consecutive items with the same tag object share one marked-content sequence.
export const HEADER_ARTIFACT: ArtifactTag = { artifact: 'Pagination', subtype: 'Header' };
export const FOOTER_ARTIFACT: ArtifactTag = { artifact: 'Pagination', subtype: 'Footer' };
export const WATERMARK_ARTIFACT: ArtifactTag = { artifact: 'Pagination', subtype: 'Watermark' };
/** A repeated table header, on the pages after its first. */
export const PAGINATION_ARTIFACT: ArtifactTag = { artifact: 'Pagination' };
/** Printer's marks (crop, fold and cut marks): production aids, not part of the document. */
export const PAGE_ARTIFACT: ArtifactTag = { artifact: 'Page' };
/** Rules, boxes, backgrounds: drawn for the eye only. */
export const LAYOUT_ARTIFACT: ArtifactTag = { artifact: 'Layout' };

/**
 * Sets `tag` on the items that have none (text, shapes, images, groups). Links and
 * anchors are left alone: they are not drawn.
 */
export function tagItems(items: FrameItem[], tag: ItemTag): void {
  for (const it of items) {
    if (it.kind === 'link' || it.kind === 'anchor') continue;
    if (it.tag === undefined) it.tag = tag;
  }
}

/** Every item of a list as an artifact of `tag` (a repeated header), copied, leaving the originals as they are. */
export function asArtifacts(items: FrameItem[], tag: ArtifactTag): FrameItem[] {
  return items.map((it) => {
    if (it.kind === 'anchor') return it;
    if (it.kind === 'link') {
      const { tag: _drop, ...rest } = it;
      void _drop;
      return rest as FrameItem;
    }
    if (it.kind === 'text') {
      const { runTags: _r, ...rest } = it;
      void _r;
      return { ...rest, tag };
    }
    return { ...it, tag };
  });
}

/** The heading role of a level (1–6; deeper levels stay H6). */
export function headingRole(level: number): StructRole {
  return `H${Math.min(6, Math.max(1, Math.round(level)))}` as StructRole;
}
