import { diagnostic, didYouMean } from '../../diag/index.js';
import { DIRECTIVES, findDirective } from '../../markdown/index.js';
import { markdownFiles } from '../each.js';
import { directivesIn } from '../scan.js';
import type { Rule } from '../types.js';

/**
 * Directives embed data (`::flowchart{data=eligibility}`). An unknown name or a data
 * file that does not exist would silently drop content from the site and the PDF.
 * Read from the document's tree, so `check` sees the directives the outputs draw. Text
 * directives (`:name` inside a sentence) are left alone: in prose they are more often
 * punctuation than intent.
 */
export const directiveRule: Rule = {
  id: 'directive',
  severity: 'error',
  description: 'a directive has an unknown name, or points at a data file that does not exist or does not fit it',
  help: `Sections embed data with directives on their own line: ${DIRECTIVES.map((d) => `::${d.name}${d.data.length ? `{data=${d.data[0]}}` : ''}`).join(', ')}. The data file data/<name>.yaml must exist.`,
  run(ctx, report) {
    const { model } = ctx;
    const names = DIRECTIVES.map((d) => d.name);
    for (const f of markdownFiles(model)) {
      if (!f.body.includes('::')) continue;
      for (const d of directivesIn(ctx.view(f).tree, f.body)) {
        const at = { file: f.file, line: f.bodyLine + d.line, column: d.column };
        const spec = findDirective(d.name);
        if (!spec) {
          const guess = didYouMean(d.name, names);
          report(diagnostic('directive', 'error', `unknown directive "${d.colons}${d.name}"${guess ? ` — did you mean "${d.colons}${guess}"?` : ''}`, at, `Known directives: ${names.join(', ')}.`));
          continue;
        }
        const data = d.attributes.data;
        if (!spec.data.length) continue;
        if (!data) {
          report(diagnostic('directive', 'error', `"::${d.name}" needs a data file, e.g. ::${d.name}{data=${spec.data[0]}}`, at, `Data files it can show: ${spec.data.join(', ')}.`));
          continue;
        }
        if (!spec.data.includes(data)) {
          const guess = didYouMean(data, spec.data);
          report(diagnostic('directive', 'error', `"::${d.name}" cannot show data "${data}"${guess ? ` — did you mean "${guess}"?` : ''}`, at, `::${d.name} shows ${spec.data.join(' or ')}.`));
          continue;
        }
        // A data file that exists but could not be read (a link outside the SOP, not UTF-8, broken YAML) is already reported.
        const unreadable = ctx.loadDiagnostics.some((x) => x.severity === 'error' && (x.file === `data/${data}.yaml` || x.file === `data/${data}.yml`));
        if (!model.data[data] && !unreadable) {
          report(diagnostic('directive', 'error', `"::${d.name}{data=${data}}" refers to data/${data}.yaml, which does not exist`, at, `Create data/${data}.yaml (\`sopkit init\` writes an example of each data file), or remove the directive.`));
        }
      }
    }
  },
};
