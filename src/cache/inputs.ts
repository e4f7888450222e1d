import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
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
  await walk(hash, abs, '', () => false);
  return hash.digest('hex');
}

/**
 * The same fingerprint without the Markdown of the other languages (`sections/<other>/`,
 * `annexes/<other>/`): what one language's SOP PDF can read. `serve` keys its PDF preview
 * of `lang` on it, so a save in `sections/ar/` leaves the English PDF as it was.
 */
export async function languageInputsFingerprint(root: string, lang: string, languages: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const abs = path.resolve(root);
  hash.update(`root\0${abs}\0lang\0${lang}\0`);
  const others = new Set(languages.filter((l) => l !== lang).flatMap((l) => [`sections/${l}`, `annexes/${l}`]));
  await walk(hash, abs, '', (r) => others.has(r));
  return hash.digest('hex');
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function walk(hash: ReturnType<typeof createHash>, root: string, rel: string, skip: (rel: string) => boolean): Promise<void> {
  const dir = path.join(root, rel);
  let names: string[];
  try {
    names = (await readdir(dir)).sort(byName);
  } catch {
    return;
  }
  if (rel && names.includes(OUTPUT_MARKER)) return; // a folder sopkit wrote: an output, not a source
  for (const name of names) {
    if ((name.startsWith('.') && name !== '.sopkit') || name === 'node_modules') continue;
    if (!rel && name === 'dist') continue; // the default output folder, also when an older sopkit made it without a marker
    const r = rel ? `${rel}/${name}` : name;
    if (skip(r)) continue;
    const full = path.join(root, r);
    const s = await stat(full).catch(() => null); // follows symbolic links, as the loader does
    if (!s) continue;
    // A linked folder stands by where it points (never walked: a link to a parent would loop).
    if (s.isDirectory() && (await lstat(full)).isSymbolicLink()) hash.update(`l\0${r}\0${await readlink(full)}\0`);
    else if (s.isDirectory()) await walk(hash, root, r, skip);
    else if (s.isFile()) hash.update(`f\0${r}\0${s.size}\0`).update(await readFile(full)).update('\0');
  }
}
