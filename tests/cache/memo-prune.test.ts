import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneKind } from '../../src/cache/memo.js';

describe('the memo store stays bounded', () => {
  it('past the limit, the oldest written results go until a quarter of the room is free; under it, nothing goes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-memo-prune-'));
    // r00 is the oldest, r09 the newest; a stray file of another shape is never touched.
    for (let i = 0; i < 10; i++) {
      const f = path.join(dir, `r${String(i).padStart(2, '0')}.json`);
      await writeFile(f, '{}');
      await utimes(f, 1_700_000_000 + i * 60, 1_700_000_000 + i * 60);
    }
    await writeFile(path.join(dir, 'r99.json.123.tmp'), 'half');
    pruneKind(dir, 10);
    expect((await readdir(dir)).length).toBe(11);
    pruneKind(dir, 8);
    expect((await readdir(dir)).sort()).toEqual(['r04.json', 'r05.json', 'r06.json', 'r07.json', 'r08.json', 'r09.json', 'r99.json.123.tmp']);
    pruneKind(path.join(dir, 'missing'), 1); // no folder: nothing happens, nothing thrown
  });
});
