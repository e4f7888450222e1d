/**
 * The one policy for links and paths, used by every reader of an SOP's files (sections,
 * annexes and their PDFs and sidecars, data files, profiles, images, folder listings,
 * the files a release freezes):
 *
 * - nothing outside the SOP folder is read or published: a path is resolved through
 *   every link (`realpath`) and must land inside the SOP folder's own real path;
 * - links that stay inside the SOP folder are fine and are followed;
 * - a path that leaves it is one diagnostic, `path-outside`, with the same message for
 *   every kind of file: "X is a link to Y, outside the SOP folder; sopkit reads only
 *   files inside it — copy the file in". It is an error everywhere (`check`, `build`,
 *   `release`): a build never silently drops content.
 */
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diag/index.js';

export const PATH_OUTSIDE = 'path-outside';

export type PathCheck = { ok: true; abs: string; real: string; stats: Stats } | { ok: false; diagnostic: Diagnostic; missing?: boolean };

/** `a\b` → `a/b`: diagnostics and outputs always use forward slashes. */
function posix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Resolves `rel` inside `root` lexically and refuses anything that escapes it (`..`,
 * absolute paths). Links are not looked at: see `checkSourcePath` for that.
 */
export function resolveInside(root: string, rel: string): string | undefined {
  const abs = path.resolve(root, rel);
  const back = path.relative(root, abs);
  if (back === '' || (!back.startsWith('..') && !path.isAbsolute(back))) return abs;
  return undefined;
}

/** Whether real path `p` is `base` or inside it. */
export function isInside(base: string, p: string): boolean {
  const back = path.relative(base, p);
  return back === '' || (!back.startsWith(`..${path.sep}`) && back !== '..' && !path.isAbsolute(back));
}

/** The policy's diagnostic for `shown` (a path relative to the SOP folder), a link to `target`. */
export function linkOutside(shown: string, target: string, isDir = false): Diagnostic {
  return diagnostic(
    PATH_OUTSIDE,
    'error',
    `${shown} is a link to ${target}, outside the SOP folder; sopkit reads only files inside it — copy the ${isDir ? 'folder' : 'file'} in`,
    { file: shown },
    'Replace the link by a copy of what it points to: sopkit never reads or publishes anything outside the SOP folder (links that stay inside it are fine).',
  );
}

function pathOutside(shown: string): Diagnostic {
  return diagnostic(PATH_OUTSIDE, 'error', `${shown} points outside the SOP folder; sopkit reads only files inside it — copy the file in`, { file: shown }, 'Use a path relative to the SOP folder that stays inside it (no `..` out of it, no absolute path).');
}

function missing(shown: string): PathCheck {
  return { ok: false, missing: true, diagnostic: diagnostic('file-missing', 'error', `${shown} does not exist`, { file: shown }, 'Check the file name and folder.') };
}

interface Io {
  realpath(p: string): string;
  lstat(p: string): Stats;
  stat(p: string): Stats;
  readlink(p: string): string;
}

/**
 * Finds which component of `rel` (walking down from `root`) is the link that leads
 * outside, or dangles, or loops, and says so. Called only when the whole path did not
 * resolve inside, so it is off the common path.
 */
function explain(io: Io, root: string, realRoot: string, rel: string): PathCheck {
  const parts = posix(path.relative(root, path.resolve(root, rel))).split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const shown = parts.slice(0, i).join('/');
    const abs = path.join(root, ...parts.slice(0, i));
    let l: Stats;
    try {
      l = io.lstat(abs);
    } catch {
      return missing(posix(rel));
    }
    if (!l.isSymbolicLink()) continue;
    const written = io.readlink(abs);
    let real: string;
    try {
      real = io.realpath(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${shown} is a link that leads back to itself (a loop of links)`, { file: shown }, 'Replace the link by the file itself.') };
      // A dangling link: where it would lead decides whether it is "outside" or "missing".
      const would = path.resolve(path.dirname(abs), written);
      if (!isInside(realRoot, would) && !isInside(root, would)) return { ok: false, diagnostic: linkOutside(shown, written) };
      return { ok: false, missing: true, diagnostic: diagnostic('file-missing', 'error', `${shown} is a link to ${written}, which does not exist`, { file: shown }, 'Replace the link by the file itself, or fix where it points.') };
    }
    if (!isInside(realRoot, real)) {
      const direct = path.resolve(path.dirname(abs), written);
      const target = direct === real ? written : `${written} (which leads to ${real})`;
      let isDir = false;
      try {
        isDir = io.stat(abs).isDirectory();
      } catch {
        /* the message says "file" */
      }
      return { ok: false, diagnostic: linkOutside(shown, target, isDir) };
    }
  }
  // Every link on the way stays inside; then the root itself moved or the file vanished.
  return missing(posix(rel));
}

function check(io: Io, root: string, rel: string): PathCheck {
  const shown = posix(rel);
  const abs = resolveInside(root, rel);
  if (!abs) return { ok: false, diagnostic: pathOutside(shown) };
  let realRoot: string;
  try {
    realRoot = io.realpath(root);
  } catch {
    return missing(shown);
  }
  let real: string;
  try {
    real = io.realpath(abs);
  } catch {
    return explain(io, root, realRoot, rel);
  }
  if (!isInside(realRoot, real)) return explain(io, root, realRoot, rel);
  try {
    return { ok: true, abs, real, stats: io.stat(real) };
  } catch {
    return missing(shown);
  }
}

const syncIo: Io = { realpath: (p) => realpathSync.native(p), lstat: (p) => lstatSync(p), stat: (p) => statSync(p), readlink: (p) => readlinkSync(p) };

/**
 * Applies the policy to `rel` (relative to the SOP folder `root`): the resolved path and
 * its stats (through links) when it is inside, else one diagnostic (`path-outside`, or
 * `file-missing` with `missing: true`). Never throws.
 */
export function checkSourcePathSync(root: string, rel: string): PathCheck {
  return check(syncIo, root, rel);
}

/**
 * The same as `checkSourcePathSync`, for async callers. It is the same synchronous
 * implementation (a few `realpath`/`stat` calls on local files), so both give the same
 * answers.
 */
export async function checkSourcePath(root: string, rel: string): Promise<PathCheck> {
  return checkSourcePathSync(root, rel);
}
