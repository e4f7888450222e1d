import { formatDiagnostic, summary } from './terminal.js';
import type { ReportInput } from './types.js';

/** For people at a terminal: one block per problem (file:line:col, severity, message, hint), then a count. */
export function prettyReport(input: ReportInput): string {
  const colour = Boolean(input.colour);
  const lines = input.diagnostics.map((d) => {
    const shown = d.file && !d.file.startsWith('<') && input.base ? { ...d, file: `${input.base}/${d.file}` } : d;
    return formatDiagnostic(shown, colour);
  });
  const counts = summary(input.diagnostics);
  const what = input.sop ? `${input.sop.title} v${input.sop.version}` : 'the SOP';
  if (!lines.length) return `✓ ${what}: no problems found\n`;
  return `${lines.join('\n')}\n\n${what}: ${counts}\n`;
}
