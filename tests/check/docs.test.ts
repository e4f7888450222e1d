import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/check/index.js';

describe('docs/check.md', () => {
  it('documents every rule id', () => {
    const doc = readFileSync(new URL('../../docs/check.md', import.meta.url), 'utf8');
    const missing = ruleCatalogue().map((r) => r.id).filter((id) => !doc.includes(`| \`${id}\` |`));
    expect(missing).toEqual([]);
  });
});
