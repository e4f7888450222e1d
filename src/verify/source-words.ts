import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/index.js';
import { toWords } from './normalize.js';

/**
 * The words a reader sees of a Markdown body, in source order: text, inline code and
 * code blocks, with block boundaries kept as word boundaries. Markup, link targets,
 * directive attributes, raw HTML and image files are not words on the page.
 * (mdast-util-to-string would glue the last word of a block to the first of the next.)
 */
export function markdownWords(markdown: string): string[] {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseMarkdown(markdown));
  return toWords(parts.join(' '));
}
