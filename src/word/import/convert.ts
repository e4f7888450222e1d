/**
 * A .docx → Markdown parts split at its headings. mammoth turns Word's structure into
 * semantic HTML (headings by style, lists, tables, footnotes, images, bold/italic, links);
 * rehype-raw reads that HTML as a tree, rehype-remark makes it mdast and remark-stringify
 * (with GFM: tables, footnotes) writes Markdown. Written here only what they lack:
 * mammoth's footnote list turned back into Markdown footnotes, the split into sections,
 * heading levels shifted under the section title, merged table cells reported (the table
 * converter flattens them into repeated empty cells).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdRoot, RootContent, FootnoteDefinition } from 'mdast';
import { mammoth, rehypeRaw, rehypeRemark, remarkGfm, remarkStringify, unified } from '../../vendor/word-import.js';
import { stripNumbering } from './match.js';

export interface WordPart {
  /** The heading as written in Word (numbering and all), '' for text before the first heading. */
  heading: string;
  /** The heading without manual numbering. */
  title: string;
  markdown: string;
  /** Table rows in this part (for the "every row kept" check and the summary). */
  tableRows: number;
}

export interface WordConversion {
  parts: WordPart[];
  /** Images by file name (written to assets/). */
  images: Map<string, Uint8Array>;
  warnings: string[];
  /** The text in Word's Title style, if any (the SOP's title). */
  docTitle?: string;
}

const IMAGE_SCHEME = 'sopkit-image:';
const FOOTNOTE_REF = 'sopkit-footnote-ref';

function isElement(n: unknown, tag?: string): n is Element {
  return !!n && (n as Element).type === 'element' && (tag === undefined || (n as Element).tagName === tag);
}

function textOf(n: HastContent | ElementContent): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element') return n.children.map(textOf).join('');
  return '';
}

function walk(n: HastRoot | Element, f: (e: Element, parent: HastRoot | Element, i: number) => void): void {
  n.children.forEach((c, i) => {
    if (isElement(c)) {
      f(c, n, i);
      walk(c, f);
    }
  });
}

/** mammoth's `<ol><li id="footnote-N">` lists (footnotes and endnotes), taken out of the tree. */
function takeNotes(tree: HastRoot): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  tree.children = tree.children.filter((c) => {
    if (!isElement(c, 'ol')) return true;
    const items = c.children.filter((li): li is Element => isElement(li, 'li'));
    const ids = items.map((li) => /^(footnote|endnote)-(\d+)$/.exec(String(li.properties?.id ?? '')));
    if (!items.length || ids.some((m) => !m)) return true;
    items.forEach((li, k) => {
      // The back link ("↑") mammoth adds at the end of each note is not the note's text.
      walk(li, (e, parent, i) => {
        if (isElement(e, 'a') && /^#(footnote|endnote)-ref-/.test(String(e.properties?.href ?? ''))) (parent.children as ElementContent[]).splice(i, 1, { type: 'text', value: '' });
      });
      notes.set(`${ids[k]![1]}-${ids[k]![2]}`, li.children);
    });
    return false;
  });
  return notes;
}

/**
 * A Word table whose header row is not marked as one (no `th`): its first row is taken as
 * the header, as readers of the table do, rather than an empty header added above it.
 */
function headerRows(tree: HastRoot): void {
  walk(tree, (e) => {
    if (e.tagName !== 'table') return;
    let hasHeader = false;
    walk(e, (x) => { if (x.tagName === 'th' || x.tagName === 'thead') hasHeader = true; });
    if (hasHeader) return;
    let first: Element | undefined;
    walk(e, (x) => { if (!first && x.tagName === 'tr') first = x; });
    for (const c of first?.children ?? []) if (isElement(c, 'td')) c.tagName = 'th';
  });
}

/** `<sup><a href="#footnote-N">` → a marker element the mdast handler turns into `[^N]`; bookmarks (`<a id>`) dropped. */
function markReferences(tree: HastRoot): void {
  walk(tree, (e, parent, i) => {
    if (isElement(e, 'sup') && e.children.length === 1 && isElement(e.children[0], 'a')) {
      const m = /^#(footnote|endnote)-(\d+)$/.exec(String(e.children[0].properties?.href ?? ''));
      if (m) (parent.children as ElementContent[])[i] = { type: 'element', tagName: FOOTNOTE_REF, properties: { dataNote: `${m[1]}-${m[2]}` }, children: [] };
    } else if (isElement(e, 'a') && e.properties?.href === undefined && e.children.length === 0) {
      (parent.children as ElementContent[]).splice(i, 1, { type: 'text', value: '' });
    }
  });
}

const HEADING = /^h([1-6])$/;
const depthOf = (n: HastContent): number | undefined => (isElement(n) ? Number(HEADING.exec(n.tagName)?.[1]) || undefined : undefined);

/** The heading level the document is divided at: the top one, unless it is a lone title over several of the next. */
function splitLevel(nodes: readonly HastContent[]): number | undefined {
  const depths = nodes.map(depthOf).filter((d): d is number => d !== undefined);
  if (!depths.length) return undefined;
  const top = Math.min(...depths);
  const count = (d: number) => depths.filter((x) => x === d).length;
  if (count(top) === 1 && depths[0] === top) {
    const next = Math.min(...depths.filter((d) => d > top), 7);
    if (next < 7 && count(next) >= 2) return next;
  }
  return top;
}

function processor() {
  return unified()
    .use(rehypeRemark, {
      handlers: {
        [FOOTNOTE_REF]: (_state: unknown, node: Element) => {
          const id = String(node.properties?.dataNote ?? '');
          return { type: 'footnoteReference', identifier: id, label: id.replace(/^footnote-/, '').replace(/^endnote-/, 'e') };
        },
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true });
}

async function toMdast(children: HastContent[]): Promise<MdRoot> {
  return (await processor().run({ type: 'root', children } as HastRoot)) as MdRoot;
}

function visitMd(n: { type: string; children?: unknown[] }, f: (n: { type: string; [k: string]: unknown }) => void): void {
  f(n as { type: string });
  for (const c of (n.children ?? []) as Array<{ type: string }>) visitMd(c, f);
}

/** The Markdown of one part, its footnotes defined at its end, its images pointing into `imageDir`. */
async function partMarkdown(children: HastContent[], notes: Map<string, ElementContent[]>, imageDir: string): Promise<string> {
  const tree = await toMdast(children);
  const used: string[] = [];
  // Notes are numbered 1, 2… in each part, in the order they are cited.
  visitMd(tree, (n) => {
    if (n.type === 'footnoteReference') {
      const id = String(n.identifier);
      if (!used.includes(id)) used.push(id);
      n.identifier = n.label = String(used.indexOf(id) + 1);
    }
    if (n.type === 'image' && String(n.url).startsWith(IMAGE_SCHEME)) n.url = `${imageDir}${String(n.url).slice(IMAGE_SCHEME.length)}`;
  });
  for (const [k, id] of used.entries()) {
    const body = notes.get(id);
    if (!body) continue;
    const def = await toMdast(body as HastContent[]);
    tree.children.push({ type: 'footnoteDefinition', identifier: String(k + 1), label: String(k + 1), children: def.children as FootnoteDefinition['children'] } as RootContent);
  }
  return String(processor().stringify(tree)).trim();
}

/** Converts the .docx `bytes`; `imageDir` is how a part's Markdown reaches assets/ (e.g. `../../assets/`). */
export async function convertDocx(bytes: Uint8Array, imageDir: string): Promise<WordConversion> {
  const images = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
    // The document title is not a section heading.
    styleMap: ["p[style-name='Title'] => p.title:fresh", "p[style-name='Subtitle'] => p:fresh"],
    convertImage: mammoth.images.imgElement(async (image) => {
      const ext = (/image\/(png|jpeg|gif|svg\+xml|bmp|tiff)/.exec(image.contentType)?.[1] ?? 'bin').replace('jpeg', 'jpg').replace('svg+xml', 'svg');
      const name = `word-image-${images.size + 1}.${ext}`;
      images.set(name, new Uint8Array(await image.readAsBuffer()));
      return { src: `${IMAGE_SCHEME}${name}`, alt: image.altText ?? '' };
    }),
  });
  for (const m of result.messages) if (m.type === 'error') warnings.push(m.message);

  const tree = unified().use(rehypeRaw).runSync({ type: 'root', children: [{ type: 'raw', value: result.value }] } as unknown as HastRoot) as HastRoot;
  // References and bookmarks first, notes included (mammoth writes bookmarks into them too).
  markReferences(tree);
  headerRows(tree);
  const notes = takeNotes(tree);

  const titleNode = tree.children.find((c) => isElement(c, 'p') && String(c.properties?.className ?? '').includes('title'));
  const docTitle = titleNode ? textOf(titleNode).trim() || undefined : undefined;
  const nodes = tree.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const split = splitLevel(nodes);
  const groups: Array<{ heading: string; children: HastContent[] }> = [{ heading: '', children: [] }];
  for (const n of nodes) {
    const d = depthOf(n);
    if (split !== undefined && d !== undefined && d <= split) {
      groups.push({ heading: textOf(n).trim(), children: [] });
      continue;
    }
    if (d !== undefined && split !== undefined && isElement(n)) {
      // Sub-headings sit under the section title (front-matter): the first level is ##.
      n.tagName = `h${Math.min(Math.max(d - split + 1, 2), 6)}`;
    }
    groups[groups.length - 1]!.children.push(n);
  }
  const parts: WordPart[] = [];
  for (const g of groups) {
    if (!g.heading && !g.children.length) continue;
    let rows = 0;
    let merged = 0;
    for (const c of g.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'table') walk(c, (e) => { if (e.tagName === 'tr') rows++; });
      walk(c, (e) => {
        if ((e.tagName === 'td' || e.tagName === 'th') && (Number(e.properties?.colSpan ?? 1) > 1 || Number(e.properties?.rowSpan ?? 1) > 1)) merged++;
      });
    }
    if (merged) warnings.push(`"${g.heading || '(before the first heading)'}": ${merged} merged table cell${merged === 1 ? '' : 's'} flattened (their text is in the first cell, the others are left empty)`);
    parts.push({ heading: g.heading, title: stripNumbering(g.heading), markdown: await partMarkdown(g.children, notes, imageDir), tableRows: rows });
  }
  return { parts, images, warnings, docTitle };
}
