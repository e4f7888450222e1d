import { remarkDirective, remarkGfm, remarkParse, unified } from '../vendor/markdown.js';
import type { Root } from 'mdast';
import { blockDepthProblem, limitTree } from './limits.js';

/** The one Markdown dialect of sopkit: CommonMark + GFM (tables, footnotes, task lists) + directives. */
export function createParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
}

/** Made on the first parse: a command whose trees all come from the cache loads no parser (src/tooling/bundle-vendor.ts). */
let parser: ReturnType<typeof createParser> | undefined;

/**
 * Parses a Markdown body into mdast. Node positions are relative to the body; add
 * `bodyLine - 1` (see `MarkdownFile.bodyLine`) to get file lines.
 *
 * Never builds a tree nested past the limits of ./limits.ts: a body whose blocks nest too
 * deeply (the loader reports it as an error, `markdown-too-deep`) comes back as one
 * paragraph of its text, without running micromark on it; inline nesting past the limit
 * becomes plain text. So no walker of the tree can overflow the stack.
 */
export function parseMarkdown(body: string): Root {
  if (blockDepthProblem(body)) return flatRoot(body);
  let tree: Root;
  try {
    parser ??= createParser();
    tree = parser.runSync(parser.parse(body)) as Root;
  } catch (e) {
    if (e instanceof RangeError) return flatRoot(body);
    throw e;
  }
  limitTree(tree);
  return tree;
}

function flatRoot(body: string): Root {
  const end = { line: body.split('\n').length, column: 1, offset: body.length };
  const position = { start: { line: 1, column: 1, offset: 0 }, end };
  return { type: 'root', position, children: [{ type: 'paragraph', position, children: [{ type: 'text', value: body, position }] }] };
}
