import { describe, expect, it } from 'vitest';
import { hasContent, mayHaveDirectives, mayHaveLinks, proseText } from '../../src/check/scan.js';

describe('cheap scans used instead of a full parse', () => {
  it('hasContent: headings, rules, comments and definitions are not content', () => {
    expect(hasContent('')).toBe(false);
    expect(hasContent('\n## Title\n\n<!-- note\nmore -->\n---\n\n[a]: https://x.org\n')).toBe(false);
    expect(hasContent('Title\n=====\n\n### Sub\n')).toBe(false);
    expect(hasContent('## Title\n\nA sentence.\n')).toBe(true);
    expect(hasContent('## Title\n\n::flowchart{data=eligibility}\n')).toBe(true);
    expect(hasContent('```\ncode\n```\n')).toBe(true);
    expect(hasContent('- item\n')).toBe(true);
  });
  it('proseText drops code, URLs, HTML and directive attributes', () => {
    const t = proseText('Text `inline code` [link](https://example.org/path) <b>x</b>\n```\nfenced code\n```\n::flowchart{data=eligibility}\nend');
    expect(t).not.toMatch(/inline|example|fenced|eligibility|<b>/);
    expect(t).toMatch(/Text/);
    expect(t).toMatch(/link/);
    expect(t).toMatch(/end/);
  });
  it('pre-filters are conservative (never miss a directive or link)', () => {
    expect(mayHaveDirectives('> ::card{data=urgent-action}')).toBe(true);
    expect(mayHaveDirectives('no directive here')).toBe(false);
    expect(mayHaveLinks('see [x](#y)')).toBe(true);
    expect(mayHaveLinks('[ref]: other.md')).toBe(true);
    expect(mayHaveLinks('plain [brackets] only')).toBe(false);
  });
});

describe('scanDirectives agrees with remark-directive on where directives are', async () => {
  const { scanDirectives } = await import('../../src/check/scan.js');
  const { parseMarkdown } = await import('../../src/markdown/index.js');
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
    visit(parseMarkdown(body), (n: any) => {
      if (n.type === 'leafDirective' || n.type === 'containerDirective') fromTree.push([n.name, n.position.start.line - 1, n.position.start.column, n.attributes?.data ?? undefined]);
    });
    const scanned = scanDirectives(body).map((d) => [d.name, d.line, d.column, d.attributes.data]);
    expect(scanned).toEqual(fromTree);
    expect(scanned.map((d) => d[0])).toEqual(['flowchart', 'card', 'matrix', 'note', 'pagebreak']);
  });
});

describe('scanHeadings agrees with remark on heading text', async () => {
  const { scanHeadings } = await import('../../src/check/scan.js');
  const { parseMarkdown } = await import('../../src/markdown/index.js');
  const { toString } = await import('mdast-util-to-string');
  const { visit } = await import('unist-util-visit');
  it('ATX, closed ATX, setext, emphasis and links; not inside code or lists', () => {
    const body = ['# One', '', '## **Case** `planning` ##', '', 'Set text', '========', '', '```', '# not a heading', '```', '', '### [Follow-up](#x) and _review_', '', 'para', '', '- item', '', '#hashtag is text'].join('\n');
    const fromTree: [number, string][] = [];
    visit(parseMarkdown(body), 'heading', (n: any) => {
      fromTree.push([n.position.start.line - 1, toString(n)]);
    });
    expect(scanHeadings(body).map((h) => [h.line, h.text])).toEqual(fromTree);
  });
});
