/**
 * The structure of posters, cards and the pocket guide: the blocks of a column given
 * their elements (frame `StructNode`s, the SOP's tagging machinery: `pdf/draw.ts` marks
 * them, `pdf/struct-tree.ts` writes the tree). A block is a heading when it says so
 * (`role`) or has a band behind it, a list item when it has a marker (consecutive items
 * share one L; the marker is the item's Lbl, the text its LBody), else a paragraph.
 */
import { HEADER_ARTIFACT, structNode } from '../frame/struct.js';
import type { FrameItem, StructNode, StructRole } from '../frame/types.js';
import type { Block } from './column.js';

export interface TagOptions {
  /** The heading role of a banded block without a `role` (default H2). */
  band?: StructRole;
}

/** Copies of `blocks` carrying their elements, made under `parent` in reading order. */
export function tagBlocks(blocks: Block[], parent: StructNode, o: TagOptions = {}): Block[] {
  let list: StructNode | undefined;
  return blocks.map((b) => {
    // A page break is no content.
    if (b.text === '\f') return b;
    const role = b.role ?? (b.band ? o.band ?? 'H2' : b.marker ? 'LI' : 'P');
    if (role !== 'LI') {
      list = undefined;
      return { ...b, tag: structNode(role, parent) };
    }
    list ??= structNode('L', parent);
    const li = structNode('LI', list);
    // A blank marker (a branch under a numbered question) labels nothing.
    const lbl = b.marker?.trim() ? structNode('Lbl', li) : undefined;
    const body = structNode('LBody', li);
    return { ...b, tag: body, markerTag: lbl ?? body };
  });
}

/** A section of a poster, card side or booklet, in `lang` (a bilingual poster's halves differ). */
export function sectionNode(lang: string, parent?: StructNode): StructNode {
  return structNode('Sect', parent, { lang });
}

/** Sets `tag` on items that have none: the stamp, which a reader skips as a running header. */
export function asHeader(items: FrameItem[]): FrameItem[] {
  return items.map((it) => (it.kind === 'lines' || it.kind === 'text' ? { ...it, tag: it.tag ?? HEADER_ARTIFACT } : it));
}

/** Every drawn item of `items` as content of `node` (a Figure: its words are read through its Alt). */
export function asContentOf(items: FrameItem[], node: StructNode): FrameItem[] {
  return items.map((it) => (it.kind === 'link' || it.kind === 'anchor' ? it : { ...it, tag: node }));
}
