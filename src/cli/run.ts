import path from 'node:path';
import { fileSystemError, isSopkitError } from '../diag/index.js';
import { formatDiagnostic, useColour } from './output.js';

/** A path relative to the current folder when inside it, else absolute, with `/`. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(p)).split(path.sep).join('/');
}

/**
 * Runs a command's action and turns every failure into an exit code: a `SopkitError`
 * prints its diagnostics (exit 2 by default); a file-system error (permissions, full or
 * read-only disk, a file in the way) is "cannot write/read PATH" (exit 2); anything else is a bug in sopkit and
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
    // A disk or permission problem (EACCES, EROFS, ENOSPC, ENOTDIR…) is not a bug:
    // "cannot write PATH: reason" with a hint, exit 2.
    const at = (e as NodeJS.ErrnoException)?.path;
    const fsError = fileSystemError(e, at ? shown(at) : undefined);
    if (fsError) {
      for (const d of fsError.diagnostics) process.stderr.write(`${formatDiagnostic(d, useColour())}\n`);
      process.exitCode = fsError.exitCode;
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
