/**
 * One paragraph of the text column: spans → shaped, broken lines → slices, with link
 * areas and underlines, and the warnings about characters no font covers. The leaf every
 * block layout (lists, tables, directives, diagrams, footnotes) ends in; it imports
 * none of them, so they need not import each other.
 */
import { diagnostic } from '../diag/index.js';
import { breakParagraph, prepareParagraph, type Align, type Line, type Span, type TextStyle } from '../text/index.js';
import { lineOf, type Box, type LayoutContext, type MdNode } from './context.js';
import type { FrameItem, LinkItem, StructNode, StructRole } from '../frame/types.js';
import type { GlyphRun } from '../text/index.js';
import { structNode } from '../frame/struct.js';
import { LineTagger } from './tags.js';
import type { Slice } from './slice.js';

export interface ParaOptions {
  align?: Align;
  spaceBefore?: number;
  keepWithNext?: boolean;
  lineHeight?: number;
  dir?: 'rtl' | 'ltr';
  breakAnywhere?: boolean;
  /** The element the paragraph is (default P), made a child of `ctx.struct`... */
  role?: StructRole;
  /** ...or an existing element whose content it is (a table of contents entry's Link). */
  node?: StructNode;
}

/** Reports characters no font covers, once per file and character. */
export function reportMissing(ctx: LayoutContext, missing: string[], node?: MdNode): void {
  for (const ch of missing) {
    const key = `${ctx.file ?? ''}\u0000${ch}`;
    if (ctx.reportedMissing.has(key)) continue;
    ctx.reportedMissing.add(key);
    const code = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    ctx.diagnostics.push(diagnostic('pdf-char-unsupported', 'warning', `the character "${ch}" (${code}) has no glyph in the PDF fonts and prints as a box`,
      { file: ctx.file, ...lineOf(ctx, node) }, 'Replace it with a character of the Arabic or Latin alphabets, or remove it.'));
  }
}

/**
 * The clickable areas of one line: one per link piece, where the runs of a link that
 * touch (a Latin word inside an Arabic link, a bold part) make one area. A link that
 * wraps gets an area on each line, since this is called per line.
 */
export function linkAreas(l: Line, x0: number, nodeOf?: (r: GlyphRun) => StructNode | undefined): LinkItem[] {
  const out: LinkItem[] = [];
  let prev: { item: LinkItem; size: number } | undefined;
  for (const r of l.runs) {
    if (!r.link && !r.uri) {
      prev = undefined;
      continue;
    }
    const x = x0 + r.x;
    const item = prev?.item;
    // Runs are in logical order: the next piece of a right-to-left link lies to the left.
    if (item && (item.dest ?? item.uri) === (r.link ?? r.uri) && prev!.size === r.size &&
      (Math.abs(item.x + item.w - x) < 0.5 || Math.abs(x + r.width - item.x) < 0.5)) {
      const left = Math.min(item.x, x);
      item.w = Math.max(item.x + item.w, x + r.width) - left;
      item.x = left;
      continue;
    }
    const area = { x, y: l.baseline - r.size, w: r.width, h: r.size * 1.3 };
    const next: LinkItem = r.link ? { kind: 'link', ...area, dest: r.link } : { kind: 'link', ...area, uri: r.uri! };
    const tag = nodeOf?.(r);
    if (tag) next.tag = tag;
    out.push(next);
    prev = { item: next, size: r.size };
  }
  return out;
}

/**
 * Turns lines into slices (one per line), with link boxes and underlines; with `tagger`
 * the lines are its element's content (links and other-script runs their own).
 */
export function linesToSlices(lines: Line[], box: Box, opts: ParaOptions = {}, tagger?: LineTagger): Slice[] {
  const n = lines.length;
  return lines.map((l, i) => {
    const items: FrameItem[] = [];
    if (l.runs.length) {
      const runTags = tagger?.line(l);
      items.push({ kind: 'text', x: box.x, y: l.baseline, runs: l.runs, ...(tagger ? { tag: tagger.node } : {}), ...(runTags ? { runTags } : {}) });
    }
    items.push(...linkAreas(l, box.x, tagger?.nodeOf));
    for (const r of l.runs) {
      if (r.underline) items.push({ kind: 'rule', x1: box.x + r.x, x2: box.x + r.x + r.width, y1: l.baseline + r.size * 0.15, y2: l.baseline + r.size * 0.15, width: 0.4, color: r.color });
    }
    const s: Slice = { height: l.height, items };
    if (i === 0) s.spaceBefore = opts.spaceBefore;
    // No orphan (first line alone) and no widow (last line alone).
    if ((i === 0 && n >= 2) || (i === n - 2 && n >= 3) || opts.keepWithNext) s.keepWithNext = true;
    if (opts.keepWithNext && i === n - 1) s.keepWithNext = true;
    return s;
  });
}

export function paragraphSlices(spans: Span[], base: TextStyle, box: Box, ctx: LayoutContext, opts: ParaOptions = {}, node?: MdNode): Slice[] {
  if (!spans.some((s) => s.text.trim())) return [];
  const dir = opts.dir ?? ctx.dir;
  const p = prepareParagraph(spans, ctx.lang, base, { dir, lineHeight: opts.lineHeight ?? ctx.theme.lineHeight[dir], breakAnywhere: opts.breakAnywhere });
  reportMissing(ctx, p.missing, node);
  const lines = breakParagraph(p, Math.max(box.width, 10), opts.align ?? 'justify');
  if (p.forced && !opts.breakAnywhere) {
    ctx.diagnostics.push(diagnostic('pdf-word-too-long', 'info', 'a word is wider than the text column and was broken inside the word',
      { file: ctx.file, ...lineOf(ctx, node) }, 'Add spaces or hyphens to long words, URLs or codes so they can wrap.'));
  }
  const element = opts.node ?? structNode(opts.role ?? 'P', ctx.struct);
  return linesToSlices(lines, box, opts, new LineTagger(element, ctx));
}
