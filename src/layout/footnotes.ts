/**
 * Footnotes at the foot of the page: each footnote body is laid out once and attached
 * to the slice holding its first reference mark; the paginator sets it at the foot of
 * the page that slice lands on (see paginate.ts).
 */
import { localizeDigits } from '../i18n/index.js';
import type { Span, TextStyle } from '../text/index.js';
import { paragraphSlices } from './paragraph.js';
import type { Box, LayoutContext } from './context.js';
import { collectSpans, footnoteAnchor, footnoteNumber } from './inline.js';
import type { Slice } from './slice.js';
import { structNode } from '../frame/struct.js';
import type { StructNode } from '../frame/types.js';

/**
 * The body of one footnote ("N. text"), in the footnote size, with its anchor on the first
 * line: a Note (read after `parent`'s content, see StructNode.float) holding one P.
 */
export function footnoteBody(id: string, box: Box, ctx: LayoutContext, parent: StructNode | undefined = ctx.struct): Slice[] {
  const th = ctx.theme;
  const def = ctx.section.footnoteDefs.get(id);
  const style: TextStyle = { size: th.smallSize, color: th.text };
  const spans: Span[] = [{ text: localizeDigits(String(footnoteNumber(ctx, id)), ctx.digits) + '. ', style: { ...style, bold: true } }];
  for (const child of def?.children ?? []) {
    if (spans.length > 1) spans.push({ text: ' ', style });
    collectSpans(child.children, style, ctx, spans);
  }
  const outer = ctx.struct;
  ctx.struct = structNode('Note', parent, { float: true, id: footnoteAnchor(ctx, id) });
  const slices = paragraphSlices(spans, style, box, ctx, { align: 'start', spaceBefore: 2, lineHeight: 1.45 }, def);
  ctx.struct = outer;
  // Widow/orphan control is the body's business: a note may split at any line.
  for (const s of slices) delete s.keepWithNext;
  if (slices[0]) slices[0].items.unshift({ kind: 'anchor', name: footnoteAnchor(ctx, id), y: 0 });
  return slices;
}

/** The element whose text references a note (the paragraph or cell holding the reference link). */
function referrer(slice: Slice, anchor: string): StructNode | undefined {
  for (const it of slice.items) if (it.kind === 'link' && it.dest === anchor && it.tag) return it.tag.parent;
  for (const s of slice.footnotes ?? []) for (const it of s.items) if (it.kind === 'link' && it.dest === anchor && it.tag) return it.tag.parent;
  return undefined;
}

/** Footnote anchors (`fn:…`) that the links of `slices` point to, in reading order. */
function referencedAnchors(slice: Slice, prefix: string): string[] {
  const out: string[] = [];
  for (const it of slice.items) if (it.kind === 'link' && it.dest?.startsWith(prefix) && !out.includes(it.dest)) out.push(it.dest);
  return out;
}

/**
 * Attaches the bodies of the current section's footnotes to the slices that reference
 * them (first reference only: a note referenced twice prints once). Definitions never
 * referenced go with the section's last slice, so none is lost.
 */
export function attachFootnotes(slices: Slice[], box: Box, ctx: LayoutContext): void {
  const sec = ctx.section;
  const prefix = footnoteAnchor(ctx, '');
  const byAnchor = new Map<string, string>();
  const known = () => {
    for (const id of [...sec.footnoteOrder, ...sec.footnoteDefs.keys()]) byAnchor.set(footnoteAnchor(ctx, id), id);
  };
  known();
  const placed = new Set<string>();
  const attach = (host: Slice, ids: string[]) => {
    // A note's own references (rare) hang on the same line as the note.
    const queue = [...ids];
    while (queue.length) {
      const id = queue.shift()!;
      if (placed.has(id)) continue;
      placed.add(id);
      const body = footnoteBody(id, box, ctx, referrer(host, footnoteAnchor(ctx, id)) ?? ctx.struct);
      (host.footnotes ??= []).push(...body);
      known();
      for (const s of body) for (const a of referencedAnchors(s, prefix)) {
        const next = byAnchor.get(a);
        if (next !== undefined && !placed.has(next)) queue.push(next);
      }
    }
  };
  for (const s of slices) {
    const ids = referencedAnchors(s, prefix).map((a) => byAnchor.get(a)).filter((id): id is string => id !== undefined);
    if (ids.length) attach(s, ids);
  }
  const rest = [...sec.footnoteOrder, ...sec.footnoteDefs.keys()].filter((id) => !placed.has(id));
  if (!rest.length) return;
  let host = slices[slices.length - 1];
  if (!host) slices.push((host = { height: 0, items: [] }));
  attach(host, rest);
}

/** The short rule above a page's footnotes, on the start side of the column. */
export function noteSeparator(box: Box, ctx: LayoutContext): Slice {
  const w = box.width * 0.3;
  const x = ctx.dir === 'rtl' ? box.x + box.width - w : box.x;
  return { height: 12, items: [{ kind: 'rule', x1: x, x2: x + w, y1: 6, y2: 6, width: 0.5, color: ctx.theme.ruleColor }] };
}
