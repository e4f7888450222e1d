import type { Nodes, Root } from 'mdast';
import { toWords } from './normalize.js';

/** Words of a node tree in source order; footnote definitions are skipped. */
function walkWords(node: Nodes, parts: string[]): void {
  if (node.type === 'footnoteDefinition') return;
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
  if ('children' in node) for (const child of node.children) walkWords(child as Nodes, parts);
}

/**
 * The words a reader sees of a Markdown body (its tree from the document: `treeOf`), in source order: text, inline code and
 * code blocks, with block boundaries kept as word boundaries. Markup, link targets,
 * directive attributes, raw HTML and image files are not words on the page.
 * (mdast-util-to-string would glue the last word of a block to the first of the next.)
 *
 * Footnote definitions are left out: where a note is read depends on the page (sopkit
 * sets it at the foot of the page of its reference, other engines at the end of the
 * document), not on where it is written. `markdownFootnotes` gives their words, which
 * the word-order metric scores as floating runs (see `wordOrderReport`).
 */
export function markdownWords(tree: Root): string[] {
  const parts: string[] = [];
  walkWords(tree, parts);
  return toWords(parts.join(' '));
}

/** The words of each footnote definition of a Markdown body, in source order. */
export function markdownFootnotes(tree: Root): string[][] {
  const out: string[][] = [];
  const find = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') {
      const parts: string[] = [];
      for (const child of node.children) walkWords(child, parts);
      const words = toWords(parts.join(' '));
      if (words.length) out.push(words);
      return;
    }
    if ('children' in node) for (const child of node.children) find(child as Nodes);
  };
  find(tree);
  return out;
}
