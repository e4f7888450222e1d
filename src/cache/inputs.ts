import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_MARKER } from '../fs/output-guard.js';

/**
 * Everything in an SOP folder a build can read: every file under the folder, by path and
 * bytes, except what is not a source — folders sopkit made (`dist/` and any other output
 * folder: they hold the output marker), hidden entries other than `.sopkit/` (`.git/`,
 * staging folders) and `node_modules/`. Deliberately wider than the files the model
 * names: an image or a data file that a section embeds is covered without having to know
 * which ones it embeds, so a cache keyed on this can only be stale if a build read a file
 * outside the SOP folder (the links-and-paths policy forbids it).
 *
 * Read once per command (`readSopInputs`); each kind of output is then keyed on the part
 * of it that output can read (`inputsFingerprint` with a scope), so that a save in
 * `sections/en/` leaves the Arabic PDFs' and the posters' entries valid.
 */
export interface SopInputs {
  /** The folder's absolute path: part of every fingerprint (diagnostics name files relative to it). */
  root: string;
  /** Files (`f`, with the sha256 of their bytes) and linked folders (`l`, with the link), in walk order. */
  entries: Array<{ rel: string; kind: 'f' | 'l'; size: number; digest: string }>;
}

/** What a scope does with one entry: all of it, only that it exists (its path), or nothing. */
export type InputUse = 'whole' | 'name' | 'skip';
/** A part of the SOP's inputs, as a rule on each entry's `/`-separated path. */
export type InputScope = (rel: string) => InputUse;

const under = (rel: string, folder: string): boolean => rel === folder || rel.startsWith(`${folder}/`);

/** Every input: what the site (both languages, every output linked) is keyed on. */
export const ALL_INPUTS: InputScope = () => 'whole';

/**
 * What one language's PDFs (its SOP, Markdown annexes and pack) can read: every input but
 * the other languages' Markdown. Of another language's annexes only the file names count:
 * an annex without `annex:` in its front-matter is numbered by its place among all the
 * SOP's annexes, so adding or removing one shifts the numbers after it.
 */
export function languageScope(lang: string, languages: readonly string[]): InputScope {
  const others = languages.filter((l) => l !== lang);
  return (rel) => (others.some((l) => under(rel, `sections/${l}`)) ? 'skip' : others.some((l) => under(rel, `annexes/${l}`)) ? 'name' : 'whole');
}

/**
 * What no language's Markdown changes: the posters (they read sop.yaml, the profile and
 * `data/`, never a section: src/posters/) and the stamped PDF annexes (`annexes/*.pdf`
 * with their sidecars, numbered among themselves).
 */
export function sharedScope(languages: readonly string[]): InputScope {
  return (rel) => (under(rel, 'sections') || languages.some((l) => under(rel, `annexes/${l}`)) ? 'skip' : 'whole');
}

/** Reads the SOP folder's inputs once (every file's bytes are hashed, none kept). */
export async function readSopInputs(root: string): Promise<SopInputs> {
  const abs = path.resolve(root);
  const entries: SopInputs['entries'] = [];
  await walk(entries, abs, '');
  return { root: abs, entries };
}

/** One digest of the inputs in `scope`, with the scope's name in it (two scopes never share a key). */
export function inputsFingerprint(inputs: SopInputs, name: string, scope: InputScope): string {
  const hash = createHash('sha256');
  hash.update(`root\0${inputs.root}\0scope\0${name}\0`);
  for (const e of inputs.entries) {
    const use = scope(e.rel);
    if (use === 'skip') continue;
    if (use === 'name') hash.update(`n\0${e.rel}\0`);
    else hash.update(`${e.kind}\0${e.rel}\0${e.size}\0${e.digest}\0`);
  }
  return hash.digest('hex');
}

/** The fingerprint of every input (`sopkit build`'s and `check`'s whole-SOP entries). */
export async function sopInputsFingerprint(root: string): Promise<string> {
  return inputsFingerprint(await readSopInputs(root), 'all', ALL_INPUTS);
}

/**
 * The fingerprint of what one language's PDFs can read (`languageScope`). `serve` keys its
 * PDF preview of `lang` on it, so a save in `sections/ar/` leaves the English PDF as it was.
 */
export async function languageInputsFingerprint(root: string, lang: string, languages: readonly string[]): Promise<string> {
  return inputsFingerprint(await readSopInputs(root), `lang:${lang}`, languageScope(lang, languages));
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function walk(entries: SopInputs['entries'], root: string, rel: string): Promise<void> {
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
    const full = path.join(root, r);
    const s = await stat(full).catch(() => null); // follows symbolic links, as the loader does
    if (!s) continue;
    // A linked folder stands by where it points (never walked: a link to a parent would loop).
    if (s.isDirectory() && (await lstat(full)).isSymbolicLink()) entries.push({ rel: r, kind: 'l', size: 0, digest: await readlink(full) });
    else if (s.isDirectory()) await walk(entries, root, r);
    else if (s.isFile()) entries.push({ rel: r, kind: 'f', size: s.size, digest: createHash('sha256').update(await readFile(full)).digest('hex') });
  }
}
