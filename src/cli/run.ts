import path from 'node:path';
import { CommanderError } from '../vendor/commander.js';
import { fileSystemError, isSopkitError, type Diagnostic } from '../diag/index.js';
import { formatDiagnostic, useColour } from './output.js';
import { currentCommand, currentSopDir, helpPointer, sopFolderHint } from './usage.js';

/** Folder problems whose hint is rewritten to name the command the user ran, with a real folder. */
const FOLDER_RULES = new Set(['sop-folder-missing', 'manifest-missing']);

export function withRunnableHint(d: Diagnostic): Diagnostic {
  if (!FOLDER_RULES.has(d.rule)) return d;
  const dir = currentSopDir();
  return dir === undefined ? d : { ...d, hint: sopFolderHint(dir) };
}

/** A path relative to the current folder when inside it, else absolute, with `/`. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(p)).split(path.sep).join('/');
}

/**
 * Runs a command's action and turns every failure into an exit code: a `SopkitError`
 * prints its diagnostics (exit 2 by default); a usage error (rule `usage`, or commander's
 * own) prints one line and the `--help` pointer, exit 2; a file-system error (permissions,
 * full or read-only disk, a file in the way) is "cannot write/read PATH" (exit 2); anything
 * else is a bug in sopkit and says so, with the stack only when SOPKIT_DEBUG is set.
 */
export async function runAction(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (e) {
    // A usage error found inside an action (e.g. two different SOP folders): main.ts exits 2.
    if (e instanceof CommanderError) throw e;
    if (isSopkitError(e)) {
      const usage = e.diagnostics.length === 1 && e.diagnostics[0]!.rule === 'usage' && !e.diagnostics[0]!.file ? e.diagnostics[0]! : undefined;
      if (usage) {
        const cmd = currentCommand();
        process.stderr.write(`error: ${usage.message}${usage.hint ? `. ${usage.hint}` : ''}\n${cmd ? helpPointer(cmd) : '(run `sopkit --help` for usage)'}\n`);
        process.exitCode = 2;
        return;
      }
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(withRunnableHint(d), useColour())}\n`);
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
