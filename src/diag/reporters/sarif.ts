import type { Severity } from '../diagnostic.js';
import { repoPath, type ReportInput } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 (the format GitHub code scanning and many editors read): one run, the
 * tool's rules with ids and help text, one result per diagnostic with a physical
 * location relative to the repository root (`%SRCROOT%`).
 */
export function sarifReport(input: ReportInput): string {
  const rules = [...input.rules];
  for (const d of input.diagnostics) {
    if (!rules.some((r) => r.id === d.rule)) rules.push({ id: d.rule, severity: d.severity, description: d.rule, help: 'See docs/check.md.' });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = input.diagnostics.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.rule,
      ruleIndex: index.get(d.rule),
      level: LEVEL[d.severity],
      message: { text: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message },
    };
    const file = repoPath(input.base, d.file);
    if (file) {
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' } };
      if (d.line) {
        const region: Record<string, number> = { startLine: d.line };
        if (d.column) region.startColumn = d.column;
        if (d.endLine) region.endLine = d.endLine;
        if (d.endLine && d.endColumn) region.endColumn = d.endColumn;
        physicalLocation.region = region;
      }
      result.locations = [{ physicalLocation }];
    }
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sopkit',
            version: input.toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.help },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        // Lines and columns count UTF-16 code units (JavaScript string offsets), as GitHub expects.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
