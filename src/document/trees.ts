import type { Root } from 'mdast';
import type { SopModel } from '../model/types.js';
import { parseBody } from './parse.js';
import { realizeTree } from './realize.js';

/** Realized trees by file object: a file is parsed and realized the first time anyone asks. */
const trees = new WeakMap<object, Root>();

/**
 * The mdast of one Markdown file of `model` (section or annex, or a generated one), its
 * directives realized. Parsed once per file object, on first request (so `check`, which
 * reads few trees, does not parse every annex). Positions are relative to the body (add
 * `bodyLine - 1` for file lines). The tree is shared by every consumer: one that edits
 * nodes works on `cloneTree(treeOf(model, file))`.
 */
export function treeOf(model: SopModel, file: { body: string }): Root {
  let t = trees.get(file);
  if (!t) {
    t = parseBody(file.body);
    realizeTree(model, t);
    trees.set(file, t);
  }
  return t;
}

/**
 * A deep copy of a tree for a consumer that rewrites nodes (the site marks headings and
 * swaps directives for slots). The realized directives (`data.sop`) are kept by reference:
 * they hold the model's data files, which nobody edits and which are costly to copy.
 */
export function cloneTree<T>(node: T): T {
  if (Array.isArray(node)) return node.map(cloneTree) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'sop' ? v : cloneTree(v);
  return out as T;
}
