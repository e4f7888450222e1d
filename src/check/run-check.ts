import { diagnostic, sortDiagnostics, type Diagnostic } from '../diag/index.js';
import { loadDocument } from '../document/index.js';
import type { SopModel } from '../model/index.js';
import { createContext } from './context.js';
import { RULES } from './rules/index.js';
import type { CheckOptions, Rule } from './types.js';

export interface CheckResult {
  model: SopModel;
  /** Sorted by file, line, column, rule; duplicates removed. */
  diagnostics: Diagnostic[];
}

/**
 * Runs `rules` over a loaded model. A rule that crashes is a bug in sopkit: it becomes
 * one `internal-error` diagnostic and the other rules still run.
 */
export async function runRules(model: SopModel, loadDiagnostics: readonly Diagnostic[], options: CheckOptions, rules: readonly Rule[] = RULES): Promise<Diagnostic[]> {
  const ctx = createContext(model, loadDiagnostics, options);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic) => {
    const key = JSON.stringify([d.rule, d.severity, d.message, d.file, d.line, d.column]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const rule of rules) {
    try {
      await rule.run(ctx, report);
    } catch (e) {
      report(diagnostic('internal-error', 'error', `the check "${rule.id}" failed inside sopkit: ${(e as Error)?.message ?? String(e)}`, undefined, 'This is a bug in sopkit, not in your files; please report it with the command you ran.'));
    }
  }
  return sortDiagnostics(out);
}

/**
 * Loads the SOP in `dir` and runs every rule. Throws `SopkitError` (exit 2) only when the
 * input is unusable (no folder, no or broken sop.yaml); everything else is a diagnostic.
 */
export async function checkSop(dir: string, options: CheckOptions): Promise<CheckResult> {
  const { model, diagnostics } = await loadDocument(dir);
  return { model, diagnostics: await runRules(model, diagnostics, options) };
}
