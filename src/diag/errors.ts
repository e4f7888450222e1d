import type { Diagnostic } from './diagnostic.js';

/**
 * The two kinds of failure the CLI knows (the changesets habit):
 * - `SopkitError`: the user's input or command line is unusable; printed as a
 *   diagnostic (what, where, how to fix), exit code 2 unless said otherwise.
 * - anything else: a bug in sopkit; the CLI prints it with a request for a bug report.
 */
export class SopkitError extends Error {
  readonly diagnostic: Diagnostic;
  readonly exitCode: number;

  constructor(diagnostic: Diagnostic, exitCode = 2) {
    super(diagnostic.message);
    this.name = 'SopkitError';
    this.diagnostic = diagnostic;
    this.exitCode = exitCode;
  }
}

export function isSopkitError(e: unknown): e is SopkitError {
  return e instanceof SopkitError;
}
