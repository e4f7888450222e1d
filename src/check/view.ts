/**
 * What the rules read of a Markdown file, kept small: the headings, directives and links
 * of its tree (in document order, with their positions), whether it has any text, and
 * how many of its letters are Arabic and Latin. Kept in the cache folder by body (memo
 * kind `check-view`), like the parsed trees themselves, so that a `check` of files
 * unchanged since the last command reads these few kilobytes instead of each whole tree
 * (the example's trees are ~800 KB of JSON) and walks no tree to count letters. Made
 * from the document's tree of the file (`treeOf`), so a rule still sees what the outputs
 * show. The one rule that needs every character (char-unsupported) reads the whole tree
 * of the few files that may have a character no font draws.
 */
import type { Nodes, Root } from 'mdast';
import { memoized } from '../cache/memo.js';
import { treeOf } from '../document/index.js';
import type { MarkdownFile, SopModel } from '../model/index.js';
import { letterCounts } from './letters.js';
import { hasContent } from './scan.js';

export interface CheckView {
  /**
   * The tree cut down to what the rules walk: headings (whole), leaf and container
   * directives and links, definitions and images (their fields and position, and the kept
   * nodes inside them), in document order; every other node is replaced by the kept
   * nodes inside it.
   */
  tree: Root;
  /** See `hasContent` (./scan.ts). */
  hasContent: boolean;
  /** See `letterCounts` (./letters.ts). */
  letters: { arabic: number; latin: number };
}

/** The kept nodes of `nodes` and of everything inside them (see CheckView.tree). */
function kept(nodes: readonly Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'heading':
        out.push(n);
        break;
      case 'leafDirective':
      case 'containerDirective':
        out.push({ type: n.type, name: n.name, attributes: n.attributes, position: n.position, children: kept(n.children) } as Nodes);
        break;
      case 'link':
      case 'image':
      case 'definition':
        out.push({ type: n.type, url: n.url, position: n.position, ...('children' in n ? { children: kept(n.children) } : {}) } as Nodes);
        break;
      default:
        if ('children' in n) out.push(...kept(n.children as Nodes[]));
    }
  }
  return out;
}

/** The view of a parsed tree (exported for its test: the rules see the same through it). */
export function viewOf(tree: Root): CheckView {
  return { tree: { type: 'root', children: kept(tree.children) as Root['children'] }, hasContent: hasContent(tree), letters: letterCounts(tree) };
}

/** The view of `file`: from the cache folder when its body was seen before, else from its tree. */
export function checkView(model: SopModel, file: MarkdownFile): CheckView {
  return memoized('check-view', file.body, () => viewOf(treeOf(model, file)));
}
