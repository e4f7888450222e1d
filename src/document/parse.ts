import type { Root } from 'mdast';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown } from '../markdown/index.js';

/**
 * The one place sopkit turns a Markdown body into mdast. Every consumer (layout, site,
 * check, verify) reads the tree the document holds; a unit test (tests/document/no-parse-imports)
 * keeps every other module of src/ from importing `parseMarkdown`, and the parse-once test
 * counts the calls here over a whole build.
 */
let calls = 0;

let store: { dir: string; salt: string } | undefined;

/**
 * Keeps parsed trees in `dir` (the build cache, docs/cache.md), keyed by the sha256 of
 * `salt` (the engine fingerprint: another parser version parses differently) and the
 * body: a Markdown file unchanged since the last command is read back as JSON (a few ms)
 * instead of parsed (micromark, cold, was a third of `check --no-layout`). The trees are
 * plain data and survive JSON exactly (tests/document/parse-cache.test.ts). Set by the
 * CLI; `undefined` turns it off. Synchronous, like the parse it replaces.
 */
export function useParseCache(dir: string | undefined, salt = ''): void {
  store = dir ? { dir: path.join(dir, 'mdast'), salt } : undefined;
}

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
  if (!store) return parseMarkdown(body);
  const file = path.join(store.dir, `${createHash('sha256').update(store.salt).update('\0').update(body).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Root;
  } catch {
    // Missing or damaged: parse, and store for next time (before anyone changes the tree).
  }
  const tree = parseMarkdown(body);
  try {
    mkdirSync(store.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(tree));
    renameSync(tmp, file);
  } catch {
    // A store that cannot be written only costs the reuse.
  }
  return tree;
}

/** Markdown parses since the process started (or `resetParseStats`). */
export function parseStats(): { markdown: number } {
  return { markdown: calls };
}

export function resetParseStats(): void {
  calls = 0;
}
