import { summary } from './terminal.js';
import { repoPath, type ReportInput } from './types.js';

/** Workflow-command data: `%`, CR and LF are escaped (GitHub's runner decodes them). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: the data escapes plus `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: `::error file=…,line=…,col=…,title=<rule>::message`. The
 * file is relative to the repository root so the annotation lands on the right line of
 * the pull request.
 */
export function githubReport(input: ReportInput): string {
  const out: string[] = [];
  for (const d of input.diagnostics) {
    const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props: string[] = [];
    const file = repoPath(input.base, d.file);
    if (file) {
      props.push(`file=${escapeProperty(file)}`);
      if (d.line) props.push(`line=${d.line}`);
      if (d.line && d.column) props.push(`col=${d.column}`);
      if (d.endLine) props.push(`endLine=${d.endLine}`);
      if (d.endLine && d.endColumn) props.push(`endColumn=${d.endColumn}`);
    }
    props.push(`title=${escapeProperty(d.rule)}`);
    const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
    out.push(`::${cmd} ${props.join(',')}::${escapeData(text)}`);
  }
  out.push(`sopkit check: ${summary(input.diagnostics)}`);
  return `${out.join('\n')}\n`;
}
