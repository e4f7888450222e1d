import type { Diagnostic, Severity } from '../diagnostic.js';

/** What a reporter needs to know about a rule id (SARIF rule metadata, JUnit test cases). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  help: string;
}

export interface ReportInput {
  /** Sorted diagnostics; `file` is relative to the SOP folder. */
  diagnostics: readonly Diagnostic[];
  /** Title (source language) and version of the SOP, when sop.yaml could be read. */
  sop?: { title: string; version: string };
  /**
   * The SOP folder relative to the repository root (the working directory), with `/`,
   * `''` for the root itself. Annotations need repository-relative paths.
   */
  base: string;
  /** Every rule id the tool knows (SARIF lists them; JUnit makes one test case each). */
  rules: readonly RuleInfo[];
  toolVersion: string;
  /** Pretty only: ANSI colours. */
  colour?: boolean;
}

export const FORMATS = ['pretty', 'json', 'github', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * A file path as seen from the repository root, or undefined for files that are not in
 * the repository (the profile shipped inside sopkit is shown as `<sopkit>/…`).
 */
export function repoPath(base: string, file: string | undefined): string | undefined {
  if (!file || file.startsWith('<')) return undefined;
  return base ? `${base}/${file}` : file;
}
