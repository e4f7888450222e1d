import type { Nodes } from 'mdast';
import type { Node } from 'unist';
import { diagnostic, type Diagnostic } from '../../diag/index.js';
import type { MarkdownFile } from '../../model/index.js';
import { valuePosition } from '../context.js';
import { markdownFiles } from '../each.js';
import { eachNode } from '../scan.js';
import type { Rule } from '../types.js';

/**
 * Characters every sopkit font draws (ASCII, Latin-1, the Arabic letters, digits, marks
 * and punctuation, dashes, quotes, the ellipsis, bidi controls): a file made only of
 * these needs no font lookup, so a quick `check` does not load HarfBuzz for nothing.
 */
const SURELY_COVERED = /^[\t\n\r\x20-\x7e\u00a0-\u00ff\u060c\u061b\u061f\u0621-\u0652\u0660-\u066d\u0640\u200c-\u200f\u2010-\u2014\u2018-\u201d\u2026\u2066-\u2069]*$/;

type Coverage = typeof import('../../text/coverage.js');

/** 1-based line and column of UTF-16 offset `at` in `text`. */
function lineCol(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: [...text.slice(start, at)].length + 1 };
}

/**
 * The printed text of one Markdown file (its title and the text of its body, as the PDF
 * prints them): each character no font has, once per file, at its line and column.
 */
function scanFile(f: MarkdownFile, tree: Node, coverage: Coverage, out: Diagnostic[]): void {
  const seen = new Set<string>();
  const report = (char: string, code: string, where: { file: string; line: number; column: number }) => {
    if (seen.has(char)) return;
    seen.add(char);
    out.push(diagnostic('pdf-char-unsupported', 'warning', `the character "${char}" (${code}) has no glyph in the PDF fonts and prints as a box`, where,
      'Replace it with a character of the Arabic or Latin alphabets, or with words (e.g. "to" for →), or remove it.'));
  };
  const title = f.frontMatter.title;
  if (typeof title === 'string' && !SURELY_COVERED.test(title)) {
    for (const u of coverage.uncoveredCharacters(title)) report(u.char, u.code, valuePosition(f, 'title'));
  }
  eachNode(tree as Nodes, (node: Node) => {
    const value = (node as { value?: unknown }).value;
    if (typeof value !== 'string' || !['text', 'inlineCode', 'code'].includes(node.type) || SURELY_COVERED.test(value)) return;
    const start = node.position?.start;
    const end = node.position?.end;
    for (const u of coverage.uncoveredCharacters(value)) {
      // Exact place: the character in the node's source (escapes and entities may shift the value's offsets).
      let at = { file: f.file, line: f.bodyLine + (start?.line ?? 1) - 1, column: start?.column ?? 1 };
      if (start?.offset !== undefined && end?.offset !== undefined) {
        const i = f.body.slice(start.offset, end.offset).indexOf(u.char);
        if (i >= 0) {
          const lc = lineCol(f.body, start.offset + i);
          at = { file: f.file, line: f.bodyLine + lc.line - 1, column: lc.column };
        }
      }
      report(u.char, u.code, at);
    }
  });
}

/** A character the PDF fonts lack would print as a box: `check` says so, as `build` does, with file:line:column. */
export const charUnsupported: Rule = {
  id: 'pdf-char-unsupported',
  severity: 'warning',
  description: 'a section or Markdown annex holds a character the PDF fonts do not have (it would print as a box)',
  help: 'The PDFs are set in Noto Naskh Arabic and Noto Sans: emoji, arrows (← →), check boxes (☐) and other symbols are not in them and print as an empty box. Replace the character with words or a character of the Arabic or Latin alphabets. `build` reports the same characters.',
  async run(ctx, report) {
    const suspect = markdownFiles(ctx.model).filter((f) => !SURELY_COVERED.test(f.body) || (typeof f.frontMatter.title === 'string' && !SURELY_COVERED.test(f.frontMatter.title)));
    if (!suspect.length) return;
    // Loaded only when some text is outside the surely-covered set: the fonts (HarfBuzz) are heavy.
    const coverage = await import('../../text/coverage.js');
    const out: Diagnostic[] = [];
    for (const f of suspect) scanFile(f, ctx.mdast(f) as unknown as Node, coverage, out);
    for (const d of out) report(d);
  },
};
