import { countBySeverity, type Diagnostic } from '../diagnostic.js';

/**
 * Diagnostics as text for a terminal (the `pretty` and `github` reporters, the CLI's own
 * messages). Here rather than in cli/ so that the reporters do not import the CLI.
 */

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

const codes = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;
export type Colour = keyof typeof codes;

export function paint(text: string, colour: Colour, on: boolean): string {
  return on ? `\u001b[${codes[colour]}m${text}\u001b[0m` : text;
}

/** One diagnostic as `file:line:col  error  message  [rule]` plus its hint. */
export function formatDiagnostic(d: Diagnostic, colour: boolean): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}` : 'sopkit';
  const sev = d.severity === 'error' ? paint('error', 'red', colour) : d.severity === 'warning' ? paint('warning', 'yellow', colour) : paint('info', 'cyan', colour);
  let s = `${paint(where, 'bold', colour)}  ${sev}  ${d.message}  ${paint(`[${d.rule}]`, 'dim', colour)}`;
  if (d.hint) s += `\n    ${paint('hint:', 'green', colour)} ${d.hint.split('\n').join('\n    ')}`;
  return s;
}

export function summary(list: readonly Diagnostic[]): string {
  const c = countBySeverity(list);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}`;
}
