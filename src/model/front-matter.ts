import { matter } from '../vendor/front-matter.js';
import { diagnostic, type Diagnostic } from '../diag/index.js';
import type { PositionMap } from './types.js';
import { emptyPositions, parseYamlWithPositions } from './yaml.js';

export interface SplitFile {
  frontMatter: Record<string, unknown>;
  positions: PositionMap;
  body: string;
  bodyLine: number;
  diagnostics: Diagnostic[];
  /** The block is there but is not valid YAML (reported once in `diagnostics`): its keys are unknown. */
  broken?: boolean;
}

/**
 * Splits a Markdown file into front-matter and body. gray-matter finds the block; the
 * YAML itself is parsed by `yaml` so every key keeps its line and column (gray-matter's
 * js-yaml engine keeps none).
 */
export function splitFrontMatter(text: string, file: string): SplitFile {
  const diagnostics: Diagnostic[] = [];
  let yamlText: string | undefined;
  let parsed = { content: text, matter: '' } as { content: string; matter: string };
  if (/^---[ \t]*\n/.test(text)) {
    parsed = matter(text, {
      engines: {
        yaml: (s: string) => {
          yamlText = s;
          return {};
        },
      },
    }) as unknown as { content: string; matter: string };
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
  // gray-matter hands over the text between the fences (with the newline after the
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
  const broken = y.diagnostics.length > 0 ? { broken: true } : {};
  return { frontMatter: fm, positions: y.positions, body: content, bodyLine, diagnostics, ...broken };
}
