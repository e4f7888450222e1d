import { describe, expect, it } from 'vitest';
import { keywordMatcher } from '../../src/check/keywords.js';
import { letterCounts } from '../../src/check/letters.js';
import { directivesIn, eachNode, hasContent, headingsIn, proseText } from '../../src/check/scan.js';
import { foldForMatch } from '../../src/check/text.js';
import { visit } from '../../src/vendor/markdown.js';
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

  it('letterCounts counts Arabic-script letters (not marks or digits) and Latin letters, as matching each into a list did', () => {
    // Arabic letters, a shadda and tanween (marks), Arabic-Indic digits, an Arabic comma, an
    // Arabic presentation form and a mathematical Arabic letter (outside the BMP), Latin with accents.
    const md = 'مرحبًا بكم ّ ٣٤٥، ﻻ \u{1EE01} café Straße ÆØ 12 — 𝒜\n\n`code قيمة` [رابط](https://example.org) ACRONYM\n';
    const prose = proseText(parseBody(md)).replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ').replace(/\S+@\S+\.\S+/g, ' ').replace(/\b[A-Z][A-Z0-9]+[a-z]?\b\+?/g, ' ');
    const expected = {
      arabic: prose.match(/\p{Script=Arabic}/gu)?.filter((c) => /\p{L}/u.test(c)).length ?? 0,
      latin: prose.match(/\p{Script=Latin}/gu)?.length ?? 0,
    };
    expect(expected.arabic).toBeGreaterThan(8);
    expect(letterCounts(parseBody(md))).toEqual(expected);
    expect(letterCounts(parseBody('`only code`\n'))).toEqual({ arabic: 0, latin: 0 });
  });

  it('eachNode visits the nodes unist-util-visit visits, in the same order', () => {
    const tree = parseBody('# T\n\n> quote [a](b.md) ![i](x.png)\n\n- one\n  - two [c][d]\n\n[d]: e.md\n\n:::note\ninside [f](#g)\n:::\n');
    const ours: string[] = [];
    const theirs: string[] = [];
    eachNode(tree, (n) => ours.push(`${n.type}@${n.position?.start.offset}`));
    visit(tree, (n) => {
      theirs.push(`${n.type}@${n.position?.start.offset}`);
    });
    expect(ours.length).toBeGreaterThan(15);
    expect(ours).toEqual(theirs);
  });

  it('keywordMatcher finds what hasKeyword finds, folding each heading once', () => {
    const is = keywordMatcher(['المركز', 'plan'], 'ar');
    expect(is(foldForMatch('دور المركز'))).toBe(true);
    expect(is(foldForMatch('دور البنك المركزي'))).toBe(false);
    expect(is(foldForMatch('وبالمركز'))).toBe(true);
    expect(keywordMatcher([''], 'en')(foldForMatch('anything'))).toBe(false);
  });
});

