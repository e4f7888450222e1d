import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/document/index.js';
import { markdownFootnotes, markdownWords } from '../../src/verify/source-words.js';

describe('markdownWords and markdownFootnotes', () => {
  const md = 'Body one[^a] two.\n\n- item three[^b]\n\n[^a]: First note text.\n[^b]: Second *note*.\n';

  it('keeps footnote definitions out of the body words and gives them per note', () => {
    expect(markdownWords(parseBody(md))).toEqual(['Body', 'one', 'two', 'item', 'three']);
    expect(markdownFootnotes(parseBody(md))).toEqual([
      ['First', 'note', 'text'],
      ['Second', 'note'],
    ]);
  });
});
