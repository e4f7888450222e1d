import { remarkDirective, remarkGfm, remarkParse, unified } from '../vendor/markdown.js';
import type { Root } from 'mdast';

/** The one Markdown dialect of sopkit: CommonMark + GFM (tables, footnotes, task lists) + directives. */
export function createParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
}

const parser = createParser();

/**
 * Parses a Markdown body into mdast. Node positions are relative to the body; add
 * `bodyLine - 1` (see `MarkdownFile.bodyLine`) to get file lines.
 */
export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
