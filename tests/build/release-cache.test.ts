import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../src/build/index.js';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));
const noDist = (src: string) => !/[\\/](dist|releases)$/.test(src);

/** A copy of the example SOP (draft 2.1) in a temp dir. */
async function copyExample(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sopkit-release-cache-')), 'sop');
  await cp(EXAMPLE, dir, { recursive: true, filter: noDist });
  return dir;
}

/** Freezes the example as release `version` (dated `date`) under `dir/releases/`, with a release.json. */
async function freeze(dir: string, version: string, date: string): Promise<SopModel> {
  const rel = path.join(dir, 'releases', version);
  await cp(EXAMPLE, rel, { recursive: true, filter: noDist });
  const sop = await readFile(path.join(rel, 'sop.yaml'), 'utf8');
  await writeFile(path.join(rel, 'sop.yaml'), sop.replace(/^version: .*$/m, `version: "${version}"`).replace(/^date: .*$/m, `date: ${date}`));
  await writeFile(path.join(rel, 'release.json'), `${JSON.stringify({ version, date })}\n`);
  return (await loadSop(rel)).model;
}

/** Every file under `root`, relative path → bytes. */
async function snapshot(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(root, abs).split(path.sep).join('/'), await readFile(abs));
  }
  return out;
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...a].filter(([k, v]) => Buffer.compare(v, b.get(k)!) !== 0).map(([k]) => k);
  expect(differ).toEqual([]);
}

/** A build with no previous dist/ at all: what the cached build must equal. */
async function cleanBuild(model: SopModel, versions: SopModel[]): Promise<Map<string, Buffer>> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'sopkit-release-cache-clean-')), 'dist');
  await buildAll(model, { outDir: out, targets: ['site'], versions });
  const files = await snapshot(out);
  await rm(path.dirname(out), { recursive: true, force: true });
  return files;
}

describe('buildAll: site pages of frozen releases are cached by content hash', () => {
  it('reuses unchanged release pages, byte-identical to a clean build, and re-renders only the switcher when the version list changes, all of them when the release or the page changes', { timeout: 240_000 }, async () => {
    const dir = await copyExample();
    const dist = path.join(dir, 'dist');
    const { model } = await loadSop(dir);
    const r19 = await freeze(dir, '1.9', '2026-05-01');
    const r20 = await freeze(dir, '2.0', '2026-08-01');
    const progress: string[] = [];
    const build = async (current: SopModel, versions: SopModel[]) => {
      progress.length = 0;
      await buildAll(current, { targets: ['site'], versions, onProgress: (m) => progress.push(m) });
      return snapshot(dist);
    };

    const reused = (v: string) => `site pages of release ${v}: unchanged, reused (version switcher updated)`;

    const first = await build(model, [r20, r19]);
    expect(progress.filter((m) => m.includes('reused'))).toEqual([]);
    expect(first.has('site/2.0/en/index.html')).toBe(true);
    expect(first.has('.cache/site-v2.0.json')).toBe(true);
    // The draft (the version being built) is never cached.
    expect(first.has('.cache/site-v2.1.json')).toBe(false);

    // Same inputs: both releases reused, and every file equals the first and a clean build.
    const second = await build(model, [r20, r19]);
    expect(progress).toContain(reused('2.0'));
    expect(progress).toContain(reused('1.9'));
    expect(progress).not.toContain('site: version 2.0, en');
    expectSameFiles(second, first);
    expectSameFiles(second, await cleanBuild(model, [r20, r19]));

    // A new release changes the switcher of every older page: the older pages are reused
    // with a new switcher, and list the new version exactly as a clean build does.
    const r15 = await freeze(dir, '1.5', '2026-03-01');
    const third = await build(model, [r20, r19, r15]);
    expect(progress).toContain(reused('2.0'));
    expect(progress).toContain(reused('1.9'));
    expect(progress).toContain('site: version 1.5, en');
    expect(third.get('site/2.0/en/index.html')!.toString()).toContain('../../1.5/en/index.html');
    expect(third.get('site/2.0/ar/services.html')!.toString()).toContain('../../1.5/ar/services.html');
    expectSameFiles(third, await cleanBuild(model, [r20, r19, r15]));

    // The draft's date is in the switcher of every page too.
    const redated: SopModel = { ...model, manifest: { ...model.manifest, date: '2026-12-24' } };
    const fourth = await build(redated, [r20, r19, r15]);
    expect(progress).toContain(reused('1.5'));
    expectSameFiles(fourth, await cleanBuild(redated, [r20, r19, r15]));

    // A page edited by hand in dist/ is rendered again, not republished.
    const page = path.join(dist, 'site', '1.9', 'ar', 'index.html');
    await writeFile(page, `${await readFile(page, 'utf8')}<!-- edited -->`);
    const fifth = await build(redated, [r20, r19, r15]);
    expect(progress).toContain(reused('2.0'));
    expect(progress).not.toContain(reused('1.9'));
    expect(progress).toContain('site: version 1.9, ar');
    expectSameFiles(fifth, fourth);

    // A release whose release.json differs (another release under the same number) is not reused.
    await writeFile(path.join(r15.root, 'release.json'), '{"version":"1.5","date":"2026-03-02"}\n');
    await build(redated, [r20, r19, r15]);
    expect(progress).toContain(reused('2.0'));
    expect(progress).not.toContain(reused('1.5'));
    expect(progress).toContain('site: version 1.5, en');
  });
});
