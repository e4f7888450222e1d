import { diagnostic, type Diagnostic } from '../diag/index.js';
import type { PositionMap } from './types.js';
import { emptyPositions, parseYamlWithPositions } from './yaml.js';

export interface SplitFile {
  frontMatter: Record<string, unknown>;
  positions: PositionMap;
  body: string;
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/**
 * The front-matter block of `text` (which starts with a `---` line) the way gray-matter 4
 * finds it with sopkit's options: the text after the opening `---` up to the first line
 * that starts with `---`, and the content after that line. `yaml` is undefined when the
 * block holds nothing but blank and comment lines (gray-matter does not hand those over).
 *
 * Why not gray-matter itself: importing it (with js-yaml, which loads esprima) cost ~19 ms
 * of every command, for these few lines. tests/model/front-matter.test.ts holds this to
 * gray-matter's answers on the example and on every edge case of the fences.
 */
function findBlock(text: string): { yaml: string | undefined; content: string } {
  const str = text.slice(3);
  let close = str.indexOf('\n---');
  if (close === -1) close = str.length;
  const block = str.slice(0, close);
  let content = close === str.length ? '' : str.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { yaml: block.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? undefined : block, content };
}

/**
 * Splits a Markdown file into front-matter and body. The YAML is parsed by `yaml` so
 * every key keeps its line and column.
 */
export function splitFrontMatter(text: string, file: string): SplitFile {
  const diagnostics: Diagnostic[] = [];
  let yamlText: string | undefined;
  let parsed = { content: text };
  if (/^---[ \t]*\n/.test(text)) {
    const found = findBlock(text);
    parsed = found;
    yamlText = found.yaml;
  }
  if (yamlText === undefined) {
    diagnostics.push(
      diagnostic('front-matter-missing', 'error', `${file} has no front-matter block`, { file, line: 1, column: 1 }, 'Start the file with a block like:\n---\ncomponent: eligibility\ntitle: Eligibility criteria\n---'),
    );
    return { frontMatter: {}, positions: emptyPositions(file), body: text, bodyLine: 1, diagnostics };
  }
  const content = parsed.content;
  const consumed = text.slice(0, text.length - content.length);
  const bodyLine = consumed.split('\n').length;
  // The block is the text between the fences (with the newline after the
  // opening `---`); shift its lines by the lines that precede it in the file.
  let start = text.indexOf(yamlText);
  // Drop that newline so that errors "at the start" land on the first YAML line.
  if (yamlText.startsWith('\n')) {
    yamlText = yamlText.slice(1);
    start += 1;
  }
  const y = parseYamlWithPositions(yamlText, file, start > 0 ? text.slice(0, start).split('\n').length - 1 : 1);
  diagnostics.push(...y.diagnostics);
  let fm: Record<string, unknown> = {};
  if (y.value && typeof y.value === 'object' && !Array.isArray(y.value)) fm = y.value as Record<string, unknown>;
  else if (y.diagnostics.length === 0 && y.value !== null) {
    diagnostics.push(diagnostic('schema', 'error', `front-matter of ${file} must be a block of keys`, { file, line: 2, column: 1 }, 'Write one "key: value" per line between the two --- lines.'));
  }
  return { frontMatter: fm, positions: y.positions, body: content, bodyLine, diagnostics };
}
