import { isSopkitError } from '../diag/index.js';
import { formatDiagnostic, useColour } from './output.js';

/**
 * Runs a command's action and turns every failure into an exit code: a `SopkitError`
 * prints its diagnostics (exit 2 by default); anything else is a bug in sopkit and
 * says so, with the stack only when SOPKIT_DEBUG is set.
 */
export async function runAction(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (e) {
    if (isSopkitError(e)) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d, useColour())}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    process.stderr.write(
      `sopkit: internal error: ${err?.message ?? String(e)}\n` +
        'This is a bug in sopkit, not in your files. Please report it with the command you ran' +
        (process.env.SOPKIT_DEBUG ? `\n${err?.stack ?? ''}\n` : ' (set SOPKIT_DEBUG=1 to see details).\n'),
    );
    process.exitCode = 70;
  }
}
