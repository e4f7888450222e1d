import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { diagnostic, didYouMean } from '../../diag/index.js';
import { DIRECTIVES, findDirective } from '../../markdown/index.js';
import { nodePosition } from '../context.js';
import type { Rule } from '../types.js';

interface DirectiveNode extends Node {
  type: 'leafDirective' | 'containerDirective' | 'textDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
}

/**
 * Directives embed data (`::flowchart{data=eligibility}`). An unknown name or a data
 * file that does not exist would silently drop content from the site and the PDF.
 * Text directives (`:name` inside a sentence) are left alone: in prose they are more
 * often an accident of punctuation than an intent.
 */
export const directiveRule: Rule = {
  id: 'directive',
  severity: 'error',
  description: 'a directive has an unknown name, or points at a data file that does not exist or does not fit it',
  help: `Sections embed data with leaf directives on their own line: ${DIRECTIVES.map((d) => `::${d.name}${d.data.length ? `{data=${d.data[0]}}` : ''}`).join(', ')}. The data file data/<name>.yaml must exist.`,
  run(ctx, report) {
    const { model } = ctx;
    const names = DIRECTIVES.map((d) => d.name);
    const files = [...model.sections, ...model.annexes.filter((a) => a.kind === 'markdown-annex')];
    for (const f of files) {
      visit(ctx.mdast(f), (node: Node) => {
        if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
        const d = node as DirectiveNode;
        const at = nodePosition(f, d);
        const spec = findDirective(d.name);
        const colons = d.type === 'leafDirective' ? '::' : ':::';
        if (!spec) {
          const guess = didYouMean(d.name, names);
          report(diagnostic('directive', 'error', `unknown directive "${colons}${d.name}"${guess ? ` — did you mean "${colons}${guess}"?` : ''}`, at, `Known directives: ${names.join(', ')}.`));
          return;
        }
        const data = d.attributes?.data ?? undefined;
        if (!spec.data.length) return;
        if (!data) {
          report(diagnostic('directive', 'error', `"::${d.name}" needs a data file, e.g. ::${d.name}{data=${spec.data[0]}}`, at, `Data files it can show: ${spec.data.join(', ')}.`));
          return;
        }
        if (!spec.data.includes(data)) {
          const guess = didYouMean(data, spec.data);
          report(diagnostic('directive', 'error', `"::${d.name}" cannot show data "${data}"${guess ? ` — did you mean "${guess}"?` : ''}`, at, `::${d.name} shows ${spec.data.join(' or ')}.`));
          return;
        }
        if (!model.data[data]) {
          report(diagnostic('directive', 'error', `"::${d.name}{data=${data}}" refers to data/${data}.yaml, which does not exist`, at, `Create data/${data}.yaml (\`sopkit init\` writes an example of each data file), or remove the directive.`));
        }
      });
    }
  },
};
