import { countBySeverity } from '../diagnostic.js';
import type { ReportInput } from './types.js';

/**
 * The stable machine-readable report (documented in docs/check.md). Version 1:
 * `{ version, sop: {title, version} | null, summary: {errors, warnings}, diagnostics }`;
 * each diagnostic has rule, severity, message and, when known, hint, file (relative to
 * the SOP folder), line, column, endLine, endColumn. New keys may be added; none removed.
 */
export function jsonReport(input: ReportInput): string {
  const c = countBySeverity(input.diagnostics);
  const diagnostics = input.diagnostics.map((d) => {
    const o: Record<string, unknown> = { rule: d.rule, severity: d.severity, message: d.message };
    for (const k of ['hint', 'file', 'line', 'column', 'endLine', 'endColumn'] as const) if (d[k] !== undefined) o[k] = d[k];
    return o;
  });
  return `${JSON.stringify({ version: 1, sop: input.sop ?? null, summary: { errors: c.error, warnings: c.warning }, diagnostics }, null, 2)}\n`;
}
