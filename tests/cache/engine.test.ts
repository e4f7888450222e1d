import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fingerprintOf } from '../../src/cache/engine.js';

/** The fingerprint as it was always computed: names and bytes of lib/, then templates/, then package.json. */
async function hashedBytes(root: string, lib: string[], templates: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of lib) h.update(`${f}\0`).update(await readFile(path.join(root, 'lib', f))).update('\0');
  h.update('\0templates\0');
  for (const f of templates) h.update(`${f}\0`).update(await readFile(path.join(root, 'templates', f))).update('\0');
  h.update('\0package.json\0').update(await readFile(path.join(root, 'package.json')));
  return h.digest('hex');
}

describe('engine fingerprint with its stat index', () => {
  test('equals the hash of the bytes; the kept hash is used while no file changes; a rewrite hashes again', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sopkit-engine-'));
    const put = async (rel: string, text: string) => {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    };
    await put('lib/a.js', 'a');
    await put('lib/sub/b.js', 'b');
    await put('templates/t.html', 't');
    await put('package.json', '{}');
    const roots = { lib: path.join(root, 'lib'), templates: path.join(root, 'templates'), pkg: path.join(root, 'package.json') };
    const env = { SOPKIT_CACHE_DIR: path.join(root, 'cache') };
    const first = fingerprintOf(roots, env);
    expect(first).toBe(await hashedBytes(root, ['a.js', 'sub/b.js'], ['t.html']));
    expect(fingerprintOf(roots, env)).toBe(first);

    // The kept hash is what a second run returns (it does not read the bytes): a forged one shows it.
    const { readdir } = await import('node:fs/promises');
    const indexFile = path.join(env.SOPKIT_CACHE_DIR, (await readdir(env.SOPKIT_CACHE_DIR)).find((n) => n.startsWith('engine-'))!);
    const index = JSON.parse(await readFile(indexFile, 'utf8')) as { fingerprint: string };
    await writeFile(indexFile, JSON.stringify({ ...index, fingerprint: 'kept' }));
    expect(fingerprintOf(roots, env)).toBe('kept');

    // Same size, new bytes, new time: hashed again (and kept for next time).
    await put('lib/sub/b.js', 'c');
    await utimes(path.join(root, 'lib/sub/b.js'), new Date(), new Date(Date.now() + 5000));
    const changed = fingerprintOf(roots, env);
    expect(changed).toBe(await hashedBytes(root, ['a.js', 'sub/b.js'], ['t.html']));
    expect(changed).not.toBe(first);
    // A new file: hashed again.
    await put('templates/u.css', 'u');
    expect(fingerprintOf(roots, env)).toBe(await hashedBytes(root, ['a.js', 'sub/b.js'], ['t.html', 'u.css']));
    // Without a cache folder, always the bytes.
    expect(fingerprintOf(roots, { SOPKIT_CACHE: '0', SOPKIT_CACHE_DIR: env.SOPKIT_CACHE_DIR })).toBe(await hashedBytes(root, ['a.js', 'sub/b.js'], ['t.html', 'u.css']));
  });
});
