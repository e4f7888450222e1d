import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER } from '../fs/output-guard.js';

/**
 * A fingerprint of everything in an SOP folder a build can read: every file under the
 * folder, by path and bytes, except what is not a source — folders sopkit made (`dist/`
 * and any other output folder: they hold the output marker), hidden entries other than
 * `.sopkit/` (`.git/`, staging folders) and `node_modules/`. Deliberately wider than
 * the files the model names: an image or a data file that a section embeds is covered
 * without having to know which ones it embeds, so a cache keyed on this can only be stale
 * if a build read a file outside the SOP folder (the links-and-paths policy forbids it).
 * The folder's own path is part of it: diagnostics name files relative to it.
 */
export async function sopInputsFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const abs = path.resolve(root);
  hash.update(`root\0${abs}\0`);
  walk(abs, '', (head, bytes) => {
    hash.update(head);
    if (bytes) hash.update(bytes).update('\0');
  });
  return hash.digest('hex');
}

/**
 * The same files one by one: relative path → sha256 of what the fingerprint reads of it
 * (a file's size and bytes, a linked folder's target), in the walk's order. `serve`'s PDF
 * preview reads the folder once per save with it, and tells from two of them which files
 * a save changed.
 */
export type SourceFiles = ReadonlyMap<string, string>;

export async function sourceFiles(root: string): Promise<SourceFiles> {
  const files = new Map<string, string>();
  walk(path.resolve(root), '', (head, bytes, rel) => {
    const h = createHash('sha256').update(head);
    if (bytes) h.update(bytes);
    files.set(rel, h.digest('hex'));
  });
  return files;
}

/** A fingerprint of the files of `files` that `keep` keeps (with the folder's path, as `sopInputsFingerprint`). */
export function filesFingerprint(root: string, files: SourceFiles, keep: (rel: string) => boolean, ...parts: string[]): string {
  const hash = createHash('sha256').update(`root\0${path.resolve(root)}\0${parts.join('\0')}\0`);
  for (const [rel, digest] of files) if (keep(rel)) hash.update(`${rel}\0${digest}\0`);
  return hash.digest('hex');
}

/**
 * What one language's SOP PDF can read: the files without the Markdown of the other
 * languages (`sections/<other>/`, `annexes/<other>/`). `serve` keys its PDF preview of
 * `lang` on it, so a save in `sections/ar/` leaves the English PDF as it was.
 */
export function languageFingerprint(root: string, files: SourceFiles, lang: string, languages: readonly string[]): string {
  const others = languages.filter((l) => l !== lang).flatMap((l) => [`sections/${l}/`, `annexes/${l}/`]);
  return filesFingerprint(root, files, (r) => !others.some((o) => r.startsWith(o)), 'lang', lang);
}

/** `languageFingerprint` of the folder as it is now. */
export async function languageInputsFingerprint(root: string, lang: string, languages: readonly string[]): Promise<string> {
  return languageFingerprint(root, await sourceFiles(root), lang, languages);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Each source file in order: `head` names it (and its size, or a linked folder's target), `bytes` are a file's. */
type Visit = (head: string, bytes: Buffer | undefined, rel: string) => void;

/**
 * Synchronous on purpose: a hundred small files read with one promise each cost 40–75 ms
 * on a busy machine, read in one go 4–14 ms (`serve`'s PDF worker reads them on every save;
 * nothing else runs on the thread meanwhile).
 */
function walk(root: string, rel: string, visit: Visit): void {
  const dir = path.join(root, rel);
  let names: string[];
  try {
    names = readdirSync(dir).sort(byName);
  } catch {
    return;
  }
  if (rel && names.includes(OUTPUT_MARKER)) return; // a folder sopkit wrote: an output, not a source
  for (const name of names) {
    if ((name.startsWith('.') && name !== '.sopkit') || name === 'node_modules') continue;
    if (!rel && name === 'dist') continue; // the default output folder, also when an older sopkit made it without a marker
    const r = rel ? `${rel}/${name}` : name;
    const full = path.join(root, r);
    let s: Stats;
    try {
      s = statSync(full); // follows symbolic links, as the loader does
    } catch {
      continue;
    }
    // A linked folder stands by where it points (never walked: a link to a parent would loop).
    if (s.isDirectory() && lstatSync(full).isSymbolicLink()) visit(`l\0${r}\0${readlinkSync(full)}\0`, undefined, r);
    else if (s.isDirectory()) walk(root, r, visit);
    else if (s.isFile()) visit(`f\0${r}\0${s.size}\0`, readFileSync(full), r);
  }
}
