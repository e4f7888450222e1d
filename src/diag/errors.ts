import type { Diagnostic } from './diagnostic.js';

/**
 * The two kinds of failure the CLI knows (the changesets habit):
 * - `SopkitError`: the user's input or command line is unusable; printed as
 *   diagnostics (what, where, how to fix), exit code 2 unless said otherwise.
 * - anything else: a bug in sopkit; the CLI prints it with a request for a bug report.
 */
export class SopkitError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;

  constructor(diagnostics: Diagnostic | Diagnostic[], exitCode = 2) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list[0]?.message ?? 'unusable input');
    this.name = 'SopkitError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }

  /** The first (main) diagnostic. */
  get diagnostic(): Diagnostic {
    return this.diagnostics[0]!;
  }
}

export function isSopkitError(e: unknown): e is SopkitError {
  return e instanceof SopkitError;
}
