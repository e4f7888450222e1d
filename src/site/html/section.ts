import { randomBytes } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes, Paragraph, Text as MdText } from 'mdast';
import { unified } from '../../vendor/markdown.js';
import { remarkRehype } from '../../vendor/html.js';
import { rehypeRaw } from '../../vendor/html.js';
import { rehypeSanitize } from '../../vendor/html.js';
import { cloneTree, realizedOf, treeOf, type RealizedDirective } from '../../document/index.js';
import { isolateRuns } from './bidi.js';
import type { RenderContext } from './context.js';
import { renderDirective } from './directives.js';
import { h, text } from './h.js';
import { anchorId, headingText, label as siteLabel, localizeDigits, type HeadingTextNode, type SlugAllocator } from '../../i18n/index.js';
import { sanitizeSchema } from './sanitize.js';
import type { IdRegistry } from './slug.js';

export interface RenderedHeading {
  id: string;
  /** 3–6: the component heading is 2, so body headings start at 3. */
  depth: number;
  text: string;
}

export interface RenderedBody {
  children: ElementContent[];
  headings: RenderedHeading[];
}

const SLOT_TAG = 'sopkit-slot';

type DirectiveNode = Extract<MdastNodes, { type: 'leafDirective' | 'containerDirective' | 'textDirective' }>;

/** Plain text of a hast subtree. */
export function hastText(node: RootContent | HastRoot | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    if (node.type === 'element' && (node.tagName === 'svg' || node.tagName === 'script')) return '';
    return node.children.map((c) => hastText(c as ElementContent)).join('');
  }
  return '';
}

/**
 * Replaces known data directives with slot placeholders and turns everything else that
 * remark-directive parsed (`:30` in "10:30", unknown `::foo`) back into its source text,
 * so prose is never swallowed.
 */
function extractDirectives(tree: MdastRoot, body: string, nonce: string) {
  const found: { name: string; realized: RealizedDirective }[] = [];
  const visit = (node: MdastNodes) => {
    if (!('children' in node)) return;
    const kids = node.children as MdastNodes[];
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.type === 'leafDirective' || child.type === 'containerDirective' || child.type === 'textDirective') {
        const d = child as DirectiveNode;
        const realized = d.type !== 'textDirective' ? realizedOf(d) : undefined;
        if (realized && realized.kind !== 'unknown') {
          const slot = found.length;
          found.push({ name: d.name, realized });
          (d as unknown as { children: unknown[] }).children = [];
          d.data = { hName: SLOT_TAG, hProperties: { dataSlot: `${nonce}:${slot}` } };
          continue;
        }
        const src = d.position?.start.offset !== undefined && d.position.end.offset !== undefined
          ? body.slice(d.position.start.offset, d.position.end.offset)
          : `:${d.name}`;
        const t: MdText = { type: 'text', value: src };
        kids[i] = (d.type === 'textDirective' ? t : ({ type: 'paragraph', children: [t] } satisfies Paragraph)) as MdastNodes;
        continue;
      }
      visit(child);
    }
  };
  visit(tree);
  return found;
}

/**
 * A directive used twice on a page (two service maps) must not repeat ids: the first keeps
 * `service-x` (what pathway links point at), later ones get `-2`. Ids a directive derives
 * from its own claimed id are unique already and stay as they are.
 */
function claimInnerIds(el: Element, ids: IdRegistry): void {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    const id = c.properties?.id;
    if (typeof id === 'string' && !ids.has(id)) ids.claim(id);
    else if (typeof id === 'string' && /^service-/.test(id)) c.properties.id = ids.claim(id);
    claimInnerIds(c, ids);
  }
}

function hasHtml(node: MdastNodes): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && (node.children as MdastNodes[]).some(hasHtml);
}

function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim()) || /^(?:https?|ftp):/i.test(url.trim());
}

/**
 * Renders one section body (the document's tree of `file`) into sanitized hast. `idPrefix` (the component id) keeps ids
 * unique on a page that holds every section. Body headings get stable ids
 * `<component>--<slug>` from the component's `slugs` (`i18n/slug.ts`: the PDF's named
 * destinations and `check` hand out the same); the language switcher falls back to the
 * part before `--`.
 */
export function renderBody(file: { body: string }, ctx: RenderContext, idPrefix: string, ids: IdRegistry, slugs: SlugAllocator): RenderedBody {
  const { body } = file;
  // The document's tree, copied: slots and heading marks below rewrite nodes.
  const mdast = cloneTree(treeOf(ctx.model, file));
  // Only marks the placeholders of this render: user HTML cannot forge a slot it cannot guess.
  // It never reaches the output, so builds stay byte-identical.
  const nonce = randomBytes(8).toString('hex');
  const directives = extractDirectives(mdast, body, nonce);
  // Markdown headings carry their index through to hast (raw HTML headings do not), so each
  // gets its anchor from the Markdown text, exactly as the PDF and `check` read it.
  const headingTexts: string[] = [];
  const markHeadings = (n: MdastNodes) => {
    if (n.type === 'heading') {
      n.data = { ...n.data, hProperties: { ...(n.data?.hProperties ?? {}), id: `${nonce}-h${headingTexts.length}` } };
      headingTexts.push(headingText(n.children as HeadingTextNode[]));
      return;
    }
    if ('children' in n) for (const c of n.children as MdastNodes[]) markHeadings(c);
  };
  markHeadings(mdast);
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: siteLabel('footnotes', ctx.lang),
      footnoteBackLabel: siteLabel('backToContent', ctx.lang),
    });
  // Re-parsing through parse5 is the slowest step and only needed when the Markdown holds
  // raw HTML; sanitizing always runs.
  if (hasHtml(mdast)) processor.use(rehypeRaw);
  processor.use(rehypeSanitize, sanitizeSchema(`${idPrefix}--`, SLOT_TAG));
  const hast = processor.runSync(mdast as never) as HastRoot;

  // Shift headings so the shallowest body heading becomes h3 under the component's h2.
  let minDepth = 6;
  const scan = (n: HastRoot | Element) => {
    for (const c of n.children) if (c.type === 'element') {
      const m = /^h([1-6])$/.exec(c.tagName);
      if (m) minDepth = Math.min(minDepth, Number(m[1]));
      scan(c);
    }
  };
  scan(hast);

  const headings: RenderedHeading[] = [];
  const userIds = new Set<string>();
  // The footnotes heading gets a page-unique id; the references that describe themselves by it follow.
  const renamed = new Map<string, string>();
  const transform = (n: HastRoot | Element) => {
    const out: RootContent[] = [];
    for (const c of n.children) {
      if (c.type !== 'element') { out.push(c); continue; }
      if (c.tagName === SLOT_TAG) {
        const [tag, index] = String(c.properties?.dataSlot ?? '').split(':');
        const d = tag === nonce ? directives[Number(index)] : undefined;
        const el = d ? renderDirective(d.realized, ctx, ids.claim(`${idPrefix}--${d.name}`)) : null;
        if (el) {
          claimInnerIds(el, ids);
          out.push(el);
        }
        continue;
      }
      const m = /^h([1-6])$/.exec(c.tagName);
      if (m) {
        const depth = Math.min(6, Number(m[1]) - minDepth + 3);
        const label = hastText(c).trim();
        // GFM's footnote heading: an anchor target, not a topic for the contents or search.
        const footnotes = String(c.properties?.id ?? '').endsWith('footnote-label');
        const rawId = String(c.properties?.id ?? '');
        const mark = `${idPrefix}--${nonce}-h`;
        const text = rawId.startsWith(mark) ? headingTexts[Number(rawId.slice(mark.length))] ?? label : label;
        const id = ids.claim(footnotes ? `${idPrefix}--footnotes` : anchorId(idPrefix, slugs.heading(text)));
        if (footnotes) renamed.set(rawId, id);
        c.tagName = `h${depth}`;
        c.properties = { ...c.properties, id };
        if (!footnotes) headings.push({ id, depth, text: label });
        out.push(c);
        continue;
      }
      if (typeof c.properties?.id === 'string') userIds.add(c.properties.id);
      // GFM task-list boxes are read-only; they still need a name for screen readers.
      if (c.tagName === 'li') {
        const boxes = [c, ...c.children.filter((k): k is Element => k.type === 'element' && k.tagName === 'p')]
          .flatMap((p) => p.children.filter((k): k is Element => k.type === 'element' && k.tagName === 'input'));
        const name = boxes.length ? hastText(c).replace(/\s+/g, ' ').trim().slice(0, 120) : '';
        for (const k of boxes) k.properties = { ...k.properties, ariaLabel: name };
      }
      if (c.tagName === 'a' && typeof c.properties?.href === 'string' && isExternal(c.properties.href)) {
        // No request may leave the site, and offline readers cannot follow it anyway:
        // keep the words and show the address as text they can copy.
        const url = c.properties.href;
        const kids = c.children;
        transform({ ...c, children: kids });
        out.push(h('span', { className: ['external'] }, kids, ' ', h('span', { className: ['external-url'], dir: 'ltr' }, `<${url}>`)));
        continue;
      }
      if (c.tagName === 'img' && typeof c.properties?.src === 'string' && isExternal(c.properties.src)) {
        out.push(h('span', { className: ['image-removed'] }, `[${siteLabel('imageRemoved', ctx.lang)}: ${String(c.properties.alt ?? '')}]`));
        continue;
      }
      transform(c);
      // Wide tables scroll sideways on a phone instead of widening the page.
      out.push(c.tagName === 'table' ? h('div', { className: ['table-scroll'] }, c) : c);
    }
    n.children = out as typeof n.children;
  };
  transform(hast);

  // In-page links written in the section (footnotes, #anchors) follow their clobbered ids.
  const relink = (n: HastRoot | Element) => {
    for (const c of n.children) if (c.type === 'element') {
      const href = c.properties?.href;
      if (c.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) {
        const target = `${idPrefix}--${href.slice(1)}`;
        if (userIds.has(target)) c.properties.href = `#${target}`;
      }
      const describedBy = c.properties?.ariaDescribedBy;
      if (describedBy !== undefined) {
        const list = (Array.isArray(describedBy) ? describedBy : String(describedBy).split(/\s+/)).map(String);
        c.properties.ariaDescribedBy = list.map((x) => renamed.get(x) ?? x);
      }
      // Footnote numbers in the page's digits, as the numbered notes they point to.
      if (c.tagName === 'a' && c.properties?.dataFootnoteRef !== undefined) {
        const localize = (e: Element) => {
          for (const k of e.children) if (k.type === 'text') k.value = localizeDigits(k.value, ctx.digits); else if (k.type === 'element') localize(k);
        };
        localize(c);
      }
      relink(c);
    }
  };
  relink(hast);
  isolateRuns(hast, ctx.dir === 'rtl');
  return { children: hast.children as ElementContent[], headings };
}

export { text };
