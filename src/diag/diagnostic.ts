/**
 * A problem found in a user's SOP sources. Problems in documents are data, never
 * exceptions (the remark-lint habit): rules add diagnostics, reporters print them.
 *
 * Invariants: `file` is relative to the SOP folder and uses `/`; `line` and `column`
 * are 1-based; `message` says what is wrong in plain words, `hint` says how to fix it.
 */
import { compareText } from '../order.js';
export type Severity = 'error' | 'warning' | 'info';

export interface SourcePosition {
  /** Path relative to the SOP folder, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * Where each node of a parsed YAML document stands in its file, keyed by JSON pointer
 * (`/agencies/2/name/ar`). `key` is the key's position (for "this key is wrong"),
 * `value` the value's (for "this value is wrong").
 */
export interface PositionMap {
  file: string;
  at(pointer: string): SourcePosition;
  keyAt(pointer: string): SourcePosition;
  has(pointer: string): boolean;
}

export interface Diagnostic {
  /** Stable rule id, e.g. `component-missing`. Documented in docs/rules.md. */
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** Builds a diagnostic at a position (or at no position when `at` is undefined). */
export function diagnostic(
  rule: string,
  severity: Severity,
  message: string,
  at?: Partial<SourcePosition>,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { rule, severity, message };
  if (hint) d.hint = hint;
  if (at?.file) d.file = at.file;
  if (at?.line) d.line = at.line;
  if (at?.column) d.column = at.column;
  if (at?.endLine) d.endLine = at.endLine;
  if (at?.endColumn) d.endColumn = at.endColumn;
  return d;
}

/** Orders diagnostics by file, line, column, then rule, so every report is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.rule, b.rule) ||
      compareText(a.message, b.message),
  );
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
