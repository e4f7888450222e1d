/**
 * The rules read a file through its small view (src/check/view.ts) instead of its whole
 * tree: each thing they read of it must be what the whole tree gives, on every Markdown
 * file of the example, the templates and the test fixtures, and on a body that nests links, headings and
 * directives in one another. And a view read back from the cache folder is the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { directivesIn, eachNode, hasContent, headingsIn } from '../../src/check/scan.js';
import { letterCounts } from '../../src/check/letters.js';
import { viewOf } from '../../src/check/view.js';
import { parseBody } from '../../src/document/index.js';
import { scopeAnchors, type HeadingTreeNode } from '../../src/i18n/index.js';
import { filesUnder } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What link-broken reads: each link, definition and image with its address and position, in order. */
function links(tree: Root): unknown[] {
  const out: unknown[] = [];
  eachNode(tree, (n: Nodes) => {
    if (n.type === 'link' || n.type === 'definition' || n.type === 'image') out.push([n.type, n.url, n.position?.start, n.position?.end]);
  });
  return out;
}

function expectSameReading(body: string): void {
  const tree = parseBody(body);
  const view = viewOf(tree);
  const stored = JSON.parse(JSON.stringify(view)) as typeof view;
  for (const v of [view, stored]) {
    expect(directivesIn(v.tree, body)).toEqual(directivesIn(tree, body));
    expect(headingsIn(v.tree)).toEqual(headingsIn(tree));
    expect(scopeAnchors([v.tree as HeadingTreeNode])).toEqual(scopeAnchors([tree as HeadingTreeNode]));
    expect(links(v.tree)).toEqual(links(tree));
    expect(v.hasContent).toBe(hasContent(tree));
    expect(v.letters).toEqual(letterCounts(tree));
  }
}

describe('check view', () => {
  const files: string[] = [];
  beforeAll(async () => {
    for (const d of ['sop-sources', 'templates', 'tests']) {
      const dir = path.join(ROOT, d);
      files.push(...(await filesUnder(dir)).filter((f) => f.endsWith('.md') && !f.split('/').includes('dist')).map((f) => path.join(dir, f)));
    }
  });

  it('gives the rules what the whole tree gives, on every Markdown file of the example, the templates and the fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) expectSameReading(readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  });

  it('keeps nested links, headings and directives in document order', () => {
    const body = [
      '# Title with [a link](#x) and ![img](a.png)',
      '',
      '> ## Quoted heading',
      '> ::flowchart{data=referral-pathways}',
      '',
      ':::note',
      '### Inside a container',
      'See [the plan](08-plan.md#steps) and [![badge](b.png)](c.md).',
      '::matrix{data=services}',
      ':::',
      '',
      '- item with [ref][r]',
      '  - nested ::not-a-directive',
      '',
      '[r]: 09-next.md#top',
      '',
      'Text.[^1]',
      '',
      '[^1]: A note with [a link](#title-with-a-link-and-img).',
      '',
    ].join('\n');
    expectSameReading(body);
    const view = viewOf(parseBody(body));
    expect(links(view.tree)).toHaveLength(7);
    expect(headingsIn(view.tree).map((h) => h.text)).toEqual(['Title with a link and img', 'Quoted heading', 'Inside a container']);
  });

  it('is small: the rules no longer read whole trees', () => {
    const body = readFileSync(files[0]!, 'utf8');
    expect(JSON.stringify(viewOf(parseBody(body))).length).toBeLessThan(JSON.stringify(parseBody(body)).length / 3);
  });
});
