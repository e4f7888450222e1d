/**
 * What the rules read of a section's Markdown structure (its directives, heading texts,
 * whether it has any text, the prose to count letters in), taken from the document's tree
 * of the file (`ctx.mdast(file)`): the same tree the PDF and the site are made from, so a
 * rule sees exactly what the outputs show.
 */
import type { Nodes, Root } from 'mdast';

/** The text of a node as mdast-util-to-string gives it (values, image alts, no separators). */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node ? (node.children as Nodes[]).map(nodeText).join('') : '';
}

/**
 * Calls `visit` on every node of a tree, parents before children, in document order: what
 * unist-util-visit does for a visitor that never skips, without the array of ancestors it
 * makes for every node (a third of the garbage of a check's rules).
 */
export function eachNode(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const c of node.children as Nodes[]) eachNode(c, visit);
}

/** An HTML node's text: without comments and tags. */
function htmlText(value: string): string {
  return value.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
}

/** True when the body has any text besides headings, rules, comments, link definitions and lone HTML tags. */
export function hasContent(tree: Root): boolean {
  return tree.children.some((n) => {
    switch (n.type) {
      case 'heading':
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return false;
      case 'html':
        return htmlText(n.value).trim() !== '';
      default:
        return true;
    }
  });
}

/**
 * The prose of a body for counting letters: text, link texts, image alts and footnotes;
 * no code, HTML tags, link targets, link definitions, or directive names, labels and
 * attributes (a container directive's content is prose).
 */
export function proseText(tree: Root): string {
  const parts: string[] = [];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'leafDirective':
        return;
      case 'html':
        parts.push(htmlText(node.value));
        return;
      case 'text':
        parts.push(node.value);
        return;
      case 'image':
        parts.push(node.alt ?? '');
        return;
      case 'textDirective':
        parts.push(`:${node.name}`);
        break;
      case 'containerDirective':
        for (const c of node.children) if (!(c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) visit(c as Nodes);
        return;
      default:
        break;
    }
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
    // Blocks end words: "end." + "Next" must not glue into one word.
    parts.push('\n');
  };
  visit(tree);
  return parts.join('');
}

export interface ScannedDirective {
  /** `::` (leaf) or `:::` (container), as written. */
  colons: string;
  name: string;
  attributes: Record<string, string>;
  /** 0-based line in the body and 1-based column of the first colon. */
  line: number;
  column: number;
}

/** The leaf and container directives of a body (anywhere: in block quotes and list items too). */
export function directivesIn(tree: Root, body: string): ScannedDirective[] {
  const out: ScannedDirective[] = [];
  eachNode(tree, (n) => {
    if (n.type !== 'leafDirective' && n.type !== 'containerDirective') return;
    const start = n.position?.start;
    if (!start) return;
    const colons = /^:+/.exec(body.slice(start.offset ?? 0))?.[0] ?? (n.type === 'leafDirective' ? '::' : ':::');
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(n.attributes ?? {})) if (k !== 'id' && k !== 'class') attributes[k] = v ?? '';
    out.push({ colons, name: n.name, attributes, line: start.line - 1, column: start.column });
  });
  return out;
}

/** The headings of a body: 0-based line and text without inline markup. */
export function headingsIn(tree: Root): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  eachNode(tree, (n) => {
    if (n.type === 'heading') out.push({ line: (n.position?.start.line ?? 1) - 1, text: nodeText(n).replace(/\s+/g, ' ').trim() });
  });
  return out;
}
