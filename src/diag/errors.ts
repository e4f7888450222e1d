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

/** File-system error codes that mean "the disk or its permissions refused", not a bug in sopkit. */
const FS_REASONS: Record<string, { reason: string; hint: string }> = {
  EACCES: { reason: 'permission denied', hint: 'Make the folder writable for your user (e.g. `chmod -R u+w` on it), or write somewhere else.' },
  EPERM: { reason: 'operation not permitted', hint: 'Make the folder writable for your user, close programs that hold it open, or write somewhere else.' },
  EROFS: { reason: 'the file system is read-only', hint: 'Write to a folder on a writable disk (a read-only USB stick or mount cannot take outputs).' },
  ENOSPC: { reason: 'the disk is full', hint: 'Free some space on that disk, or write to another one.' },
  EDQUOT: { reason: 'your disk quota is used up', hint: 'Free some space, or write to another disk.' },
  ENOTDIR: { reason: 'a file is in the way where a folder must go', hint: 'Rename or move that file, or choose another output path.' },
  EISDIR: { reason: 'it is a folder, not a file', hint: 'Give a file name, not a folder, or move the folder away.' },
  EEXIST: { reason: 'something of that name is already in the way', hint: 'Rename or move it, or choose another output path.' },
  EBUSY: { reason: 'it is in use (a mount point, or open in another program)', hint: 'Close the program that uses it, or choose another output path.' },
  ENAMETOOLONG: { reason: 'the path is too long', hint: 'Choose a shorter output path.' },
  ELOOP: { reason: 'it goes through a loop of symbolic links', hint: 'Fix the links, or choose another output path.' },
};

/** The file-system error codes `fileSystemError` turns into a message for people. */
export const FS_ERROR_CODES: readonly string[] = Object.keys(FS_REASONS);

/** System calls that write: an error in one of them is reported as "cannot write". */
const WRITE_CALLS = new Set(['mkdir', 'mkdtemp', 'rename', 'rmdir', 'rm', 'unlink', 'write', 'copyfile', 'cp', 'symlink', 'link', 'utime', 'chmod', 'fsync', 'ftruncate', 'open']);

/**
 * Turns a file-system error (EACCES, EROFS, ENOSPC, ENOTDIR, …) into "cannot write PATH:
 * reason" with a hint and exit code 2, or returns undefined for anything else (a bug).
 * `shownPath` is the path to name (the output the user chose); by default the error's own.
 * `verb` is "write" unless the failing call only reads.
 */
export function fileSystemError(e: unknown, shownPath?: string, verb?: 'write' | 'read'): SopkitError | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const code = err && typeof err === 'object' ? err.code : undefined;
  if (!code || !(code in FS_REASONS)) return undefined;
  const { reason, hint } = FS_REASONS[code]!;
  const where = shownPath ?? err!.path ?? (err as { dest?: string }).dest;
  const v = verb ?? (err!.syscall && !WRITE_CALLS.has(err!.syscall) ? 'read' : 'write');
  const target = where ? ` ${where}` : '';
  const readHint = 'Check that it exists and that your user may read it.';
  return new SopkitError({ rule: `cannot-${v}`, severity: 'error', message: `cannot ${v}${target}: ${reason} (${code})`, hint: v === 'read' && code !== 'ENOTDIR' && code !== 'EISDIR' ? readHint : hint }, 2);
}
