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
    for (const d of ctx.loadDiagnostics) report(d);
  },
};
