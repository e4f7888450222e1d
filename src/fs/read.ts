import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diag/index.js';

/** Text sources larger than this are refused: no SOP section is anywhere near it. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** `a\b` → `a/b`: diagnostics and outputs always use forward slashes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Resolves `rel` inside `root` and refuses anything that escapes it (`..`, absolute
 * paths): no input may make sopkit read or write outside the project.
 */
export function resolveInside(root: string, rel: string): string | undefined {
  const abs = path.resolve(root, rel);
  const back = path.relative(root, abs);
  if (back === '' || (!back.startsWith('..') && !path.isAbsolute(back))) return abs;
  return undefined;
}

/** 1-based line and column of character offset `offset` in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: Math.min(offset, text.length) - last };
}

/**
 * Reads a UTF-8 text source of the SOP. Never throws for content problems: a missing,
 * oversized, binary or non-UTF-8 file comes back as one diagnostic with a hint.
 */
export async function readSourceText(root: string, rel: string): Promise<ReadResult> {
  const file = toPosix(rel);
  const abs = resolveInside(root, rel);
  if (!abs) {
    return { ok: false, diagnostic: diagnostic('path-outside', 'error', `${file} points outside the SOP folder`, { file }, 'Keep every source file inside the SOP folder.') };
  }
  let size: number;
  try {
    const st = await lstat(abs);
    if (st.isSymbolicLink()) {
      return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${file} is a symbolic link; sopkit does not follow links`, { file }, 'Copy the file into the SOP folder instead of linking to it.') };
    }
    if (!st.isFile()) {
      return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${file} is not a file`, { file }) };
    }
    size = st.size;
  } catch {
    return { ok: false, diagnostic: diagnostic('file-missing', 'error', `${file} does not exist`, { file }, 'Check the file name and folder.') };
  }
  if (size > MAX_SOURCE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return { ok: false, diagnostic: diagnostic('file-too-large', 'error', `${file} is ${mb} MB; text sources may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB`, { file, line: 1, column: 1 }, 'Split it into several sections, or move large material into an annex PDF.') };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (e) {
    return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file }, 'Check the file permissions.') };
  }
  if (bytes.includes(0)) {
    const at = lineColumnAt(bytes.subarray(0, bytes.indexOf(0)).toString('utf8'), Infinity);
    return { ok: false, diagnostic: diagnostic('file-encoding', 'error', `${file} looks like a binary file, not text`, { file, ...at }, 'Section, annex and data files must be plain UTF-8 text (Markdown or YAML).') };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text: text.replace(/\r\n?/g, '\n') };
  } catch {
    const lossy = bytes.toString('utf8');
    const at = lineColumnAt(lossy, lossy.indexOf('\uFFFD'));
    return {
      ok: false,
      diagnostic: diagnostic('file-encoding', 'error', `${file} is not valid UTF-8 text`, { file, ...at }, 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8).'),
    };
  }
}

/** Names of entries of a folder inside the SOP, sorted; an empty list when it does not exist. */
export async function listDir(root: string, rel: string): Promise<{ name: string; isDir: boolean; isFile: boolean; isLink: boolean }[]> {
  const abs = resolveInside(root, rel);
  if (!abs) return [];
  try {
    const entries = await readdir(abs, { withFileTypes: true });
    return entries
      .map((e) => ({ name: e.name, isDir: e.isDirectory(), isFile: e.isFile(), isLink: e.isSymbolicLink() }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
