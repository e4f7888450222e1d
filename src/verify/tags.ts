/**
 * `sopkit verify --tags`: what a screen reader would miss in a PDF, read the way readers
 * read it. pdf.js gives each page's structure tree (`getStructTree`) and its text with the
 * marked content around it (`getTextContent({ includeMarkedContent: true })`), so text is
 * either the content of a tagged element, an artifact, or neither (a finding). The
 * checks over the whole tree (headings, figures, tables) walk the same per-page trees in
 * page order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, SopkitError } from '../diag/index.js';
import { toPosix } from '../fs/index.js';
import { loadPdfJs, dataDir } from './extract.js';

/** One node of pdf.js's serialized structure tree. */
export interface PdfStructNode {
  role: string;
  alt?: string;
  lang?: string;
  children?: Array<PdfStructNode | PdfStructLeaf>;
}
export interface PdfStructLeaf {
  type: 'content' | 'object' | 'annotation';
  id: string;
}

export interface TaggedPage {
  /** 1-based. */
  number: number;
  tree: PdfStructNode | null;
  /** Text of each marked-content id the page's tree refers to, in drawing order. */
  content: Map<string, string>;
  /** Text drawn neither as an element's content nor as an artifact. */
  untagged: string[];
  /** Text drawn as artifacts (running header, page number, …). */
  artifacts: string[];
  /**
   * The author's PDF the page comes from (an external annex: the SOP folder's path, from
   * the page-piece dictionary sopkit's stamp writes): its tags are the author's, not sopkit's.
   */
  source?: string;
}

export interface TaggedPdf {
  /** The catalog's /Lang. */
  lang: string | null;
  marked: boolean;
  pages: TaggedPage[];
}

export type TagFindingKind = 'not-tagged' | 'untagged-text' | 'figure-alt' | 'table-header' | 'heading-skip' | 'lang';

export interface TagFinding {
  kind: TagFindingKind;
  /** 1-based page (0: the document as a whole). */
  page: number;
  message: string;
  /** The finding is in the author's PDF (an external annex), not in what sopkit wrote: its path. */
  external?: string;
}

function isNode(n: PdfStructNode | PdfStructLeaf): n is PdfStructNode {
  return 'role' in n;
}

/** Reads every page's structure tree and classifies every piece of its text. */
export async function readTaggedPdf(bytes: Uint8Array): Promise<TaggedPdf> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl: dataDir('cmaps'), cMapPacked: true, standardFontDataUrl: dataDir('standard_fonts'),
    isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0,
  });
  const doc = await task.promise;
  const sources = await pageSources(bytes);
  try {
    const meta = await doc.getMetadata();
    const lang = ((meta.info as Record<string, unknown>).Language as string | undefined) ?? null;
    const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const pages: TaggedPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tree = ((await page.getStructTree()) as unknown as PdfStructNode | null) ?? null;
      const ids = new Set<string>();
      const walk = (node: PdfStructNode) => {
        for (const c of node.children ?? []) {
          if (isNode(c)) walk(c);
          else if (c.type === 'content') ids.add(c.id);
        }
      };
      if (tree) walk(tree);
      const text = await page.getTextContent({ includeMarkedContent: true });
      const content = new Map<string, string>();
      const untagged: string[] = [];
      const artifacts: string[] = [];
      const stack: Array<{ tag: string | null; id: string | null }> = [];
      for (const it of text.items as Array<Record<string, unknown>>) {
        if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
          stack.push({ tag: (it.tag as string | null) ?? null, id: (it.id as string | null | undefined) ?? null });
          continue;
        }
        if (it.type === 'endMarkedContent') {
          stack.pop();
          continue;
        }
        const str = it.str as string | undefined;
        if (str === undefined) continue;
        const piece = str + (it.hasEOL ? '\n' : '');
        if (stack.some((m) => m.tag === 'Artifact')) {
          artifacts.push(piece);
          continue;
        }
        let id: string | null = null;
        for (let i = stack.length - 1; i >= 0 && id === null; i--) id = stack[i]!.id;
        if (id !== null && ids.has(id)) content.set(id, (content.get(id) ?? '') + piece);
        else if (str.trim()) untagged.push(str);
      }
      pages.push({ number: n, tree, content, untagged, artifacts, ...(sources[n - 1] ? { source: sources[n - 1] } : {}) });
      page.cleanup();
    }
    return { lang, marked: mark?.Marked === true, pages };
  } finally {
    await doc.destroy();
  }
}

/**
 * Per page, the author's PDF it comes from, as sopkit's stamp records it (/PieceInfo
 * /Sopkit /Private /Source); pdf.js does not expose page dictionaries, pdf-lib does.
 */
async function pageSources(bytes: Uint8Array): Promise<Array<string | undefined>> {
  const { PDFDocument, PDFDict, PDFName, PDFHexString, PDFString } = await import('../vendor/pdf-lib.js');
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, ignoreEncryption: true });
    return doc.getPages().map((p) => {
      const info = p.node.lookup(PDFName.of('PieceInfo'));
      const mine = info instanceof PDFDict ? info.lookup(PDFName.of('Sopkit')) : undefined;
      const priv = mine instanceof PDFDict ? mine.lookup(PDFName.of('Private')) : undefined;
      const src = priv instanceof PDFDict ? priv.lookup(PDFName.of('Source')) : undefined;
      return src instanceof PDFHexString || src instanceof PDFString ? src.decodeText() : undefined;
    });
  } catch {
    return [];
  }
}

/** The text of a page in structure-tree order (each element's content where the tree puts it). */
export function structureText(page: TaggedPage): string {
  const parts: string[] = [];
  const walk = (node: PdfStructNode) => {
    for (const c of node.children ?? []) {
      if (isNode(c)) walk(c);
      else if (c.type === 'content') parts.push(page.content.get(c.id) ?? '');
    }
    // Elements end with a word boundary: a cell's text must not run into the next cell's.
    parts.push(' ');
  };
  if (page.tree) walk(page.tree);
  return parts.join('');
}

/** Every role in the pages' trees, with how many elements have it (an element on two pages counts twice). */
export function roleCounts(pdf: TaggedPdf): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: PdfStructNode) => {
    out.set(node.role, (out.get(node.role) ?? 0) + 1);
    for (const c of node.children ?? []) if (isNode(c)) walk(c);
  };
  for (const p of pdf.pages) if (p.tree) walk(p.tree);
  return out;
}

const LATIN = /[A-Za-z\u00c0-\u024f]/;
// Letters only: digits and punctuation of either script are at home in both.
const ARABIC = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/;

function clip(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length <= n ? t : `${[...t].slice(0, n).join('')}…`;
}

/**
 * What a reader would miss: text outside tags and artifacts, figures without Alt, tables
 * without header cells, skipped heading levels, no document language or text in the
 * other script without a language of its own. With page numbers.
 */
export function checkTags(pdf: TaggedPdf): TagFinding[] {
  const out: TagFinding[] = [];
  // Pages of an author's PDF (an external annex) are named as such: sopkit stamps them but
  // does not write their content, so the fix is the author's (export a tagged PDF). Still findings.
  const authors = (src: string) => `the author's PDF ${src} (an external annex, stamped by sopkit, not written by it): export it as a tagged PDF (PDF/UA) from the program that made it`;
  if (!pdf.pages.some((p) => p.tree)) {
    const src = pdf.pages[0]?.source;
    if (src && pdf.pages.every((p) => p.source === src)) {
      out.push({ kind: 'not-tagged', page: 0, external: src, message: `the PDF is not tagged: it is ${authors(src)}` });
    } else out.push({ kind: 'not-tagged', page: 0, message: 'the PDF is not tagged: no page has a structure tree, so a screen reader guesses the reading order' });
    return out;
  }
  if (!pdf.lang) out.push({ kind: 'lang', page: 0, message: 'the document has no language (/Lang in the catalog): a screen reader cannot choose its voice' });
  if (!pdf.marked) out.push({ kind: 'not-tagged', page: 0, message: 'the catalog does not say the PDF is tagged (/MarkInfo << /Marked true >>)' });
  let lastHeading = 0;
  // A table's header row is on the page where the table starts; a table continued from
  // the page before (the previous page's last element was a table) has its header there.
  let tableOpen = false;
  for (const page of pdf.pages) {
    if (page.untagged.length) {
      const from = page.source ? ` — this page is from ${authors(page.source)}` : '';
      out.push({
        kind: 'untagged-text', page: page.number, ...(page.source ? { external: page.source } : {}),
        message: `page ${page.number}: ${page.untagged.length} piece${page.untagged.length === 1 ? '' : 's'} of text outside tags and artifacts, e.g. "${clip(page.untagged[0]!)}"${from}`,
      });
    }
    if (!page.tree) continue;
    let firstTop = true;
    let lastTopWasTable = false;
    const walk = (node: PdfStructNode, lang: string | null, depth: number) => {
      const here = node.lang ?? lang;
      const m = /^H([1-6])$/.exec(node.role);
      if (m) {
        const level = Number(m[1]);
        if (level > lastHeading + 1) out.push({ kind: 'heading-skip', page: page.number, message: `page ${page.number}: heading level ${level} follows level ${lastHeading || 'none'} (a level is skipped)` });
        lastHeading = level;
      }
      if (node.role === 'Figure' && !node.alt?.trim()) out.push({ kind: 'figure-alt', page: page.number, message: `page ${page.number}: a figure has no alternate description (Alt)` });
      if (node.role === 'Table') {
        const continued = firstTop && tableOpen && depth <= 3;
        let th = false;
        const find = (n: PdfStructNode) => {
          if (n.role === 'TH') th = true;
          for (const c of n.children ?? []) if (isNode(c)) find(c);
        };
        find(node);
        if (!th && !continued) out.push({ kind: 'table-header', page: page.number, message: `page ${page.number}: a table has no header cells (TH)` });
      }
      for (const c of node.children ?? []) {
        if (isNode(c)) walk(c, here, depth + 1);
        // A figure is read by its Alt, not by the words drawn in it.
        else if (c.type === 'content' && node.role !== 'Figure') {
          const text = page.content.get(c.id) ?? '';
          const other = here?.startsWith('ar') ? LATIN : here?.startsWith('en') || here?.startsWith('fr') ? ARABIC : undefined;
          if (other && other.test(text)) out.push({ kind: 'lang', page: page.number, message: `page ${page.number}: "${clip(text)}" is in another script than its language (${here}) says, and has no /Lang of its own` });
        }
      }
      if (node.role !== 'Root' && node.role !== 'Document') {
        if (depth <= 2) {
          if (firstTop) firstTop = false;
          lastTopWasTable = node.role === 'Table' || containsLastTable(node);
        }
      }
    };
    walk(page.tree, pdf.lang, 0);
    tableOpen = lastTopWasTable;
  }
  return out;
}

/** Whether an element ends with a table (its last element child, followed down). */
function containsLastTable(node: PdfStructNode): boolean {
  const kids = (node.children ?? []).filter(isNode);
  const last = kids[kids.length - 1];
  if (!last) return false;
  return last.role === 'Table' || containsLastTable(last);
}

export interface TagFileResult {
  file: string;
  pages: number;
  findings: TagFinding[];
  passed: boolean;
}

/** Checks one PDF file. */
export async function verifyTagsFile(abs: string, shown: string): Promise<TagFileResult> {
  const pdf = await readTaggedPdf(new Uint8Array(await readFile(abs)));
  const findings = checkTags(pdf);
  return { file: shown, pages: pdf.pages.length, findings, passed: findings.length === 0 };
}

/** Every `.pdf` below a folder (hidden folders skipped), sorted, or the file itself. */
async function pdfsOf(abs: string): Promise<string[]> {
  const st = await stat(abs);
  if (!st.isDirectory()) return [abs];
  const out: string[] = [];
  for (const e of (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(abs, e.name);
    if (e.isDirectory()) out.push(...(await pdfsOf(full)));
    else if (e.name.toLowerCase().endsWith('.pdf')) out.push(full);
  }
  return out;
}

/** `sopkit verify --tags`: every PDF of a file or folder; exit 1 on findings, 2 when one cannot be read. */
export async function verifyTags(target: string, cwd = process.cwd()): Promise<{ files: TagFileResult[]; exitCode: 0 | 1 | 2 }> {
  const abs = path.resolve(cwd, target);
  let files: string[];
  try {
    files = await pdfsOf(abs);
  } catch {
    throw new SopkitError(diagnostic('file-missing', 'error', `${toPosix(target)} does not exist`, undefined, 'Pass a PDF file or a folder of PDFs, e.g. `sopkit verify dist/ --tags` after `sopkit build`.'));
  }
  const results: TagFileResult[] = [];
  let unreadable = false;
  for (const f of files) {
    const shown = toPosix(path.relative(cwd, f) || f);
    try {
      results.push(await verifyTagsFile(f, shown));
    } catch (e) {
      unreadable = true;
      results.push({ file: shown, pages: 0, passed: false, findings: [{ kind: 'not-tagged', page: 0, message: `${shown} cannot be read (${(e as Error)?.message ?? String(e)})` }] });
    }
  }
  return { files: results, exitCode: unreadable ? 2 : results.every((r) => r.passed) ? 0 : 1 };
}

const MAX_LISTED = 12;

export function formatTagsPretty(files: TagFileResult[]): string {
  const lines: string[] = [];
  for (const f of files) {
    if (f.passed) {
      lines.push(`✓ ${f.file}: ${f.pages} page${f.pages === 1 ? '' : 's'}, every text tagged or an artifact, figures described, tables with headers, no heading level skipped`);
      continue;
    }
    lines.push(`✗ ${f.file}: ${f.findings.length} finding${f.findings.length === 1 ? '' : 's'}`);
    for (const x of f.findings.slice(0, MAX_LISTED)) lines.push(`    ${x.message}`);
    if (f.findings.length > MAX_LISTED) lines.push(`    … and ${f.findings.length - MAX_LISTED} more (use --format json for the full list)`);
  }
  const failed = files.filter((f) => !f.passed).length;
  lines.push(failed ? `${failed} of ${files.length} PDFs have what a screen reader would miss` : `${files.length} PDF${files.length === 1 ? '' : 's'} checked: tagged for screen readers`);
  return lines.join('\n') + '\n';
}
