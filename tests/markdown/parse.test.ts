import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leanParserAvailable, mayNeedFullParser, parseMarkdown, parseMarkdownFull } from '../../src/markdown/index.js';

const example = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

function exampleBodies(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && e.name !== 'dist') walk(`${dir}/${e.name}`);
      else if (e.name.endsWith('.md')) out.push(readFileSync(`${dir}/${e.name}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    }
  };
  walk(example);
  return out;
}

/** Deterministic pseudo-random numbers (tests must not depend on the clock). */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

describe('parseMarkdown', () => {
  it('skips literal autolinks and strikethrough only where they cannot occur', () => {
    expect(leanParserAvailable()).toBe(true);
    for (const s of ['a@b.co', 'see www.example.org', 'HTTPS://x.org', 'http://x', '~~gone~~', 'x&#64;y.org', 'w\\ww.x.org', 'mailto:a@b.c']) {
      expect(mayNeedFullParser(s), s).toBe(true);
    }
    for (const s of ['# عنوان\n\nنص **عريض** و[رابط](#h) :abbr[x]{y=z}', '| a | b |\n|---|---|\n| 1 | 2 |', 'wwwx ht tp: //']) {
      expect(mayNeedFullParser(s), s).toBe(false);
    }
  });

  it('gives the tree of the full GFM + directive parser for every example file', () => {
    const bodies = exampleBodies();
    expect(bodies.length).toBeGreaterThan(30);
    let lean = 0;
    for (const b of bodies) {
      if (!mayNeedFullParser(b)) lean++;
      expect(parseMarkdown(b)).toEqual(parseMarkdownFull(b));
    }
    // Most files take the lean path: the comparison means something.
    expect(lean).toBeGreaterThan(bodies.length / 2);
  });

  it('gives the full tree for generated Markdown without @, ~, &, backslashes or URLs', () => {
    const pieces = ['w', 'ww', 'www', 'h', 'http', 'https', ':', '/', '.', 'www', 'a', 'Z', '9', 'ب', 'نص', ' ', ' ', '\n', '\n\n', '*', '**', '_', '`', '[', ']', '(', ')',
      '[^1]', '[^1]: ', '|', ' | ', '\n|---|---|\n', '- ', '1. ', '> ', '# ', '## ', '[ ] ', '[x] ', '::', ':::', '{', '}', '=', '"', '!', '<', '>', '-', '+', '#', 'mailto', 'xmpp'];
    const next = rng(20261125);
    let compared = 0;
    for (let n = 0; n < 1500; n++) {
      let body = '';
      const len = 5 + Math.floor(next() * 60);
      for (let k = 0; k < len; k++) body += pieces[Math.floor(next() * pieces.length)]!;
      if (mayNeedFullParser(body)) continue;
      compared++;
      expect(parseMarkdown(body), JSON.stringify(body)).toEqual(parseMarkdownFull(body));
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
