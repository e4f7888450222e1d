import { describe, expect, it } from 'vitest';
import { directivesIn, hasContent, headingsIn, proseText } from '../../src/check/scan.js';
import { parseBody } from '../../src/document/index.js';

const has = (md: string) => hasContent(parseBody(md));

describe('what the rules read of the tree', () => {
  it('hasContent: headings, rules, comments and definitions are not content', () => {
    expect(has('')).toBe(false);
    expect(has('\n## Title\n\n<!-- note\nmore -->\n---\n\n[a]: https://x.org\n')).toBe(false);
    expect(has('Title\n=====\n\n### Sub\n')).toBe(false);
    expect(has('## Title\n\nA sentence.\n')).toBe(true);
    expect(has('## Title\n\n::flowchart{data=eligibility}\n')).toBe(true);
    expect(has('```\ncode\n```\n')).toBe(true);
    expect(has('- item\n')).toBe(true);
  });
  it('proseText drops code, URLs, HTML and directive attributes', () => {
    const t = proseText(parseBody('Text `inline code` [link](https://example.org/path) <b>x</b>\n```\nfenced code\n```\n::flowchart{data=eligibility}\nend'));
    expect(t).not.toMatch(/inline|example|fenced|eligibility|<b>/);
    expect(t).toMatch(/Text/);
    expect(t).toMatch(/link/);
    expect(t).toMatch(/end/);
  });
  it('hasContent: an HTML block with text is content, one of tags and comments is not', () => {
    expect(has('<div>\n</div>\n\n<!-- c -->\n')).toBe(false);
    expect(has('<div>words</div>\n')).toBe(true);
    expect(has('[^1]: a footnote\n')).toBe(true);
  });
});

describe('directivesIn: the leaf and container directives of the tree', async () => {
  const { visit } = await import('unist-util-visit');
  const body = [
    'Intro with a :text[directive] and a time 10:30.',
    '',
    '::flowchart{data=eligibility}',
    '',
    '> ::card{data="urgent-action" #id .cls}',
    '',
    '1. item',
    '',
    '   ::matrix{data=prioritisation}',
    '',
    '```',
    '::notreal{data=x}',
    '```',
    '',
    ':::note',
    'inside',
    ':::',
    '',
    '::pagebreak',
  ].join('\n');
  it('finds the same leaf and container directives, at the same lines and columns, with the same data', () => {
    const fromTree: [string, number, number, string | undefined][] = [];
    visit(parseBody(body), (n: any) => {
      if (n.type === 'leafDirective' || n.type === 'containerDirective') fromTree.push([n.name, n.position.start.line - 1, n.position.start.column, n.attributes?.data ?? undefined]);
    });
    const scanned = directivesIn(parseBody(body), body).map((d) => [d.name, d.line, d.column, d.attributes.data]);
    expect(scanned).toEqual(fromTree);
    expect(scanned.map((d) => d[0])).toEqual(['flowchart', 'card', 'matrix', 'note', 'pagebreak']);
    // Messages name the directive as written: `::` for a leaf, `:::` for a container.
    expect(directivesIn(parseBody(body), body).map((d) => d.colons)).toEqual(['::', '::', '::', ':::', '::']);
    expect(directivesIn(parseBody(body), body)[1]!.attributes).toEqual({ data: 'urgent-action' });
  });
});

describe('headingsIn: heading text without markup', async () => {
  const { toString } = await import('mdast-util-to-string');
  const { visit } = await import('unist-util-visit');
  it('ATX, closed ATX, setext, emphasis and links; not inside code or lists', () => {
    const body = ['# One', '', '## **Case** `planning` ##', '', 'Set text', '========', '', '```', '# not a heading', '```', '', '### [Follow-up](#x) and _review_', '', 'para', '', '- item', '', '#hashtag is text'].join('\n');
    const fromTree: [number, string][] = [];
    visit(parseBody(body), 'heading', (n: any) => {
      fromTree.push([n.position.start.line - 1, toString(n)]);
    });
    expect(headingsIn(parseBody(body)).map((h) => [h.line, h.text])).toEqual(fromTree);
  });
});
