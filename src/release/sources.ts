import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diag/index.js';

/** Folders of an SOP that make up a version (besides sop.yaml); `releases/` and `dist/` never do. */
export const VERSIONED_FOLDERS = ['sections', 'annexes', 'data', 'profiles'] as const;

/** One file of a version: path relative to the SOP folder (`/`-separated) and its bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Code-point order, the same on every machine and locale (localeCompare is not). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Reads every file that belongs to a version of the SOP in `root`: sop.yaml and all
 * files under sections/, annexes/ (Markdown, sidecars and PDFs), data/ and profiles/.
 * Hidden files are skipped; a symbolic link is an error, because a frozen release must
 * hold the bytes themselves and sopkit never follows links out of the project.
 */
export async function readSourceFiles(root: string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    files.push({ path: 'sop.yaml', bytes: await readFile(path.join(root, 'sop.yaml')) });
  } catch {
    diagnostics.push(diagnostic('file-missing', 'error', 'sop.yaml does not exist', { file: 'sop.yaml' }, 'Run the command in the SOP folder, or pass it with --dir.'));
  }
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = `${rel}/${e.name}`;
      if (e.isSymbolicLink()) {
        diagnostics.push(diagnostic('file-unreadable', 'error', `${child} is a symbolic link; a release must contain the file itself`, { file: child }, 'Replace the link by a copy of the file.'));
      } else if (e.isDirectory()) {
        await walk(child);
      } else if (e.isFile()) {
        files.push({ path: child, bytes: await readFile(path.join(root, child)) });
      }
    }
  };
  for (const folder of VERSIONED_FOLDERS) await walk(folder);
  files.sort(byPath);
  return { files, diagnostics };
}
