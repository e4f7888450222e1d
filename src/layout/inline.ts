/** mdast phrasing content → styled spans (collect stage of the inline engine). */
import { diagnostic } from '../diag/index.js';
import { anchorId, formatNumber, internalLink, resolveAnchor } from '../i18n/index.js';
import type { Span, TextStyle } from '../text/index.js';
import { lineOf, type LayoutContext, type MdNode } from './context.js';
import { externalUri } from './uri.js';

export function footnoteNumber(ctx: LayoutContext, id: string): number {
  let i = ctx.section.footnoteOrder.indexOf(id);
  if (i < 0) {
    ctx.section.footnoteOrder.push(id);
    i = ctx.section.footnoteOrder.length - 1;
  }
  return i + 1;
}

export function footnoteAnchor(ctx: LayoutContext, id: string): string {
  return `fn:${ctx.section.key}:${ctx.section.fileIndex}:${id}`;
}

/** Plain text of a node tree (alt texts, headings for the outline). */
export function plainText(nodes: MdNode[] | undefined): string {
  let s = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text' || n.type === 'inlineCode') s += n.value ?? '';
    else if (n.type === 'break') s += ' ';
    else if (n.type === 'image') s += n.alt ?? '';
    else if (n.type === 'footnoteReference') continue;
    else if (n.children) s += plainText(n.children);
  }
  return s;
}

/**
 * The destination of a link inside the SOP: a heading of this component (`#x`, anchors known
 * before layout so forward links resolve too), or a heading or the title of another
 * component of this PDF (`08-eligibility.md#criteria`), named as on the site.
 */
function internalDest(to: { file: string; fragment?: string }, ctx: LayoutContext): string | undefined {
  const here = to.file === ctx.file ? { scope: ctx.section.scope, anchors: ctx.section.anchors, dest: undefined } : ctx.linkTargets?.get(to.file);
  if (!here) return undefined;
  if (to.fragment === undefined || to.fragment === '') return here.dest;
  const slug = resolveAnchor(here.anchors, to.fragment);
  return slug === undefined ? undefined : anchorId(here.scope, slug);
}

export function collectSpans(nodes: MdNode[] | undefined, style: TextStyle, ctx: LayoutContext, out: Span[] = []): Span[] {
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'text':
        out.push({ text: (n.value ?? '').replace(/\n/g, ' '), style });
        break;
      case 'strong':
        collectSpans(n.children, { ...style, bold: true }, ctx, out);
        break;
      case 'emphasis':
      case 'delete':
        // No italic faces for Arabic; emphasis keeps the text, colour marks it.
        collectSpans(n.children, { ...style, color: ctx.theme.accent }, ctx, out);
        break;
      case 'inlineCode':
        out.push({ text: n.value ?? '', style: { ...style, color: [0.55, 0.1, 0.1] } });
        break;
      case 'break':
        out.push({ text: '\n', style });
        break;
      case 'link': {
        const url = n.url ?? '';
        const to = internalLink(url, ctx.file ?? '');
        const dest = to && internalDest(to, ctx);
        if (dest) {
          collectSpans(n.children, { ...style, color: ctx.theme.accent, link: dest, underline: true }, ctx, out);
        } else if (url.startsWith('#')) {
          // A link to no heading keeps its words as plain text (`check` reports it: link-broken).
          collectSpans(n.children, style, ctx, out);
        } else {
          // Web and e-mail addresses open on click; other targets stay plain text (see uri.ts).
          const uri = externalUri(url);
          collectSpans(n.children, uri ? { ...style, color: ctx.theme.accent, uri, underline: true } : { ...style, color: ctx.theme.accent }, ctx, out);
        }
        break;
      }
      case 'footnoteReference': {
        const id = n.identifier ?? '';
        const num = footnoteNumber(ctx, id);
        out.push({
          text: formatNumber(num, ctx.digits),
          style: { ...style, size: style.size * 0.65, rise: style.size * 0.38, link: footnoteAnchor(ctx, id), color: ctx.theme.accent },
        });
        break;
      }
      case 'image':
        out.push({ text: n.alt ? `[${n.alt}]` : '', style: { ...style, color: ctx.theme.muted } });
        break;
      case 'textDirective':
        ctx.diagnostics.push(diagnostic('pdf-directive-unknown', 'warning', `unknown inline directive ":${n.name}" printed as text`,
          { file: ctx.file, ...lineOf(ctx, n) }, 'Use one of the directives listed in docs/pdf.md, or escape the colon as \\:.'));
        out.push({ text: `:${n.name ?? ''}`, style });
        collectSpans(n.children, style, ctx, out);
        break;
      case 'html':
        break;
      default:
        if (n.children) collectSpans(n.children, style, ctx, out);
        else if (typeof n.value === 'string') out.push({ text: n.value, style });
    }
  }
  return out;
}
