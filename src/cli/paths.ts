import path from 'node:path';

/**
 * How sopkit prints a path: relative to the folder the command was run in, with forward
 * slashes (`sop-sources/dist`, `../other-sop/sop.yaml`, `.` for the folder itself). The
 * absolute path is printed only when the relative one would climb all the way up to the
 * file system root (the two folders share nothing but `/` or a drive, e.g. `/tmp/x` seen
 * from `/home/me/sops`): `../../../tmp/x` helps nobody. Documented in README "Paths".
 */
export function shownPath(p: string, cwd: string = process.cwd()): string {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  if (path.isAbsolute(rel)) return posix(abs); // another drive (Windows)
  const parts = rel.split(path.sep);
  const up = parts.findIndex((s) => s !== '..');
  const climbs = up < 0 ? parts.length : up;
  if (climbs > 0) {
    const common = path.resolve(cwd, ...Array<string>(climbs).fill('..'));
    if (path.parse(common).root === common) return posix(abs);
  }
  return posix(rel);
}

/** A folder as printed after "into …": with a trailing slash (`sop-sources/dist/`). */
export function shownDir(p: string, cwd: string = process.cwd()): string {
  const s = shownPath(p, cwd);
  return s.endsWith('/') ? s : `${s}/`;
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}
