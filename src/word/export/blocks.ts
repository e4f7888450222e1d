/**
 * mdast of one Markdown file → docx paragraphs and tables. Reads the realized tree the
 * document holds (never parses again). Right-to-left languages get Word's own bidi
 * settings: bidirectional paragraphs, right-to-left tables and runs marked `w:rtl` for
 * Arabic-script text (Latin words and numbers in between stay left-to-right runs), in
 * logical order; nothing is reversed.
 *
 * Every block starts with a bookmark naming its source file and line (see ../anchors.ts),
 * which `sopkit comments` reads back.
 */
import type { RootContent, PhrasingContent, ListItem, Table as MdTable, FootnoteDefinition, Root } from 'mdast';
import type { RealizedDirective } from '../../document/index.js';
import type { SopModel } from '../../model/types.js';
import {
  AlignmentType, Bookmark, BorderStyle, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, LineRuleType,
  Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type DocxNode,
} from '../../vendor/docx.js';
import { anchorName } from '../anchors.js';
import { directiveBlocks, type PlainBlock, type PlainItem } from './directives.js';
import type { DiagramPictures } from './figures.js';
import { FONTS } from './fonts.js';

/** An image of the Markdown read beforehand (docx needs its bytes and size synchronously). */
export interface LoadedImage {
  data: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** What the writer needs across the files of one .docx. */
export interface WordContext {
  model: SopModel;
  lang: string;
  rtl: boolean;
  /** Footnotes of the whole document, by Word id (docx's `footnotes` option). */
  footnotes: Record<number, { children: DocxNode[] }>;
  nextFootnote: number;
  /** Numbered lists restart: each list gets its own numbering instance. */
  nextList: number;
  /** Images by the URL written in the Markdown of the current file. */
  images: Map<string, LoadedImage>;
  /** Pictures of the flowcharts the current file shows, by data file name (see ./figures.ts). */
  diagrams: Map<string, DiagramPictures | undefined>;
}

/** The file being written: its bookmark key and where its body starts. */
export interface FileScope {
  key: string;
  bodyLine: number;
  /** Footnote definitions of this file by identifier, and the Word ids given so far. */
  definitions: Map<string, FootnoteDefinition>;
  footnoteIds: Map<string, number>;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  link?: boolean;
}

/** Arabic-script letters (and the Arabic-Indic digits), with the spaces and marks between them. */
const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[\s\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF،؛؟.,:()«»"'\-–—]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])?/g;

/** `text` cut into [text, rtl] pieces: right-to-left script apart from the rest. */
export function scriptPieces(text: string, rtl: boolean): Array<[string, boolean]> {
  if (!rtl) return text ? [[text, false]] : [];
  const out: Array<[string, boolean]> = [];
  let at = 0;
  for (const m of text.matchAll(RTL_RUN)) {
    if (m.index! > at) out.push([text.slice(at, m.index), false]);
    out.push([m[0], true]);
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push([text.slice(at), false]);
  // Spaces and punctuation between two Arabic pieces belong to the right-to-left text
  // (a neutral between two rtl runs reads rtl); elsewhere Latin stays a run of its own.
  const merged: Array<[string, boolean]> = [];
  for (const p of out) {
    const last = merged[merged.length - 1];
    if (last && (last[1] === p[1] || (!/[A-Za-z0-9]/.test(p[0]) && last[1]))) last[0] += p[0];
    else merged.push([...p]);
  }
  return merged;
}

function textRuns(text: string, style: RunStyle, ctx: WordContext): DocxNode[] {
  return scriptPieces(text, ctx.rtl).map(([t, rtl]) => new TextRun({
    text: t,
    bold: style.bold,
    boldComplexScript: style.bold,
    italics: style.italics,
    italicsComplexScript: style.italics,
    rightToLeft: rtl || undefined,
    style: style.link ? 'Hyperlink' : undefined,
    font: style.code ? { ascii: FONTS.mono, hAnsi: FONTS.mono, cs: FONTS.mono } : undefined,
  }));
}

const EXTERNAL = /^(https?:|mailto:|tel:)/i;

function footnoteRun(id: string, ctx: WordContext, scope: FileScope): DocxNode[] {
  let n = scope.footnoteIds.get(id);
  if (n === undefined) {
    const def = scope.definitions.get(id);
    if (!def) return textRuns(`[^${id}]`, {}, ctx);
    n = ctx.nextFootnote++;
    scope.footnoteIds.set(id, n);
    ctx.footnotes[n] = { children: def.children.flatMap((c) => blockOf(c as RootContent, ctx, scope, {})) };
  }
  return [new FootnoteReferenceRun(n)];
}

/** Inline mdast → runs. */
export function inlineRuns(nodes: readonly PhrasingContent[], ctx: WordContext, scope: FileScope, style: RunStyle = {}): DocxNode[] {
  const out: DocxNode[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push(...textRuns(n.value, style, ctx)); break;
      case 'strong': out.push(...inlineRuns(n.children, ctx, scope, { ...style, bold: true })); break;
      case 'emphasis': out.push(...inlineRuns(n.children, ctx, scope, { ...style, italics: true })); break;
      case 'delete': out.push(...inlineRuns(n.children, ctx, scope, style)); break;
      case 'inlineCode': out.push(...textRuns(n.value, { ...style, code: true }, ctx)); break;
      case 'break': out.push(new TextRun({ text: '', break: 1 })); break;
      case 'link':
        if (EXTERNAL.test(n.url)) out.push(new ExternalHyperlink({ link: n.url, children: inlineRuns(n.children, ctx, scope, { ...style, link: true }) }));
        else out.push(...inlineRuns(n.children, ctx, scope, style));
        break;
      case 'footnoteReference': out.push(...footnoteRun(n.identifier, ctx, scope)); break;
      case 'image': out.push(...imageRuns(n.url, n.alt ?? '', ctx)); break;
      default: {
        const kids = (n as { children?: PhrasingContent[] }).children;
        const value = (n as { value?: string }).value;
        if (kids) out.push(...inlineRuns(kids, ctx, scope, style));
        else if (typeof value === 'string' && n.type !== 'html') out.push(...textRuns(value, style, ctx));
      }
    }
  }
  return out;
}

/** An image at most 15 cm wide (the text column of A4), with its alternative text. */
function imageRuns(url: string, alt: string, ctx: WordContext): DocxNode[] {
  const img = ctx.images.get(url);
  if (!img) return alt ? textRuns(`[${alt}]`, { italics: true }, ctx) : [];
  const maxPx = 567; // 15 cm at 96 px per inch
  const scale = Math.min(1, maxPx / img.width);
  return [new ImageRun({
    type: img.type,
    data: img.data,
    transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
    altText: { name: alt || url, description: alt, title: alt },
  })];
}

/** The bookmark that ties a block to its source line. */
function mark(node: { position?: { start: { line: number } } }, scope: FileScope): DocxNode[] {
  const line = node.position?.start.line;
  if (line === undefined) return [];
  return [new Bookmark({ id: anchorName(scope.key, line + scope.bodyLine - 1), children: [] })];
}

interface BlockOptions {
  /** List nesting (0-based) of the paragraph, when inside a list item. */
  list?: { reference: string; level: number; instance: number; first: boolean };
}

function para(children: DocxNode[], ctx: WordContext, extra: Record<string, unknown> = {}): DocxNode {
  return new Paragraph({ children, bidirectional: ctx.rtl || undefined, ...extra });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function listBlocks(items: readonly ListItem[], ordered: boolean, ctx: WordContext, scope: FileScope, level: number): DocxNode[] {
  const reference = ordered ? 'sop-numbers' : 'sop-bullets';
  const instance = ctx.nextList++;
  const out: DocxNode[] = [];
  for (const item of items) {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listBlocks(child.children, !!child.ordered, ctx, scope, Math.min(level + 1, 3)));
        continue;
      }
      out.push(...blockOf(child, ctx, scope, { list: { reference, level, instance, first } }));
      first = false;
    }
  }
  return out;
}

function tableBlock(t: MdTable, ctx: WordContext, scope: FileScope): DocxNode {
  const align = (i: number) => {
    const a = t.align?.[i];
    return a === 'center' ? AlignmentType.CENTER : a === 'right' ? (ctx.rtl ? AlignmentType.START : AlignmentType.END) : undefined;
  };
  const rows = t.children.map((row, r) => new TableRow({
    tableHeader: r === 0,
    children: row.children.map((cell, i) => new TableCell({
      children: [para([...(i === 0 ? mark(row, scope) : []), ...inlineRuns(cell.children, ctx, scope, r === 0 ? { bold: true } : {})], ctx, { alignment: align(i) })],
    })),
  }));
  return tableOf(rows, ctx);
}

function tableOf(rows: DocxNode[], ctx: WordContext): DocxNode {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: ctx.rtl || undefined,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

/** One plain block (a directive's list or table) → docx. */
function plainBlock(b: PlainBlock, ctx: WordContext, at: DocxNode[]): DocxNode[] {
  if (b.kind === 'para') return [para([...at, ...textRuns(b.text, { bold: b.bold, italics: b.italic }, ctx)], ctx)];
  if (b.kind === 'table') {
    const rows = [b.header, ...b.rows].map((cells, r) => new TableRow({
      tableHeader: r === 0,
      children: cells.map((c) => new TableCell({ children: [para(textRuns(c, { bold: r === 0 }, ctx), ctx)] })),
    }));
    return [...(at.length ? [para(at, ctx)] : []), tableOf(rows, ctx)];
  }
  const instance = ctx.nextList++;
  const reference = b.ordered ? 'sop-numbers' : 'sop-bullets';
  const out: DocxNode[] = [];
  b.items.forEach((item: PlainItem, i) => {
    const text = typeof item === 'string' ? item : item.text;
    out.push(para([...(i === 0 ? at : []), ...textRuns(text, {}, ctx)], ctx, { numbering: { reference, level: 0, instance } }));
    if (typeof item !== 'string') {
      const sub = ctx.nextList++;
      for (const s of item.sub) out.push(para(textRuns(s, {}, ctx), ctx, { numbering: { reference: 'sop-bullets', level: 1, instance: sub } }));
    }
  });
  return out;
}

/**
 * The words of plain blocks, one line each, as the pictures' description (their text
 * alternative). Lines are joined with "; " ("؛ " in right-to-left text): an attribute's
 * line breaks read as spaces once parsed.
 */
function plainText(blocks: readonly PlainBlock[], rtl: boolean): string {
  return blocks.flatMap((b) => {
    if (b.kind === 'para') return [b.text];
    if (b.kind === 'table') return [b.header, ...b.rows].map((r) => r.join(' | '));
    return b.items.flatMap((it) => (typeof it === 'string' ? [it] : [it.text, ...it.sub]));
  }).join(rtl ? '؛ ' : '; ');
}

/** A chart's pictures (one per page-sized band), centred, each described by the text version. */
function figureBlocks(pics: DiagramPictures | undefined, plain: readonly PlainBlock[], ctx: WordContext, at: DocxNode[]): DocxNode[] {
  if (!pics?.ok || !pics.pictures.length) return [];
  const description = plainText(plain, ctx.rtl);
  const title = plain[0]?.kind === 'para' ? plain[0].text : '';
  const n = pics.pictures.length;
  return pics.pictures.map((p, i) => para([
    ...(i === 0 ? at : []),
    new ImageRun({
      type: 'png',
      data: p.png,
      // docx sizes pictures in pixels at 96 per inch; the picture is drawn in points.
      transformation: { width: Math.round((p.width * 96) / 72), height: Math.round((p.height * 96) / 72) },
      altText: { name: n > 1 ? `${title} (${i + 1}/${n})` : title, title, description },
    }),
    // The line height is the picture's ("auto" said outright: LibreOffice clips a picture
    // to one line of the document's default spacing, which names no rule).
  ], ctx, { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO }, keepNext: i + 1 < n || undefined }));
}

/** One block of mdast → docx blocks. */
export function blockOf(node: RootContent, ctx: WordContext, scope: FileScope, opts: BlockOptions = {}): DocxNode[] {
  const list = opts.list;
  const listProps = list ? (list.first ? { numbering: { reference: list.reference, level: list.level, instance: list.instance } } : { indent: { start: 720 * (list.level + 1) } }) : {};
  switch (node.type) {
    case 'heading':
      return [para([...mark(node, scope), ...inlineRuns(node.children, ctx, scope)], ctx, { heading: HEADINGS[Math.min(Math.max(node.depth, 2), 4) - 1] })];
    case 'paragraph':
      return [para([...mark(node, scope), ...inlineRuns(node.children, ctx, scope)], ctx, listProps)];
    case 'list':
      return listBlocks(node.children, !!node.ordered, ctx, scope, list ? Math.min(list.level + 1, 3) : 0);
    case 'table':
      return [tableBlock(node, ctx, scope)];
    case 'blockquote':
      return node.children.flatMap((c) => blockOf(c, ctx, scope, opts)).map((p) => p);
    case 'code':
      return node.value.split('\n').map((line, i) => para([...(i === 0 ? mark(node, scope) : []), ...textRuns(line, { code: true }, ctx)], ctx, listProps));
    case 'thematicBreak':
      return [para(mark(node, scope), ctx, { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })];
    case 'footnoteDefinition':
    case 'html':
    case 'definition':
    case 'yaml':
      return [];
    case 'leafDirective':
    case 'containerDirective': {
      const sop = (node.data as { sop?: RealizedDirective } | undefined)?.sop;
      if (!sop || sop.kind === 'pagebreak' || sop.kind === 'unknown') return [];
      const plain = directiveBlocks(ctx.model, sop, ctx.lang);
      const figure = sop.kind === 'flowchart' ? figureBlocks(ctx.diagrams.get(sop.data.name), plain, ctx, mark(node, scope)) : [];
      // The text version stays below the picture, as in the PDF: it is what a screen reader and a search find.
      return [...figure, ...plain.flatMap((b, i) => plainBlock(b, ctx, i === 0 && !figure.length ? mark(node, scope) : []))];
    }
    default: {
      const kids = (node as { children?: RootContent[] }).children;
      return kids ? kids.flatMap((c) => blockOf(c, ctx, scope, opts)) : [];
    }
  }
}

/** A file scope: footnote definitions are looked up anywhere in the tree. */
export function fileScope(tree: Root, key: string, bodyLine: number): FileScope {
  const definitions = new Map<string, FootnoteDefinition>();
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'footnoteDefinition') definitions.set((n as FootnoteDefinition).identifier, n as FootnoteDefinition);
    for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(c);
  };
  walk(tree);
  return { key, bodyLine, definitions, footnoteIds: new Map() };
}
