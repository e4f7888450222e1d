import type { Rule } from '../types.js';

/**
 * The loader already reports YAML syntax, schema, encoding, size and missing-file
 * problems with their positions; `check` passes them through unchanged so one run
 * shows everything.
 */
export const loadProblems: Rule = {
  id: 'schema',
  severity: 'error',
  description: 'sop.yaml, front-matter and data files must be valid YAML that matches the schemas',
  help: 'Every YAML file and front-matter block is validated against the schemas in schemas/. Fix the key or value at the reported position; editors with the YAML language server show the same errors as you type.',
  run(ctx, report) {
    // A file without front-matter also fails "the key … is missing" for every required key;
    // the one message that says the block is missing is enough.
    const noFrontMatter = new Set(ctx.loadDiagnostics.filter((d) => d.rule === 'front-matter-missing').map((d) => d.file));
    for (const d of ctx.loadDiagnostics) {
      if (d.rule === 'schema' && noFrontMatter.has(d.file) && / is missing$/.test(d.message)) continue;
      report(d);
    }
  },
};
