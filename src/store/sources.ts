import { createHash } from 'node:crypto';
import { diagnostic, type Diagnostic } from '../diag/index.js';
import { checkSourcePath, listDir, readSourceBytes } from '../fs/index.js';

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
 * Hidden files are skipped. Under the links-and-paths policy (`fs/policy.ts`): a link
 * that stays inside the SOP folder is followed and the release holds a copy of what it
 * points to; a link that leads outside is an error (`path-outside`), never frozen.
 */
export async function readSourceFiles(root: string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const manifest = await readSourceBytes(root, 'sop.yaml');
  if (manifest.ok) files.push({ path: 'sop.yaml', bytes: manifest.bytes });
  else if (manifest.missing) diagnostics.push(diagnostic('file-missing', 'error', 'sop.yaml does not exist', { file: 'sop.yaml' }, 'Run the command in the SOP folder, or pass it with --dir.'));
  else diagnostics.push(manifest.diagnostic);
  const walk = async (rel: string, seen: readonly string[]): Promise<void> => {
    const here = await checkSourcePath(root, rel);
    if (!here.ok) {
      if (!here.missing) diagnostics.push(here.diagnostic);
      return;
    }
    if (!here.stats.isDirectory()) return;
    if (seen.includes(here.real)) {
      diagnostics.push(diagnostic('file-unreadable', 'error', `${rel} is a link to a folder that contains it (a loop of links)`, { file: rel }, 'Replace the link by a copy of the folder.'));
      return;
    }
    for (const e of await listDir(root, rel)) {
      const child = `${rel}/${e.name}`;
      if (e.isDir) await walk(child, [...seen, here.real]);
      else if (e.isFile) {
        const r = await readSourceBytes(root, child);
        if (r.ok) files.push({ path: child, bytes: r.bytes });
        else diagnostics.push(r.diagnostic);
      }
    }
  };
  for (const folder of VERSIONED_FOLDERS) await walk(folder, []);
  files.sort(byPath);
  return { files, diagnostics };
}
