import { realizedOf, treeOf } from '../document/index.js';
import type { SopModel } from '../model/types.js';

interface TreeNode {
  type: string;
  data?: unknown;
  children?: TreeNode[];
}

function showsServiceMap(node: TreeNode): boolean {
  const r = (node.type === 'leafDirective' || node.type === 'containerDirective') ? realizedOf(node) : undefined;
  if (r?.kind === 'services' && r.shown.name === 'services' && r.shown.file) return true;
  return (node.children ?? []).some(showsServiceMap);
}

/**
 * Whether a page made of `files` (the sections it renders, fallback translations included,
 * and its Markdown annexes) shows the rows of `data/services.yaml` itself: a `::services`
 * directive that draws that file. Then a reference to a service (a pathway step) points at
 * its row on the page (`#service-x`) instead of at services.html. Read from the parsed
 * trees, so a `::services` quoted in a code block does not count, and one in an annex does.
 */
export function servicesOnPage(model: SopModel, files: readonly { body: string }[]): boolean {
  return files.some((f) => showsServiceMap(treeOf(model, f) as TreeNode));
}
