import { appendFile, cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { buildAll, type BuildTarget } from '../../src/build/index.js';
import { openCache, readPosterFacts, readSopLayoutFacts } from '../../src/cache/index.js';
import { countBodyPages } from '../../src/layout/index.js';
import { hashTree } from '../helpers/files.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

async function copyExample(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-cache-build-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
  return dir;
}

async function build(dir: string, out: string, store: string | undefined, targets?: BuildTarget[]) {
  const { model } = await loadSop(dir);
  const cache = store ? await openCache(model.root, { env: { SOPKIT_CACHE_DIR: store } }) : undefined;
  const progress: string[] = [];
  const diagnostics: unknown[] = [];
  const r = await buildAll(model, { outDir: out, targets, cache, onProgress: (m) => progress.push(m), onDiagnostic: (d) => diagnostics.push(d) });
  return { files: r.files, progress, diagnostics, hashes: await hashTree(out), model, cache };
}

const reused = (progress: string[]) => progress.filter((m) => m.includes('reused from the cache'));

describe('the build cache', () => {
  it('a hit writes the bytes and reports the problems of a cold build; a changed section or a corrupt entry builds again', async () => {
    const dir = await copyExample();
    const store = await mkdtemp(path.join(os.tmpdir(), 'sopkit-cache-store-'));
    const cold = await build(dir, path.join(dir, 'cold'), undefined);
    const first = await build(dir, path.join(dir, 'first'), store);
    expect(reused(first.progress)).toEqual([]);
    const second = await build(dir, path.join(dir, 'second'), store);
    // The stamped PDF annexes, the PDFs of each language, the posters, the site.
    expect(reused(second.progress)).toEqual([
      'stamped PDF annexes: sources unchanged, reused from the cache',
      'PDFs (ar): sources unchanged, reused from the cache',
      'PDFs (en): sources unchanged, reused from the cache',
      'posters: sources unchanged, reused from the cache',
      'site: sources unchanged, reused from the cache',
    ]);
    expect(second.hashes).toEqual(cold.hashes);
    expect(first.hashes).toEqual(cold.hashes);
    expect(second.files).toEqual(cold.files);
    expect(second.diagnostics).toEqual(cold.diagnostics);

    // check's layout facts, left by the build, are those of laying the SOP out.
    const languages = second.model.manifest.languages;
    for (const lang of languages) expect((await readSopLayoutFacts(second.cache!, lang, languages))?.bodyPages).toBe(await countBodyPages(second.model, lang));
    expect(await readPosterFacts(second.cache!, languages)).not.toBeNull();

    // One changed English section: only what reads it is built again (the English PDFs
    // and the site), and the result is that of a cold build of it.
    const section = path.join(dir, 'sections', 'en', (await readdir(path.join(dir, 'sections', 'en'))).sort()[1]!);
    await appendFile(section, '\nOne more paragraph, written after the first build.\n');
    const changed = await build(dir, path.join(dir, 'changed'), store);
    expect(reused(changed.progress)).toEqual([
      'stamped PDF annexes: sources unchanged, reused from the cache',
      'PDFs (ar): sources unchanged, reused from the cache',
      'posters: sources unchanged, reused from the cache',
    ]);
    const changedCold = await build(dir, path.join(dir, 'changed-cold'), undefined);
    expect(changed.hashes).toEqual(changedCold.hashes);
    expect(changed.diagnostics).toEqual(changedCold.diagnostics);
    expect(changed.hashes['pdf/sop-v2.1-en.pdf']).not.toBe(cold.hashes['pdf/sop-v2.1-en.pdf']);
    expect(changed.hashes['pdf/sop-v2.1-ar.pdf']).toBe(cold.hashes['pdf/sop-v2.1-ar.pdf']);
    // check's facts: the Arabic ones still valid, the English ones gone with the edit.
    expect(await readSopLayoutFacts(changed.cache!, 'ar', languages)).not.toBeNull();
    expect(await readSopLayoutFacts(changed.cache!, 'en', languages)).not.toBeNull(); // written by the English PDFs' run
    expect((await readSopLayoutFacts(changed.cache!, 'en', languages))?.bodyPages).toBe(await countBodyPages(changed.model, 'en'));

    // A change to data/ (what the posters and both languages read) builds everything again
    // (the stamped annexes too: they share the posters' key, every input but the Markdown).
    await appendFile(path.join(dir, 'data', 'services.yaml'), '\n# a comment, after the first build\n');
    const dataChanged = await build(dir, path.join(dir, 'data-changed'), store);
    expect(reused(dataChanged.progress)).toEqual([]);

    // Every entry damaged: a miss each, never an error, and the same bytes again.
    for (const n of await readdir(store)) {
      const f = path.join(store, n);
      const b = await readFile(f);
      b[b.length - 1] ^= 0xff;
      await writeFile(f, b);
    }
    const afterCorruption = await build(dir, path.join(dir, 'again'), store);
    expect(reused(afterCorruption.progress)).toEqual([]);
    expect(afterCorruption.hashes).toEqual(dataChanged.hashes);
  }, 240_000);
});
