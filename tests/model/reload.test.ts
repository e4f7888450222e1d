import path from 'node:path';
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSop, reloadChanged, sessionLoader, type LoadResult, type SopModel } from '../../src/model/index.js';
import { buildSiteVersions } from '../../src/site/build.js';
import { EXAMPLE, tempDir } from '../site/helpers.js';

/** Every file of the site built in memory from `model`, by path → sha256. */
async function siteOf(model: SopModel): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await buildSiteVersions([model], '', { sink: (rel, bytes) => void files.set(rel, createHash('sha256').update(bytes).digest('hex')) });
  return files;
}

/** The model as data (the loader's objects, without the folder's absolute path). */
const asData = (r: LoadResult) => JSON.parse(JSON.stringify({ ...r.model, root: '' }, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));

let dir: string;
const file = (rel: string) => path.join(dir, rel);
async function edit(rel: string, change: (text: string) => string): Promise<void> {
  await writeFile(file(rel), change(await readFile(file(rel), 'utf8')));
}

beforeAll(async () => {
  dir = await tempDir('sopkit-reload-');
  await cp(EXAMPLE, dir, { recursive: true, filter: (f) => !f.includes(`${path.sep}dist`) });
});

describe('reloadChanged / sessionLoader (serve re-reads only the saved files)', () => {
  it('after a series of saves gives what a fresh load gives: model, problems in order, site bytes', async () => {
    const load = sessionLoader();
    let last = await load(dir);
    const steps: Array<{ what: string; files: string[]; run: () => Promise<void>; scoped: boolean }> = [
      { what: 'a sentence in an English section', files: ['sections/en/03-purpose-scope.md'], scoped: true, run: () => edit('sections/en/03-purpose-scope.md', (t) => `${t}\nA new sentence.\n`) },
      { what: 'broken front-matter in an Arabic section', files: ['sections/ar/08-eligibility.md'], scoped: true, run: () => edit('sections/ar/08-eligibility.md', (t) => t.replace(/^title: /m, 'title: [unclosed ')) },
      { what: 'a bad key in another section (a schema error)', files: ['sections/en/09-prioritisation.md'], scoped: true, run: () => edit('sections/en/09-prioritisation.md', (t) => t.replace(/^---\n/, '---\nowner: 12\n')) },
      { what: 'the broken section fixed, a heading added to another', files: ['sections/ar/08-eligibility.md', 'sections/en/05-definitions.md'], scoped: true, run: async () => {
        await edit('sections/ar/08-eligibility.md', (t) => t.replace('title: [unclosed ', 'title: '));
        await edit('sections/en/05-definitions.md', (t) => `${t}\n## A heading added while serving\n\nText.\n`);
      } },
      { what: 'a Markdown annex, with a Windows-style name', files: ['annexes\\en\\04-glossary.md'], scoped: true, run: () => edit('annexes/en/04-glossary.md', (t) => `${t}\nOne more term.\n`) },
      { what: 'a data file (not scoped: full load)', files: ['data/services.yaml'], scoped: false, run: () => edit('data/services.yaml', (t) => t.replace(/last_verified: \S+/, 'last_verified: 2026-11-02')) },
      { what: 'a new section (not scoped)', files: ['sections/en/19-extra.md'], scoped: false, run: () => writeFile(file('sections/en/19-extra.md'), '---\ncomponent: annexes\ntitle: Extra\n---\nExtra text.\n') },
    ];
    for (const step of steps) {
      await step.run();
      const scoped = await reloadChanged(last, step.files);
      expect(scoped !== undefined, step.what).toBe(step.scoped);
      const next = await load(dir, step.files);
      const fresh = await loadSop(dir);
      expect(next.diagnostics, step.what).toEqual(fresh.diagnostics);
      expect(asData(next), step.what).toEqual(asData(fresh));
      if (step.scoped) {
        // Only the saved files were read again: the others are the objects of the last load.
        const saved = new Set(step.files.map((f) => f.replace(/\\/g, '/')));
        const kept = next.model.sections.filter((s) => !saved.has(s.file));
        expect(kept.every((s) => last.model.sections.includes(s)), step.what).toBe(true);
        expect(next.model.data).toBe(last.model.data);
      }
      expect(await siteOf(next.model), step.what).toEqual(await siteOf(fresh.model));
      last = next;
    }
    // The broken front-matter was reported at its file, line and column while it was there.
    await edit('sections/en/03-purpose-scope.md', (t) => t.replace(/^title: /m, 'title: [unclosed '));
    const broken = await load(dir, ['sections/en/03-purpose-scope.md']);
    expect(broken.diagnostics.find((d) => d.rule === 'yaml-syntax')).toMatchObject({ file: 'sections/en/03-purpose-scope.md', line: expect.any(Number), column: expect.any(Number) });
    expect(broken.diagnostics).toEqual((await loadSop(dir)).diagnostics);
  }, 120_000);

  it('falls back to a full load for a removed file, sop.yaml, or a name outside the language folders', async () => {
    await writeFile(file('sections/en/19-extra.md'), '---\ncomponent: annexes\ntitle: Extra\n---\nExtra text.\n');
    const before = await loadSop(dir);
    expect(await reloadChanged(before, ['sop.yaml'])).toBeUndefined();
    expect(await reloadChanged(before, ['sections/en'])).toBeUndefined();
    expect(await reloadChanged(before, ['sections/en/img.png'])).toBeUndefined();
    expect(await reloadChanged(before, ['sections/fr/01-x.md'])).toBeUndefined();
    // Loaded while the file was there, gone now.
    await rm(file('sections/en/19-extra.md'));
    expect(await reloadChanged(before, ['sections/en/19-extra.md'])).toBeUndefined();
  });
});
