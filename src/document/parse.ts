import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/index.js';

/**
 * The one place sopkit turns a Markdown body into mdast. Every consumer (layout, site,
 * check, verify) reads the tree the document holds; a unit test (tests/document/no-parse-imports)
 * keeps every other module of src/ from importing `parseMarkdown`, and the parse-once test
 * counts the calls here over a whole build.
 */
let calls = 0;

export function parseBody(body: string): Root {
  calls += 1;
  return parseMarkdown(body);
}

/** Markdown parses since the process started (or `resetParseStats`). */
export function parseStats(): { markdown: number } {
  return { markdown: calls };
}

export function resetParseStats(): void {
  calls = 0;
}
