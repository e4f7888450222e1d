/**
 * Loading an SOP folder again after a save, re-reading only the files the save changed
 * (`sopkit serve`). Most of a load is parsing YAML (sop.yaml, the data files, every
 * front-matter): a save of one section should parse that section only.
 *
 * Scoped: a change to Markdown files the last load read (`sections/<lang>/*.md`,
 * `annexes/<lang>/*.md`) that can still be read. Anything else (sop.yaml, a profile, a data
 * file, an image, a file added, removed or made unreadable, a folder) is a full `loadSop`:
 * what such a change touches is not worth tracing. The result is what a full load of the
 * folder gives, problems in the same order (tests/model/reload.test.ts).
 */
import type { Diagnostic } from '../diag/index.js';
import { fileParts, loadSop, readLanguageMarkdown, type DiagnosticSpan, type LoadResult } from './load.js';
import { languageFile } from './source-path.js';
import type { Annex, Section } from './types.js';

/**
 * `prev` with the Markdown files named in `changed` (paths relative to the SOP folder, as
 * the file watcher gives them) read again; undefined when the change cannot be scoped that
 * way (the caller loads the whole folder).
 */
export async function reloadChanged(prev: LoadResult, changed: Iterable<string>): Promise<LoadResult | undefined> {
  const parts = fileParts.get(prev);
  if (!parts) return undefined;
  const { model } = prev;
  const names = new Set([...changed].map((n) => n.replace(/\\/g, '/')));
  if (!names.size) return prev;
  const sections = [...model.sections];
  const annexes = [...model.annexes];
  /** The new problems of each re-read file, by where its old ones were. */
  const spans: Array<{ span: DiagnosticSpan; file: string; diagnostics: Diagnostic[] }> = [];
  for (const name of names) {
    const where = languageFile(name);
    if (!where || where.name.includes('/') || !where.name.endsWith('.md') || !model.manifest.languages.includes(where.lang)) return undefined;
    const span = parts.get(name);
    const list: Array<Section | Annex> = where.kind === 'sections' ? sections : annexes;
    const at = list.findIndex((f) => f.file === name);
    // A file the last load did not hold (new, or unreadable then): its folder's listing changed.
    if (!span || at < 0) return undefined;
    const diagnostics: Diagnostic[] = [];
    const read = where.kind === 'sections' ? await readLanguageMarkdown(model.root, name, where.lang, 'section', diagnostics) : await readLanguageMarkdown(model.root, name, where.lang, 'markdown-annex', diagnostics);
    // Removed, renamed or unreadable now: the full load says so in its own words and order.
    if (!read) return undefined;
    list[at] = read;
    spans.push({ span, file: name, diagnostics });
  }
  // The problems, with each re-read file's run replaced (runs in the order the load read them).
  spans.sort((a, b) => a.span.from - b.span.from);
  const diagnostics: Diagnostic[] = [];
  const moved = new Map<string, DiagnosticSpan>();
  let at = 0;
  for (const s of spans) {
    diagnostics.push(...prev.diagnostics.slice(at, s.span.from));
    moved.set(s.file, { from: diagnostics.length, to: diagnostics.length + s.diagnostics.length });
    diagnostics.push(...s.diagnostics);
    at = s.span.to;
  }
  diagnostics.push(...prev.diagnostics.slice(at));
  // The other files' runs, shifted by what the re-read files added or dropped before them.
  const next = new Map<string, DiagnosticSpan>();
  for (const [file, span] of parts) {
    const own = moved.get(file);
    if (own) {
      next.set(file, own);
      continue;
    }
    const shift = spans.filter((s) => s.span.to <= span.from).reduce((d, s) => d + s.diagnostics.length - (s.span.to - s.span.from), 0);
    next.set(file, { from: span.from + shift, to: span.to + shift });
  }
  // A new model object: what is cached per model (layouts, documents, trees of changed files) starts again.
  const result: LoadResult = { model: { ...model, sections, annexes }, diagnostics };
  fileParts.set(result, next);
  return result;
}

/**
 * A loader that remembers its last result: `load(dir, changed)` re-reads only `changed`
 * when it can (`reloadChanged`), else the whole folder. `changed` undefined: a full load.
 */
export function sessionLoader(): (dir: string, changed?: Iterable<string>) => Promise<LoadResult> {
  let last: { dir: string; result: LoadResult } | undefined;
  return async (dir, changed) => {
    const base = last;
    // A load that throws leaves nothing to build on: the next load is full too.
    last = undefined;
    const scoped = base && changed && base.dir === dir ? await reloadChanged(base.result, changed) : undefined;
    const result = scoped ?? (await loadSop(dir));
    last = { dir, result };
    return result;
  };
}
