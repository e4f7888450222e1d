import { afterEach, describe, expect, test } from 'vitest';
import { keepParsedTrees, parseBody, parseStats } from '../../src/document/index.js';

afterEach(() => keepParsedTrees(false)); // unit workers share module state

describe('keepParsedTrees (serve: unchanged sections are not parsed again)', () => {
  test('a body seen before is copied, not parsed; each caller gets its own tree', () => {
    keepParsedTrees();
    const body = `# Kept ${Math.random()}\n\nSome *text*.\n`;
    const n0 = parseStats().markdown;
    const a = parseBody(body);
    const n1 = parseStats().markdown;
    const b = parseBody(body);
    expect(n1 - n0).toBe(1);
    expect(parseStats().markdown).toBe(n1);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    // The realize step writes into its tree: that must not reach the next caller.
    (a.children[0] as { data?: unknown }).data = { changed: true };
    expect((parseBody(body).children[0] as { data?: unknown }).data).toBeUndefined();
  });

  test('off by default: every call parses', () => {
    const body = `# Not kept ${Math.random()}\n`;
    const n0 = parseStats().markdown;
    parseBody(body);
    parseBody(body);
    expect(parseStats().markdown - n0).toBe(2);
  });
});
