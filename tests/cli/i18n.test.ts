import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { baseFiles, synced, writeFixture } from '../check/fixture.js';
import { ensureBuilt, sopkit } from './cli.js';

// Each test starts several node processes; on a loaded 2-core machine that can take a while.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

describe('sopkit i18n', () => {
  it('status lists source, up to date, stale, missing and not synced', async () => {
    const files = synced(baseFiles());
    files['sections/ar/01-eligibility.md'] = `${files['sections/ar/01-eligibility.md'] as string}\nفقرة جديدة.\n`;
    files['sections/en/02-case-management-process.md'] = baseFiles()['sections/en/02-case-management-process.md']!;
    files['sections/ar/03-only-ar.md'] = '---\ncomponent: definitions\ntitle: تعاريف\n---\n\nنص.\n';
    const dir = await writeFixture(files);
    const r = sopkit(['i18n', 'status', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['file', 'ar', 'en'],
      ['sections/01-eligibility.md', 'source', 'stale'],
      ['sections/02-case-management-process.md', 'source', 'not synced'],
      ['sections/03-only-ar.md', 'source', 'missing'],
      [''],
    ]);
  });

  it('sync changes only the source_fingerprint line, keeps CRLF, leaves no temp file', async () => {
    const files = synced(baseFiles());
    const stale = (files['sections/en/01-eligibility.md'] as string).replace(/source_fingerprint: \S+/, 'source_fingerprint: sha256-0000000000000000').replace(/\n/g, '\r\n');
    files['sections/en/01-eligibility.md'] = stale;
    files['sections/en/02-case-management-process.md'] = baseFiles()['sections/en/02-case-management-process.md']!;
    const dir = await writeFixture(files);
    expect(sopkit(['check', '.', '--today', '2026-11-25', '--strict'], dir).code).toBe(1);

    const r = sopkit(['i18n', 'sync', 'sections/en/01-eligibility.md'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('synced sections/en/01-eligibility.md');
    const after = await readFile(path.join(dir, 'sections/en/01-eligibility.md'), 'utf8');
    const a = stale.split('\r\n');
    const b = after.split('\r\n');
    expect(b).toHaveLength(a.length);
    expect(a.map((l, i) => (l === b[i] ? null : [l, b[i]])).filter(Boolean)).toEqual([
      ['source_fingerprint: sha256-0000000000000000', expect.stringMatching(/^source_fingerprint: sha256-[0-9a-f]{16}$/)],
    ]);

    // a translation without the key gets one line, before the closing ---
    const all = sopkit(['i18n', 'sync', '--all', '.'], dir);
    expect(all.stdout).toContain('1 translation updated, 1 already up to date');
    const added = (await readFile(path.join(dir, 'sections/en/02-case-management-process.md'), 'utf8')).split('\n');
    const orig = (baseFiles()['sections/en/02-case-management-process.md'] as string).split('\n');
    expect(added.filter((l) => !orig.includes(l))).toEqual([expect.stringMatching(/^source_fingerprint: /)]);
    expect(added.indexOf(added.find((l) => l.startsWith('source_fingerprint'))!)).toBe(3);

    expect(sopkit(['check', '.', '--today', '2026-11-25', '--strict'], dir).code).toBe(0);
    expect((await readdir(path.join(dir, 'sections/en'))).sort()).toEqual(['01-eligibility.md', '02-case-management-process.md']);
  });

  it('usage errors of the subcommands exit 2', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    expect(sopkit(['i18n', 'sync', '--bogus'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option '--bogus'/) });
    expect(sopkit(['i18n', 'status', '.', 'extra', 'args'], dir).code).toBe(2);
    expect(sopkit(['i18n', 'sync'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/name the translation to sync, or pass --all/) });
  });

  it('sync refuses a source-language file and a file outside any SOP', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const r = sopkit(['i18n', 'sync', 'sections/ar/01-eligibility.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is in the source language \(ar\); only translations are synced/);
    const lone = await writeFixture({ 'x.md': '---\ntitle: x\n---\n' });
    expect(sopkit(['i18n', 'sync', 'x.md'], lone)).toMatchObject({ code: 2, stderr: expect.stringMatching(/not inside an SOP folder/) });
  });

  it('sync takes a path relative to the SOP folder when the folder is given', async () => {
    const repo = await writeFixture({});
    const files = baseFiles();
    for (const [k, v] of Object.entries(files)) {
      const p = path.join(repo, 'sop', k);
      await (await import('node:fs/promises')).mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, v);
    }
    const r = sopkit(['i18n', 'sync', 'sections/en/01-eligibility.md', 'sop'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(path.join(repo, 'sop/sections/en/01-eligibility.md'), 'utf8')).toMatch(/^---\ncomponent: eligibility\ntitle: Eligibility criteria\nowner: dsd\nsource_fingerprint: sha256-/);
  });
});
