/**
 * One language of the SOP (or one Markdown annex) as a Word document, from the realized
 * `SopDocument` (the trees `check`, the PDF and the site read; nothing is parsed again):
 * numbered component headings in Word's Heading 1 style (so the navigation pane and a
 * table-of-contents field find them), sub-headings in Heading 2–4, the running header
 * "title — Version X.Y — date" and the footer "page X of Y" as PAGE / NUMPAGES fields,
 * a draft banner while the SOP is a draft, footnotes as Word footnotes.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { DocumentFile, LanguageDocument } from '../../document/index.js';
import { digitsFor, isRightToLeft, label, localizeDigits, pageHeader } from '../../i18n/index.js';
import type { MarkdownAnnex, Section, SopModel } from '../../model/types.js';
import { readSourceBytes } from '../../fs/index.js';
import { imageInfo } from '../../layout/image.js';
import {
  AlignmentType, Bookmark, BorderStyle, Document, Footer, Header, HeadingLevel, LevelFormat, PageNumber, Paragraph, TextRun, type DocxNode,
} from '../../vendor/docx.js';
import { anchorName, fileKey } from '../anchors.js';
import { blockOf, fileScope, scriptPieces, type LoadedImage, type WordContext } from './blocks.js';
import { diagramPictures, type DiagramPictures } from './figures.js';
import { FONTS } from './fonts.js';

/** Page sizes in twentieths of a point. */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;
/** Page margins in twentieths of a point (header and footer sit inside top and bottom). */
const MARGIN = { top: 1440, bottom: 1440, left: 1247, right: 1247, header: 708, footer: 708 } as const;
/** The leading "8." or "٨-" a title may already carry (the number is written by sopkit). */
const LEADING_NUMBER = /^\s*[0-9\u0660-\u0669]+\s*[.\-–)]\s*/;

function runsOf(text: string, rtl: boolean, extra: Record<string, unknown> = {}): DocxNode[] {
  return scriptPieces(text, rtl).map(([t, r]) => new TextRun({ text: t, rightToLeft: r || undefined, ...extra }));
}

function bulletLevels() {
  const chars = ['•', '◦', '▪', '•'];
  return chars.map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.START, style: { paragraph: { indent: { start: 720 * (level + 1), hanging: 360 } } } }));
}

function numberLevels() {
  return [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { start: 720 * (level + 1), hanging: 360 } } } }));
}

/** Reads the PNG and JPEG images a file's Markdown names (docx wants their bytes up front). */
async function loadImages(model: SopModel, file: { file: string }, tree: Root): Promise<Map<string, LoadedImage>> {
  const urls = new Set<string>();
  const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
    if (n.type === 'image' && n.url && !/^[a-z]+:/i.test(n.url)) urls.add(n.url);
    for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
  };
  walk(tree);
  const out = new Map<string, LoadedImage>();
  for (const url of urls) {
    const rel = path.posix.join(path.posix.dirname(file.file), decodeURI(url.split(/[?#]/)[0]!));
    const read = await readSourceBytes(model.root, rel, 20 * 1024 * 1024);
    if (!read.ok) continue;
    const info = imageInfo(read.bytes);
    if (info) out.set(url, { data: read.bytes, type: info.format === 'png' ? 'png' : 'jpg', width: info.width, height: info.height });
  }
  return out;
}

/** Pictures of the flowcharts a file's tree shows, by data name, made for Word's text block. */
async function loadDiagrams(ctx: WordContext & { warnings: string[] }, tree: Root): Promise<Map<string, DiagramPictures | undefined>> {
  const names = new Set<string>();
  const walk = (n: { type: string; data?: unknown; children?: unknown[] }) => {
    const sop = (n.data as { sop?: { kind: string; data?: { name: string } } } | undefined)?.sop;
    if (sop?.kind === 'flowchart' && sop.data) names.add(sop.data.name);
    for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
  };
  walk(tree);
  const page = PAGE[ctx.model.manifest.paper ?? 'A4'];
  // Text block in points; the height keeps room for the caption line kept with the picture.
  const width = (page.width - MARGIN.left - MARGIN.right) / 20;
  const height = (page.height - MARGIN.top - MARGIN.bottom) / 20 - 48;
  const out = new Map<string, DiagramPictures | undefined>();
  for (const name of [...names].sort()) {
    const pics = await diagramPictures(ctx.model, name, ctx.lang, width, height);
    if (pics && !pics.ok) ctx.warnings.push(`the ${name} flowchart is given as its text version only in the ${ctx.lang} Word file: its picture could not be drawn (${pics.reason})`);
    out.set(name, pics);
  }
  return out;
}

function context(model: SopModel, lang: string, warnings: string[]): WordContext & { warnings: string[] } {
  return { model, lang, rtl: isRightToLeft(lang), footnotes: {}, nextFootnote: 1, nextList: 1, images: new Map(), diagrams: new Map(), warnings };
}

/** The body of one Markdown file; its leading `# title` is dropped (the component heading replaces it, as in the PDF). */
async function fileBlocks(ctx: WordContext & { warnings: string[] }, f: DocumentFile<Section | MarkdownAnnex>): Promise<DocxNode[]> {
  const tree = f.tree;
  ctx.images = await loadImages(ctx.model, f.source, tree);
  ctx.diagrams = await loadDiagrams(ctx, tree);
  const scope = fileScope(tree, fileKey(f.source), f.source.bodyLine);
  let children = tree.children;
  if (children[0]?.type === 'heading' && children[0].depth === 1) children = children.slice(1);
  return children.flatMap((c) => blockOf(c, ctx, scope));
}

function headingParagraph(ctx: WordContext, text: string, anchor: string | undefined): DocxNode {
  const children = anchor ? [new Bookmark({ id: anchor, children: [] }), ...runsOf(text, ctx.rtl)] : runsOf(text, ctx.rtl);
  return new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: ctx.rtl || undefined, children });
}

/** Header, footer and page set-up shared by the SOP and its annexes. */
function pageSetUp(ctx: WordContext, headerText: string) {
  const m = ctx.model.manifest;
  const draft = m.status === 'draft';
  const header = new Header({
    children: [new Paragraph({
      bidirectional: ctx.rtl || undefined,
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 2 } },
      children: [
        ...runsOf(headerText, ctx.rtl, { size: 16, sizeComplexScript: 18 }),
        ...(draft ? runsOf(` — ${label('draft', ctx.lang)}`, ctx.rtl, { size: 16, sizeComplexScript: 18, bold: true, boldComplexScript: true, color: 'C00000' }) : []),
      ],
    })],
  });
  const small = { size: 16, sizeComplexScript: 18 };
  const footer = new Footer({
    children: [new Paragraph({
      bidirectional: ctx.rtl || undefined,
      alignment: AlignmentType.CENTER,
      children: [
        ...runsOf(`${label('page', ctx.lang)} `, ctx.rtl, small),
        new TextRun({ children: [PageNumber.CURRENT], ...small }),
        ...runsOf(` ${label('of', ctx.lang)} `, ctx.rtl, small),
        new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
      ],
    })],
  });
  return {
    properties: { page: { size: PAGE[m.paper ?? 'A4'], margin: MARGIN } },
    headers: { default: header },
    footers: { default: footer },
  };
}

function draftBanner(ctx: WordContext): DocxNode[] {
  if (ctx.model.manifest.status !== 'draft') return [];
  return [new Paragraph({
    bidirectional: ctx.rtl || undefined,
    alignment: AlignmentType.CENTER,
    border: { top: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
    children: runsOf(label('draftNote', ctx.lang), ctx.rtl, { bold: true, boldComplexScript: true, color: 'C00000', size: 28, sizeComplexScript: 30 }),
  })];
}

function documentOf(ctx: WordContext, title: string, headerText: string, body: DocxNode[]): DocxNode {
  const font = { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.arabic, eastAsia: FONTS.latin };
  // The outline level makes the headings the navigation pane's and a TOC field's entries.
  const heading = (size: number, outlineLevel: number) => ({ run: { font, size, sizeComplexScript: size + 2, bold: true, boldComplexScript: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel } });
  return new Document({
    creator: 'sopkit',
    lastModifiedBy: 'sopkit',
    title,
    description: headerText,
    revision: 1,
    styles: {
      default: {
        document: { run: { font, size: 21, sizeComplexScript: 24, language: { value: ctx.rtl ? 'en-GB' : ctx.lang, bidirectional: ctx.rtl ? ctx.lang : 'ar' } }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: heading(32, 0),
        heading2: heading(26, 1),
        heading3: heading(23, 2),
        heading4: heading(21, 3),
        title: { run: { font, size: 40, sizeComplexScript: 42, bold: true, boldComplexScript: true, color: '1F3864' } },
      },
    },
    numbering: { config: [{ reference: 'sop-bullets', levels: bulletLevels() }, { reference: 'sop-numbers', levels: numberLevels() }] },
    footnotes: ctx.footnotes,
    sections: [{ ...pageSetUp(ctx, headerText), children: body }],
  });
}

/** The SOP of one language as a docx Document. */
export async function sopDocx(model: SopModel, doc: LanguageDocument, warnings: string[] = []): Promise<DocxNode> {
  const lang = doc.lang;
  const ctx = context(model, lang, warnings);
  const m = model.manifest;
  const h = pageHeader(m, lang);
  const title = m.title[lang] ?? Object.values(m.title)[0] ?? '';
  const digits = digitsFor(m, lang);
  const body: DocxNode[] = [
    new Paragraph({ heading: 'Title', bidirectional: ctx.rtl || undefined, children: runsOf(title, ctx.rtl) }),
    new Paragraph({ bidirectional: ctx.rtl || undefined, children: runsOf(h.stamp, ctx.rtl, { bold: true, boldComplexScript: true }) }),
    ...draftBanner(ctx),
  ];
  for (const c of doc.components) {
    const number = c.n !== undefined ? `${localizeDigits(String(c.n), digits)}. ` : '';
    const first = c.sections[0]?.source;
    const anchor = first && first.file !== 'sop.yaml' ? anchorName(fileKey(first), 1) : undefined;
    body.push(headingParagraph(ctx, `${number}${c.title.replace(LEADING_NUMBER, '')}`, anchor));
    for (const s of c.sections) body.push(...(await fileBlocks(ctx, s)));
  }
  return documentOf(ctx, title, `${h.title} — ${h.stamp}`, body);
}

/** One Markdown annex as a docx Document, headed as in the PDFs ("Annex N — title vX.Y — date"). */
export async function annexDocx(model: SopModel, lang: string, annex: DocumentFile<MarkdownAnnex>, n: number, warnings: string[] = []): Promise<DocxNode> {
  const ctx = context(model, lang, warnings);
  const h = pageHeader(model.manifest, lang, n);
  const own = String(annex.source.title ?? annex.source.frontMatter.title ?? '');
  const number = localizeDigits(String(n), digitsFor(model.manifest, lang));
  const title = `${label('annex', lang)} ${number}${own ? `: ${own}` : ''}`;
  const body = [...draftBanner(ctx), headingParagraph(ctx, title, anchorName(fileKey(annex.source), 1)), ...(await fileBlocks(ctx, annex))];
  return documentOf(ctx, title, `${h.title} — ${h.stamp}`, body);
}
