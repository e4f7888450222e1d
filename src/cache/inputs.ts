import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
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
 * `sections/en/` leaves the Arabic PDFs' and the posters' entries valid. `serve`'s PDF
 * preview reads it on every save and tells from two readings which files a save changed.
 */
export interface SopInputs {
  /** The folder's absolute path: part of every fingerprint (diagnostics name files relative to it). */
  root: string;
  files: SourceFiles;
}

/**
 * Relative path (`/`-separated) → sha256 of what is read of it (a file's size and bytes, a
 * linked folder's target), in the walk's order (sorted names, depth first).
 */
export type SourceFiles = ReadonlyMap<string, string>;

/** What a scope does with one file: all of it, only that it exists (its path), or nothing. */
export type InputUse = 'whole' | 'name' | 'skip';
/** A part of the SOP's inputs, as a rule on each file's `/`-separated path. */
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
  const files = new Map<string, string>();
  walk(abs, '', (head, bytes, rel) => {
    const h = createHash('sha256').update(head);
    if (bytes) h.update(bytes);
    files.set(rel, h.digest('hex'));
  });
  return { root: abs, files };
}

/** The source files of the folder at `root` as they are now (`SopInputs.files`). */
export async function sourceFiles(root: string): Promise<SourceFiles> {
  return (await readSopInputs(root)).files;
}

/** One digest of the inputs in `scope`, with the scope's name in it (two scopes never share a key). */
export function inputsFingerprint(inputs: SopInputs, name: string, scope: InputScope): string {
  const hash = createHash('sha256');
  hash.update(`root\0${inputs.root}\0scope\0${name}\0`);
  for (const [rel, digest] of inputs.files) {
    const use = scope(rel);
    if (use === 'skip') continue;
    if (use === 'name') hash.update(`n\0${rel}\0`);
    else hash.update(`f\0${rel}\0${digest}\0`);
  }
  return hash.digest('hex');
}

/** A fingerprint of the files that `keep` keeps, named by `parts` (`serve`: the inputs of a layout besides its Markdown). */
export function filesFingerprint(root: string, files: SourceFiles, keep: (rel: string) => boolean, ...parts: string[]): string {
  return inputsFingerprint({ root: path.resolve(root), files }, parts.join('\0'), (rel) => (keep(rel) ? 'whole' : 'skip'));
}

/** `languageScope`'s fingerprint of `files`: what one language's PDFs can read. */
export function languageFingerprint(root: string, files: SourceFiles, lang: string, languages: readonly string[]): string {
  return inputsFingerprint({ root: path.resolve(root), files }, `lang:${lang}`, languageScope(lang, languages));
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
