/**
 * Block layout: mdast block nodes → slices of the text column. Headings are numbered
 * per component ("8.1", Arabic "٨-١"), lists nest on the start side, quotes get a bar,
 * footnotes are attached to their reference line (footnotes.ts).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { diagnostic } from '../diag/index.js';
import { checkSourcePathSync } from '../fs/policy.js';
import { anchorId, formatNumber, headingText } from '../i18n/index.js';
import { breakParagraph, prepareParagraph, type Span, type TextStyle } from '../text/index.js';
import { lineOf, type Box, type LayoutContext, type MdNode } from './context.js';
import type { AnchorItem, FrameItem, StructNode } from '../frame/types.js';
import { headingRole, structNode } from '../frame/struct.js';
import { collectSpans, plainText } from './inline.js';
import { paragraphSlices } from './paragraph.js';
import type { Slice } from './slice.js';
import { tableSlices } from './table.js';
import { directiveSlices } from './directives.js';
import { imageInfo } from './image.js';

function bodyStyle(ctx: LayoutContext): TextStyle {
  return { size: ctx.theme.bodySize, color: ctx.theme.text };
}

/** "8.1.2" or, with Arabic-Indic digits, "٨-١-٢" (reads right to left as Arabic readers expect). */
export function formatHeadingNumber(parts: number[], ctx: { digits: 'arab' | 'latn' }): string {
  const sep = ctx.digits === 'arab' ? '-' : '.';
  return parts.map((p) => formatNumber(p, ctx.digits)).join(sep);
}

const LEADING_NUMBER = /^\s*[(]?[0-9٠-٩]+([.\-–][0-9٠-٩]+)*[.\-–)]?\s+/;

export function headingSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const depth = node.depth ?? 2;
  const rel = Math.max(1, depth - ctx.section.minDepth + 1);
  const counters = ctx.section.counters;
  counters.length = Math.min(counters.length, rel);
  while (counters.length < rel) counters.push(0);
  counters[rel - 1]! += 1;
  for (let i = 0; i < rel - 1; i++) if (counters[i] === 0) counters[i] = 1;
  const parts = ctx.section.n !== undefined ? [ctx.section.n, ...counters] : [...counters];
  const number = formatHeadingNumber(parts, ctx);
  const sizes = ctx.theme.headingSizes;
  const size = sizes[Math.min(rel, sizes.length - 1)]!;
  const style: TextStyle = { size, bold: true, color: rel <= 1 ? ctx.theme.accent : ctx.theme.text };
  // Authors often number headings by hand; sopkit numbers them, so drop a typed number.
  const children = stripLeadingNumber(node.children ?? []);
  const spans = collectSpans(children, style, ctx);
  const title = plainText(children).trim();
  const anchor = `h:${ctx.section.key}:${counters.join('.')}`;
  const named = headingAnchor(node, ctx);
  const all: Span[] = [{ text: number + ' ', style }, ...spans];
  // The component title is H1; a heading one level below the last one at most (a skipped
  // Markdown level is numbered "x.1" and tagged one level down, so no level is skipped).
  const level = Math.min(rel, (ctx.section.headingLevel ?? 0) + 1);
  ctx.section.headingLevel = level;
  const slices = paragraphSlices(all, style, box, ctx, { align: 'start', spaceBefore: rel <= 1 ? 16 : 11, keepWithNext: true, lineHeight: 1.5, role: headingRole(level + 1) }, node);
  if (slices[0]) slices[0].items.unshift({ kind: 'anchor', name: anchor, y: 0 }, named);
  if (rel === 1 && ctx.section.outline) ctx.section.outline.children.push({ title: `${number} ${title}`, dest: anchor, children: [] });
  return slices;
}

/**
 * The heading's named destination `<scope>--<slug>`: the same name as the heading's id on the
 * site and the anchor `check` resolves `#links` against (`i18n/slug.ts`).
 */
export function headingAnchor(node: MdNode, ctx: LayoutContext): AnchorItem {
  return { kind: 'anchor', name: anchorId(ctx.section.scope, ctx.section.slugs.heading(headingText(node.children))), y: 0, named: true };
}

function stripLeadingNumber(children: MdNode[]): MdNode[] {
  const first = children[0];
  if (first?.type === 'text' && LEADING_NUMBER.test(first.value ?? '')) {
    const rest = (first.value ?? '').replace(LEADING_NUMBER, '');
    return [{ ...first, value: rest }, ...children.slice(1)];
  }
  return children;
}

const CONTAINERS = new Set(['blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);
/** Text width a nested list or quote keeps at its deepest level (points). */
const MIN_TEXT_WIDTH = 100;
const depthBelow = new WeakMap<MdNode, number>();

/** How many block containers nest inside `node`, itself included (without recursion). */
function containerDepth(node: MdNode): number {
  const known = depthBelow.get(node);
  if (known !== undefined) return known;
  let max = 0;
  const stack: Array<[MdNode, number]> = [[node, CONTAINERS.has(node.type) ? 1 : 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of n.children ?? []) stack.push([c, d + (CONTAINERS.has(c.type) ? 1 : 0)]);
  }
  depthBelow.set(node, max);
  return max;
}

/**
 * The indentation of one list or quote level: the theme's while the levels inside it all
 * fit with MIN_TEXT_WIDTH left, else an equal share of the room (at least `least`, what
 * the marker or bar needs). With the Markdown nesting limit (32 levels, markdown/limits.ts)
 * an A4 or Letter column keeps every marker; ordinary documents indent as before.
 */
function nestedIndent(node: MdNode, box: Box, full: number, least: number): number {
  const levels = Math.max(1, containerDepth(node));
  const room = box.width - MIN_TEXT_WIDTH;
  if (room >= levels * full) return full;
  const share = Math.max(least, room / levels);
  return box.width - share < 40 ? 0 : Math.min(full, share);
}

function listSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const out: Slice[] = [];
  const th = ctx.theme;
  // Deeply nested lists indent less (never less than their marker needs) so that every
  // level up to the nesting limit keeps its marker and some width for its text.
  const indent = nestedIndent(node, box, th.listIndent, 10);
  const rtl = ctx.dir === 'rtl';
  const inner: Box = { x: rtl ? box.x : box.x + indent, width: box.width - indent };
  const markerBox: Box = { x: rtl ? box.x + box.width - indent : box.x, width: Math.max(indent - 3, 1) };
  let n = node.start ?? 1;
  ctx.depth++;
  const parent = ctx.struct;
  const list = structNode('L', parent);
  (node.children ?? []).forEach((item, idx) => {
    const li = structNode('LI', list);
    const lbl = structNode('Lbl', li);
    ctx.struct = structNode('LBody', li);
    const slices = blockChildren(item.children ?? [], inner, ctx, !node.spread);
    ctx.struct = parent;
    if (!slices.length) slices.push({ height: th.bodySize * th.lineHeight[ctx.dir], items: [] });
    const first = slices[0]!;
    const text = first.items.find((i) => i.kind === 'text');
    const baseline = text && text.kind === 'text' ? text.y : th.bodySize * 1.2;
    first.spaceBefore = idx === 0 ? th.paraGap * 0.7 : node.spread ? th.paraGap : 2;
    if (indent > 0) {
      if (typeof item.checked === 'boolean') {
        const s = th.bodySize * 0.8;
        const x = rtl ? markerBox.x + markerBox.width - s : markerBox.x + 1;
        const y = baseline - s;
        first.items.push({ kind: 'rect', x, y, w: s, h: s, stroke: th.text, lineWidth: 0.7 });
        if (item.checked) {
          first.items.push({ kind: 'rule', x1: x + s * 0.2, y1: y + s * 0.55, x2: x + s * 0.42, y2: y + s * 0.8, width: 1, color: th.text });
          first.items.push({ kind: 'rule', x1: x + s * 0.42, y1: y + s * 0.8, x2: x + s * 0.85, y2: y + s * 0.2, width: 1, color: th.text });
        }
      } else {
        // Noto has no hollow bullet: nested levels alternate • and –.
        const marker = node.ordered ? `${formatNumber(n, ctx.digits)}.` : ctx.depth % 2 === 1 ? '•' : '–';
        const p = prepareParagraph(marker, ctx.lang, { size: th.bodySize, color: th.text }, { dir: ctx.dir, lineHeight: th.lineHeight[ctx.dir] });
        // One line, never wrapped; set against the text side so "10." may reach into the margin.
        const l = breakParagraph(p, 1e5, 'left')[0];
        if (l) {
          const gap = 4;
          // The text starts at markerBox.x (RTL, text on the left) or box.x + indent (LTR).
          const x = rtl ? markerBox.x + gap : box.x + indent - gap - l.width;
          // Before the item's text: extractors read a line's pieces in stream order.
          first.items.unshift({ kind: 'text', x, y: baseline, runs: l.runs, tag: lbl });
        }
      }
    }
    n++;
    out.push(...slices);
  });
  ctx.depth--;
  return out;
}

function quoteSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const rtl = ctx.dir === 'rtl';
  // Deeply nested quotes indent less, as lists do, so every level keeps its bar.
  const indent = nestedIndent(node, box, 14, 8);
  const inner: Box = { x: rtl ? box.x : box.x + indent, width: box.width - indent };
  const parent = ctx.struct;
  ctx.struct = structNode('BlockQuote', parent);
  const slices = blockChildren(node.children ?? [], inner, ctx, false);
  ctx.struct = parent;
  const barX = rtl ? box.x + box.width - 4 : box.x + 4;
  if (indent) for (const s of slices) s.items.push({ kind: 'rule', x1: barX, x2: barX, y1: 0, y2: s.height, width: 2, color: ctx.theme.ruleColor });
  return slices;
}

function codeSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const style: TextStyle = { size: ctx.theme.tableSize, color: [0.2, 0.2, 0.2] };
  const text = (node.value ?? '').replace(/\t/g, '  ');
  const dir = /[\u0600-\u06ff]/.test(text) ? ctx.dir : 'ltr';
  const slices = paragraphSlices([{ text, style }], style, { x: box.x + 6, width: box.width - 12 }, ctx, { align: 'start', lineHeight: 1.45, dir, breakAnywhere: true }, node);
  for (const s of slices) s.items.unshift({ kind: 'rect', x: box.x, y: 0, w: box.width, h: s.height, fill: [0.95, 0.95, 0.95] });
  if (slices[0]) slices[0].spaceBefore = ctx.theme.paraGap;
  return slices;
}

function imageSlices(node: MdNode, box: Box, ctx: LayoutContext): Slice[] {
  const th = ctx.theme;
  const url = node.url ?? '';
  const where = { file: ctx.file, ...lineOf(ctx, node) };
  const placeholder = (msg: string, hint: string): Slice[] => {
    ctx.diagnostics.push(diagnostic('pdf-image-unusable', 'warning', msg, where, hint));
    const style: TextStyle = { size: th.smallSize, color: th.muted };
    const slices = paragraphSlices([{ text: node.alt || url, style }], style, { x: box.x + 6, width: box.width - 12 }, ctx, { align: 'center' });
    const h = slices.reduce((a, s) => a + s.height, 0) + 12;
    const items: FrameItem[] = [{ kind: 'rect', x: box.x, y: 0, w: box.width, h, stroke: th.ruleColor, lineWidth: 0.5 }];
    let y = 6;
    for (const s of slices) {
      for (const it of s.items) if (it.kind === 'text') items.push({ ...it, y: it.y + y });
      y += s.height;
    }
    return [{ height: h, items, spaceBefore: th.paraGap }];
  };
  if (/^[a-z]+:/i.test(url)) return placeholder(`the image "${url}" is not a local file and is left out of the PDF`, 'Save the image in the SOP folder and link it with a relative path.');
  const root = ctx.model?.root;
  if (!root || !ctx.file) return placeholder(`the image "${url}" cannot be found`, 'Use a path relative to the Markdown file.');
  const abs = path.resolve(root, path.dirname(ctx.file), decodeURIComponent(url));
  if (!abs.startsWith(path.resolve(root) + path.sep)) return placeholder(`the image "${url}" is outside the SOP folder`, 'Keep images inside the SOP folder.');
  // The links-and-paths policy: an image that is a link leading outside the SOP folder is an error, and is not read.
  const checked = checkSourcePathSync(root, path.relative(root, abs));
  if (!checked.ok && !checked.missing) {
    ctx.diagnostics.push({ ...checked.diagnostic, ...where });
    return placeholder(`the image "${url}" is left out`, checked.diagnostic.hint ?? '');
  }
  let data: Uint8Array;
  try {
    if (!checked.ok) throw new Error('missing');
    data = new Uint8Array(readFileSync(checked.real));
  } catch {
    return placeholder(`the image "${url}" does not exist`, 'Check the file name and path (relative to the Markdown file).');
  }
  const info = imageInfo(data);
  if (!info) return placeholder(`"${url}" is not a PNG or JPEG image`, 'Convert the image to PNG or JPEG.');
  let w = info.width * 0.75;
  let h = info.height * 0.75;
  const maxH = ctx.columnHeight * 0.7;
  const scale = Math.min(1, box.width / w, maxH / h);
  w *= scale;
  h *= scale;
  const x = ctx.dir === 'rtl' ? box.x + box.width - w : box.x;
  // The Markdown alt text is the figure's description; none: the checker reports the figure.
  const figure = structNode('Figure', ctx.struct, node.alt?.trim() ? { alt: node.alt.trim() } : {});
  return [{ height: h, spaceBefore: th.paraGap, items: [{ kind: 'image', x, y: 0, w, h, data, format: info.format, key: path.relative(root, abs), tag: figure }] }];
}

function isImageParagraph(node: MdNode): boolean {
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && !(c.value ?? '').trim()));
  return kids.length > 0 && kids.every((c) => c.type === 'image');
}

/** Lays out one block node. */
export function blockSlices(node: MdNode, box: Box, ctx: LayoutContext, tight = false): Slice[] {
  const th = ctx.theme;
  switch (node.type) {
    case 'heading':
      return headingSlices(node, box, ctx);
    case 'paragraph': {
      if (isImageParagraph(node)) return (node.children ?? []).filter((c) => c.type === 'image').flatMap((c) => imageSlices(c, box, ctx));
      const spans = collectSpans(node.children, bodyStyle(ctx), ctx);
      return paragraphSlices(spans, bodyStyle(ctx), box, ctx, { spaceBefore: tight ? 2 : th.paraGap }, node);
    }
    case 'list':
      return listSlices(node, box, ctx);
    case 'blockquote':
      return quoteSlices(node, box, ctx);
    case 'code':
      return codeSlices(node, box, ctx);
    case 'thematicBreak':
      return [{ height: 14, spaceBefore: th.paraGap, items: [{ kind: 'rule', x1: box.x + box.width * 0.3, x2: box.x + box.width * 0.7, y1: 7, y2: 7, width: 0.6, color: th.ruleColor }] }];
    case 'table':
      return tableSlices(node, box, ctx);
    case 'footnoteDefinition':
    case 'definition':
    case 'html':
    case 'yaml':
      return [];
    case 'containerDirective':
    case 'leafDirective':
    case 'textDirective':
      return directiveSlices(node, box, ctx, blockChildren);
    default:
      if (node.children) return blockChildren(node.children, box, ctx, tight);
      return [];
  }
}

export function blockChildren(nodes: MdNode[], box: Box, ctx: LayoutContext, tight = false): Slice[] {
  const out: Slice[] = [];
  nodes.forEach((n, i) => {
    try {
      const slices = blockSlices(n, box, ctx, tight);
      // A short paragraph right before a table or figure is its caption: keep them together.
      const next = nodes[i + 1];
      if (n.type === 'paragraph' && slices.length > 0 && slices.length <= 2 && next && (next.type === 'table' || (next.type === 'paragraph' && isImageParagraph(next)))) {
        for (const s of slices) s.keepWithNext = true;
      }
      out.push(...slices);
    } catch (e) {
      // Never let one odd block sink the whole PDF: report it and carry on.
      ctx.diagnostics.push(diagnostic('pdf-block-failed', 'warning', `this ${n.type} could not be laid out and is left out of the PDF (${(e as Error).message})`,
        { file: ctx.file, ...lineOf(ctx, n) }, 'Simplify the block; if it looks valid, please report a sopkit bug with the file.'));
    }
  });
  return out;
}
