import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../src/diag/index.js';
import { emptyPositions, parseYamlWithPositions, splitFrontMatter, type PositionMap, type SplitFile } from '../../src/model/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { matter } from '../../src/vendor/front-matter.js';

/** splitFrontMatter as it was with gray-matter finding the block: the oracle. */
function withGrayMatter(text: string, file: string): SplitFile {
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
    diagnostics.push(diagnostic('front-matter-missing', 'error', `${file} has no front-matter block`, { file, line: 1, column: 1 }, 'Start the file with a block like:\n---\ncomponent: eligibility\ntitle: Eligibility criteria\n---'));
    return { frontMatter: {}, positions: emptyPositions(file), body: text, bodyLine: 1, diagnostics };
  }
  const content = parsed.content;
  const consumed = text.slice(0, text.length - content.length);
  const bodyLine = consumed.split('\n').length;
  let start = text.indexOf(yamlText);
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

/** Every position the map answers for the keys of `fm` (and some that do not exist). */
function positionsOf(p: PositionMap, fm: unknown): unknown[] {
  const out: unknown[] = [p.file];
  const visit = (v: unknown, ptr: string) => {
    out.push(ptr, p.has(ptr), p.at(ptr), p.keyAt(ptr), p.at(`${ptr}/missing`));
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) visit(c, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(fm, '');
  return out;
}

function expectSame(text: string, label: string): void {
  const a = splitFrontMatter(text, 'f.md');
  const b = withGrayMatter(text, 'f.md');
  expect(a.frontMatter, label).toStrictEqual(b.frontMatter);
  expect(a.body, label).toBe(b.body);
  expect(a.bodyLine, label).toBe(b.bodyLine);
  expect(a.diagnostics, label).toStrictEqual(b.diagnostics);
  expect(positionsOf(a.positions, a.frontMatter), label).toStrictEqual(positionsOf(b.positions, b.frontMatter));
}

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.md') && !e.parentPath.includes(`${path.sep}dist`)) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

const EDGE = [
  '---\n---\nBody\n',
  '---\n# only a comment\n---\nBody\n',
  '---\n  # indented comment\n\n---\nBody\n',
  '---\n#comment\ntitle: x\n---\nBody\n',
  '---\ntitle: x\n---',
  '---\ntitle: x\n',
  '---\ntitle: x\n----\nBody\n',
  '---\ntitle: x\n---yaml\nBody\n',
  '---\ntitle: x\n--- trailing\nBody\n',
  '---\ntitle: x\n---\r\nBody\n',
  '---\ntitle: x\n---\r\r\nBody\n',
  '---\ntitle: x\n---\n\nBody\n',
  '--- \ntitle: x\n---\nBody\n',
  '---\t\ntitle: x\n---\nBody\n',
  '---yaml\ntitle: x\n---\nBody\n',
  '----\ntitle: x\n---\nBody\n',
  '---\r\ntitle: x\r\n---\r\nBody\r\n',
  '\ufeff---\ntitle: x\n---\nBody\n',
  '',
  'no front-matter at all\n',
  '---\ntitle: [unclosed\n---\nBody\n',
  '---\n- a\n- b\n---\nBody\n',
  '---\njust text\n---\nBody\n',
  '---\ntitle: "a\n---\n"\n---\nBody\n',
  '---\n\n\ntitle: x\n---\nBody\n',
  '---\ntitle: x\n  ---\nBody\n',
  '---\ntitle: x\ntitle: y\n---\nBody\n',
  '---\n---\n---\nBody\n',
  '---\n\n---\n',
  '---\ntitle: x # comment\n---\n---\nBody\n',
];

describe('splitFrontMatter finds the block as gray-matter did', () => {
  it('on every Markdown file of the example and the init template', async () => {
    const files = [...(await markdownFiles(path.join(PACKAGE_ROOT, 'sop-sources'))), ...(await markdownFiles(path.join(PACKAGE_ROOT, 'templates', 'init')))];
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) expectSame((await readFile(f, 'utf8')).replace(/\r\n?/g, '\n'), path.relative(PACKAGE_ROOT, f));
  });

  it('on the edge cases of the fences', () => {
    for (const text of EDGE) expectSame(text, JSON.stringify(text));
  });

  it('on thousands of generated files', () => {
    const parts = ['---', '----', '--- ', '\n', '\n', '\r\n', '\r', ' ', '\t', '#', '# c', 'title: x', 'a: [1', 'k: v', '- b', ':', '"', 'Body', '\ufeff'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 4000; i++) {
      let text = rand(4) ? '---\n' : '';
      for (let j = rand(14); j > 0; j--) text += parts[rand(parts.length)];
      expectSame(text, JSON.stringify(text));
    }
  });
});
