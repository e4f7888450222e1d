// Synchronous reads on purpose: a command reads its SOP's files one after the other, and a
// promise per file waits for the thread pool each time (~30 ms of a 0.35 s `check`, idle).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diag/index.js';
import { checkSourcePath, resolveInside } from './policy.js';

export { resolveInside };

/** Text sources larger than this are refused: no SOP section is anywhere near it. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** `a\b` → `a/b`: diagnostics and outputs always use forward slashes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
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
  const r = await readSourceBytes(root, rel, MAX_SOURCE_BYTES);
  if (!r.ok) return r;
  return decodeSourceText(toPosix(rel), r.bytes);
}

export type BytesResult = { ok: true; bytes: Buffer; abs: string } | { ok: false; diagnostic: Diagnostic; missing?: boolean };

/**
 * Reads the bytes of a file of the SOP under the links-and-paths policy (`policy.ts`):
 * a path or link that leads outside the SOP folder is refused with `path-outside`,
 * links that stay inside are followed. `maxBytes` refuses larger files unread.
 */
export async function readSourceBytes(root: string, rel: string, maxBytes = Infinity): Promise<BytesResult> {
  const file = toPosix(rel);
  const c = await checkSourcePath(root, rel);
  if (!c.ok) return c;
  if (!c.stats.isFile()) {
    return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${file} is not a file`, { file }) };
  }
  if (c.stats.size > maxBytes) {
    const mb = (c.stats.size / 1024 / 1024).toFixed(1);
    return { ok: false, diagnostic: diagnostic('file-too-large', 'error', `${file} is ${mb} MB; text sources may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB`, { file, line: 1, column: 1 }, 'Split it into several sections, or move large material into an annex PDF.') };
  }
  try {
    return { ok: true, bytes: readFileSync(c.real), abs: c.abs };
  } catch (e) {
    return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file }, 'Check the file permissions.') };
  }
}

/** "LE"/"BE" when `bytes` look like UTF-16 without a byte-order mark: NULs at every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Mostly-ASCII text in UTF-16 has a NUL in nearly every pair, always on the same side.
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'LE';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'BE';
  return undefined;
}

/**
 * Decodes the bytes of a text source: UTF-8 (an optional BOM dropped, CRLF → LF). UTF-16
 * (with a BOM, or NULs at alternate bytes) and binary files are named as such at line 1,
 * column 1; invalid UTF-8 at the line and column of the first bad byte.
 */
export function decodeSourceText(file: string, bytes: Uint8Array): ReadResult {
  const start = { file, line: 1, column: 1 };
  const bom16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'LE' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'BE' : undefined;
  const utf16 = bom16 ?? utf16WithoutBom(bytes);
  if (utf16) {
    const kind = utf16 === 'LE' ? 'little-endian' : 'big-endian';
    return { ok: false, diagnostic: diagnostic('file-encoding', 'error', `${file} is saved as UTF-16 (${kind}); save it as UTF-8`, start, 'Section, annex and data files must be UTF-8 text (in most editors: "Save with encoding" → UTF-8; Notepad: "Save as" → Encoding: UTF-8).') };
  }
  if (bytes.includes(0)) {
    return { ok: false, diagnostic: diagnostic('file-encoding', 'error', `${file} is a binary file, not text`, start, 'Section, annex and data files must be plain UTF-8 text (Markdown or YAML).') };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text: text.replace(/\r\n?/g, '\n') };
  } catch {
    const lossy = Buffer.from(bytes).toString('utf8');
    const at = lineColumnAt(lossy, lossy.indexOf('\uFFFD'));
    return {
      ok: false,
      diagnostic: diagnostic('file-encoding', 'error', `${file} is not valid UTF-8 text`, { file, ...at }, 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8).'),
    };
  }
}

export interface DirEntry {
  name: string;
  /** For a link: what it points to, when that is inside the SOP folder. */
  isDir: boolean;
  /** For a link: also true when it leads outside the SOP folder, so that reading it reports that (`readSourceText`). */
  isFile: boolean;
  isLink: boolean;
}

/**
 * Names of the entries of a folder inside the SOP, sorted, hidden ones left out; an
 * empty list when it does not exist. Under the links-and-paths policy: a folder that
 * is (or lies under) a link leading outside the SOP folder lists nothing and is
 * reported through `report`; links in it that stay inside are listed as what they
 * point to; links that lead outside are listed as files, so their reader reports them.
 */
export async function listDir(root: string, rel: string, report?: (d: Diagnostic) => void): Promise<DirEntry[]> {
  const c = await checkSourcePath(root, rel);
  if (!c.ok) {
    if (!c.missing) report?.(c.diagnostic);
    return [];
  }
  if (!c.stats.isDirectory()) return [];
  try {
    const entries = readdirSync(c.real, { withFileTypes: true });
    const out: DirEntry[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isSymbolicLink()) {
        const t = await checkSourcePath(root, path.join(rel, e.name));
        out.push({ name: e.name, isDir: t.ok && t.stats.isDirectory(), isFile: t.ok ? t.stats.isFile() : true, isLink: true });
      } else out.push({ name: e.name, isDir: e.isDirectory(), isFile: e.isFile(), isLink: false });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
