// The one policy for links and paths (src/fs/policy.ts): nothing outside the SOP folder is
// read; links that stay inside are followed; one code and one message for every kind of file.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourcePath, checkSourcePathSync, decodeSourceText, listDir, readSourceBytes, readSourceText } from '../../src/fs/index.js';

let tmp: string;
let sop: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-policy-'));
  sop = path.join(tmp, 'sop');
  await mkdir(path.join(sop, 'sections/ar'), { recursive: true });
  await mkdir(path.join(sop, 'data'), { recursive: true });
  await mkdir(path.join(tmp, 'decoy/docs'), { recursive: true });
  await writeFile(path.join(tmp, 'decoy/notes.txt'), 'secret\n');
  await writeFile(path.join(tmp, 'decoy/docs/x.md'), '# not ours\n');
  await writeFile(path.join(sop, 'sections/ar/01-a.md'), 'text\n');
  await writeFile(path.join(sop, 'data/real.yaml'), 'a: 1\n');
  await symlink('real.yaml', path.join(sop, 'data/inside.yaml'));
  await symlink('../../decoy/notes.txt', path.join(sop, 'data/outside.yaml'));
  await symlink('inside.yaml', path.join(sop, 'data/chain-inside.yaml'));
  await symlink('outside.yaml', path.join(sop, 'data/chain-outside.yaml'));
  await symlink('../../decoy/gone.yaml', path.join(sop, 'data/dangling-outside.yaml'));
  await symlink('gone.yaml', path.join(sop, 'data/dangling-inside.yaml'));
  await symlink('loop-b.yaml', path.join(sop, 'data/loop-a.yaml'));
  await symlink('loop-a.yaml', path.join(sop, 'data/loop-b.yaml'));
  await symlink('../../decoy/docs', path.join(sop, 'sections/en'));
  await symlink('ar', path.join(sop, 'sections/fr'));
  await symlink('sop', path.join(tmp, 'sop-link'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const MESSAGE = /^(\S+) is a link to (.+), outside the SOP folder; sopkit reads only files inside it — copy the (file|folder) in$/;

describe('checkSourcePath', () => {
  it('accepts a plain file and a link that stays inside (also through a chain of links)', async () => {
    for (const rel of ['data/real.yaml', 'data/inside.yaml', 'data/chain-inside.yaml', 'sections/fr/01-a.md']) {
      const c = await checkSourcePath(sop, rel);
      expect(c.ok, rel).toBe(true);
    }
  });

  it('refuses a file link that leads outside, with the one message', async () => {
    const c = await checkSourcePath(sop, 'data/outside.yaml');
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.diagnostic).toMatchObject({ rule: 'path-outside', severity: 'error', file: 'data/outside.yaml' });
    expect(c.diagnostic.message).toMatch(MESSAGE);
    expect(c.diagnostic.message).toBe('data/outside.yaml is a link to ../../decoy/notes.txt, outside the SOP folder; sopkit reads only files inside it — copy the file in');
  });

  it('names the link of a chain that leaves, and where the chain leads', async () => {
    const c = await checkSourcePath(sop, 'data/chain-outside.yaml');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.diagnostic.message).toMatch(/^data\/chain-outside\.yaml is a link to outside\.yaml \(which leads to .*decoy\/notes\.txt\), outside the SOP folder/);
  });

  it('names a linked folder that leads outside, for any file under it', async () => {
    const c = await checkSourcePath(sop, 'sections/en/x.md');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.diagnostic.message).toBe('sections/en is a link to ../../decoy/docs, outside the SOP folder; sopkit reads only files inside it — copy the folder in');
  });

  it('refuses `..` and absolute paths with the same code', async () => {
    for (const rel of ['../decoy/notes.txt', path.join(tmp, 'decoy/notes.txt')]) {
      const c = await checkSourcePath(sop, rel);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.diagnostic.rule).toBe('path-outside');
    }
  });

  it('says when a link dangles (inside: missing; outside: outside) or loops', async () => {
    const inside = await checkSourcePath(sop, 'data/dangling-inside.yaml');
    expect(inside).toMatchObject({ ok: false, missing: true });
    if (!inside.ok) expect(inside.diagnostic.message).toBe('data/dangling-inside.yaml is a link to gone.yaml, which does not exist');
    const outside = await checkSourcePath(sop, 'data/dangling-outside.yaml');
    if (!outside.ok) expect(outside.diagnostic.rule).toBe('path-outside');
    const loop = await checkSourcePath(sop, 'data/loop-a.yaml');
    expect(loop.ok).toBe(false);
    if (!loop.ok) expect(loop.diagnostic.message).toMatch(/loop/);
  });

  it('works when the SOP folder itself is reached through a link', async () => {
    const root = path.join(tmp, 'sop-link');
    expect((await checkSourcePath(root, 'data/inside.yaml')).ok).toBe(true);
    expect((await checkSourcePath(root, 'data/outside.yaml')).ok).toBe(false);
  });

  it('gives the same answers synchronously (images in the layout)', async () => {
    for (const rel of ['data/real.yaml', 'data/outside.yaml', 'sections/en/x.md', 'data/dangling-inside.yaml']) {
      expect(checkSourcePathSync(sop, rel)).toEqual(await checkSourcePath(sop, rel));
    }
  });
});

describe('readers under the policy', () => {
  it('readSourceText and readSourceBytes read an inside link and refuse an outside one', async () => {
    expect(await readSourceText(sop, 'data/inside.yaml')).toEqual({ ok: true, text: 'a: 1\n' });
    const r = await readSourceBytes(sop, 'data/outside.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.rule).toBe('path-outside');
    const t = await readSourceText(sop, 'data/outside.yaml');
    if (!t.ok) expect(t.diagnostic.message).toMatch(MESSAGE);
  });

  it('listDir lists inside links as what they point to, reports a folder link that leaves, lists nothing from outside', async () => {
    const reported: string[] = [];
    expect(await listDir(sop, 'sections/en', (d) => reported.push(d.message))).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^sections\/en is a link to/);
    const fr = await listDir(sop, 'sections/fr');
    expect(fr.map((e) => e.name)).toEqual(['01-a.md']);
    const data = await listDir(sop, 'data');
    expect(data.find((e) => e.name === 'inside.yaml')).toMatchObject({ isFile: true, isLink: true });
    // An outside link is listed as a file, so that reading it reports it (never silently skipped).
    expect(data.find((e) => e.name === 'outside.yaml')).toMatchObject({ isFile: true, isLink: true });
  });
});

describe('encodings', () => {
  const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
  const utf16be = (s: string, bom = true) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
  };
  const text = '---\ncomponent: eligibility\ntitle: T\n---\n## Heading\n\nSome text.\n';

  it.each([
    ['UTF-16 LE with BOM', utf16le(text), 'little-endian'],
    ['UTF-16 BE with BOM', utf16be(text), 'big-endian'],
    ['UTF-16 LE without BOM', utf16le(text, false), 'little-endian'],
    ['UTF-16 BE without BOM', utf16be(text, false), 'big-endian'],
    ['Arabic UTF-16 LE with BOM', utf16le('---\ntitle: معايير\n---\n'), 'little-endian'],
  ])('%s is named as UTF-16 at 1:1', (_name, bytes, kind) => {
    const r = decodeSourceText('sections/en/x.md', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic).toMatchObject({ rule: 'file-encoding', file: 'sections/en/x.md', line: 1, column: 1 });
      expect(r.diagnostic.message).toBe(`sections/en/x.md is saved as UTF-16 (${kind}); save it as UTF-8`);
    }
  });

  it('a binary file is named as binary at 1:1 (never column Infinity)', () => {
    const r = decodeSourceText('data/x.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0xff, 0xd8]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic).toMatchObject({ rule: 'file-encoding', line: 1, column: 1 });
      expect(r.diagnostic.message).toBe('data/x.yaml is a binary file, not text');
    }
  });

  it('UTF-8 (with or without BOM, CRLF) still reads as before', () => {
    expect(decodeSourceText('a.md', Buffer.from('\uFEFFa\r\nb\n'))).toEqual({ ok: true, text: 'a\nb\n' });
    expect(decodeSourceText('a.md', Buffer.from('نص عربي\n'))).toEqual({ ok: true, text: 'نص عربي\n' });
  });
});
