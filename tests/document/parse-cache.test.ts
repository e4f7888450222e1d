import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBody } from '../../src/document/index.js';
import { useMemoStore } from '../../src/cache/memo.js';

const SECTIONS = fileURLToPath(new URL('../../sop-sources/sections/', import.meta.url));
const bodies = ['en', 'ar'].flatMap((l) => readdirSync(path.join(SECTIONS, l)).map((f) => readFileSync(path.join(SECTIONS, l, f), 'utf8')));

describe('the parse cache', () => {
  afterEach(() => useMemoStore(undefined));

  it('gives back exactly the tree a parse gives (undefined fields, prototypes and all), and ignores a damaged entry', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-parse-cache-'));
    const fresh = bodies.map((b) => parseBody(b));
    useMemoStore(dir, 'engine-a');
    const stored = bodies.map((b) => parseBody(b)); // misses: parsed and stored
    const files = readdirSync(path.join(dir, 'mdast'));
    expect(files.length).toBe(new Set(bodies).size);
    const read = bodies.map((b) => parseBody(b)); // hits: read back
    for (const [i, t] of fresh.entries()) {
      expect(stored[i]).toStrictEqual(t);
      expect(read[i]).toStrictEqual(t);
    }
    for (const f of files) writeFileSync(path.join(dir, 'mdast', f), '{"type":"root","children":['); // truncated
    expect(bodies.map((b) => parseBody(b))).toStrictEqual(fresh);
    useMemoStore(dir, 'engine-b'); // another engine: its own entries
    parseBody(bodies[0]!);
    expect(readdirSync(path.join(dir, 'mdast')).length).toBe(files.length + 1);
  });
});
