import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, getEntry, putEntry } from '../../src/cache/index.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('the build cache store', () => {
  it('gives back the files and metadata it stored', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-cache-'));
    await putEntry(dir, 'k1', { meta: { written: ['a/b.pdf'] }, files: [{ path: 'a/b.pdf', bytes: bytes('PDF') }, { path: 'c.txt', bytes: bytes('') }, { path: 'd', bytes: bytes('dd') }] });
    const e = await getEntry<{ written: string[] }>(dir, 'k1');
    expect(e?.meta).toEqual({ written: ['a/b.pdf'] });
    expect(e?.files.map((f) => [f.path, Buffer.from(f.bytes).toString()])).toEqual([['a/b.pdf', 'PDF'], ['c.txt', ''], ['d', 'dd']]);
    expect(await getEntry(dir, 'other')).toBeNull();
  });

  it('treats a corrupt, truncated or foreign entry as a miss, not an error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-cache-'));
    await putEntry(dir, 'k', { meta: 1, files: [{ path: 'x', bytes: bytes('hello world') }] });
    const file = path.join(dir, (await readdir(dir)).find((n) => n.endsWith('.entry'))!);
    const good = await readFile(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3] ^= 0xff; // one payload byte changed: the sha256 no longer matches
    for (const bad of [flipped, good.subarray(0, good.length - 4), good.subarray(0, 2), Buffer.from('not a cache entry at all')]) {
      await writeFile(file, bad);
      expect(await getEntry(dir, 'k')).toBeNull();
    }
    await writeFile(file, good);
    expect((await getEntry(dir, 'k'))?.meta).toBe(1);
  });

  it('does not fail when the store cannot be written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-cache-'));
    const blocked = path.join(dir, 'file');
    await writeFile(blocked, 'a file where the store folder would be');
    await expect(putEntry(path.join(blocked, 'store'), 'k', { meta: 1, files: [] })).resolves.toBeUndefined();
    expect(await getEntry(path.join(blocked, 'store'), 'k')).toBeNull();
  });

  it('lives where SOPKIT_CACHE_DIR or XDG_CACHE_HOME say, else under the home folder', () => {
    expect(cacheDir({ SOPKIT_CACHE_DIR: '/x/y' })).toBe(path.resolve('/x/y'));
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join(path.resolve('/c'), 'sopkit'));
    expect(cacheDir({})).toBe(path.join(os.homedir(), '.cache', 'sopkit'));
  });
});
