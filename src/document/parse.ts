import type { Root } from 'mdast';
import { memoized } from '../cache/memo.js';
import { parseMarkdown } from '../markdown/index.js';

/**
 * The one place sopkit turns a Markdown body into mdast. Every consumer (layout, site,
 * check, verify) reads the tree the document holds; a unit test (tests/document/no-parse-imports)
 * keeps every other module of src/ from importing `parseMarkdown`, and the parse-once test
 * counts the calls here over a whole build.
 */
let calls = 0;

/*
 * Parsed trees are kept in the cache folder (src/cache/memo.ts, kind `mdast`), keyed by
 * the engine fingerprint and the body: a Markdown file unchanged since the last command is
 * read back as JSON (a few ms) instead of parsed (micromark, cold, was a third of
 * `check --no-layout`). The trees are plain data and survive JSON exactly
 * (tests/document/parse-cache.test.ts). Turned on by the CLI (`useMemoStore`).
 */

/** Pristine trees by body, when kept in memory (`keepParsedTrees`); oldest dropped first. */
let kept: Map<string, Root> | undefined;
const KEPT_MAX = 1000;

/**
 * Keeps the parsed trees of this process in memory, by body, for a process that loads the
 * same SOP again and again (`serve` reloads it on every save): an unchanged section is
 * copied (a plain deep copy, a few hundred µs) instead of parsed again, so a save parses
 * the file that changed. Each caller gets its own copy: the realize step writes into it.
 */
export function keepParsedTrees(on = true): void {
  kept = on ? new Map() : undefined;
}

/** A deep copy of plain JSON data (what a parsed tree is). */
function copy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copy) as T;
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

export function parseBody(body: string): Root {
  if (!kept) return parseStored(body);
  const hit = kept.get(body);
  if (hit) {
    // Most recently used last, so the oldest is the one dropped.
    kept.delete(body);
    kept.set(body, hit);
    return copy(hit);
  }
  const tree = parseStored(body);
  kept.set(body, copy(tree));
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  return tree;
}

function parseStored(body: string): Root {
  calls += 1;
  return memoized('mdast', body, () => parseMarkdown(body));
}

/** Markdown parses since the process started (or `resetParseStats`). */
export function parseStats(): { markdown: number } {
  return { markdown: calls };
}

export function resetParseStats(): void {
  calls = 0;
}
