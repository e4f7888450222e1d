import path from 'node:path';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { updatePreviews, type PreviewResult, type PreviewSession } from '../../src/build/preview.js';
import { buildPdfs, renderSopPdf } from '../../src/build/pdfs.js';
import { layoutSop } from '../../src/layout/index.js';
import { keepParsedTrees } from '../../src/document/index.js';
import { loadSop } from '../../src/model/index.js';
import { EXAMPLE, tempDir } from '../site/helpers.js';

/**
 * `serve`'s PDF preview keeps the SOP as last loaded and each component's pages, and lays
 * out again only what a save changed (src/layout/reuse.ts). Its PDFs must stay the bytes
 * a fresh layout (and `build`) gives for the same sources, after any series of saves.
 */

let dir: string;
const file = (rel: string) => path.join(dir, rel);
async function edit(rel: string, change: (text: string) => string): Promise<void> {
  await writeFile(file(rel), change(await readFile(file(rel), 'utf8')));
}

/** The SOP PDF of a fresh load and a fresh layout (no session, no reuse), with the layout's problems. */
async function fresh(lang: string): Promise<{ bytes: Uint8Array; diagnostics: unknown[] }> {
  const { model } = await loadSop(dir);
  const sop = await layoutSop(model, lang);
  return { bytes: await renderSopPdf(sop), diagnostics: sop.diagnostics };
}

beforeAll(async () => {
  keepParsedTrees();
  dir = await tempDir('sopkit-preview-reuse-');
  await cp(EXAMPLE, dir, { recursive: true, filter: (f) => !f.includes(`${path.sep}dist`) });
});

describe('the PDF preview re-lays only the changed components', () => {
  it('gives the bytes of a fresh layout after each save, reusing the components the save left alone', async () => {
    const session: PreviewSession = {};
    const langs = ['ar', 'en'];
    let known = new Map<string, string>();
    const update = async (): Promise<Map<string, PreviewResult>> => {
      const results = await updatePreviews(dir, langs, known, undefined, undefined, session);
      known = new Map(results.map((r) => [r.lang, r.key]));
      return new Map(results.map((r) => [r.lang, r]));
    };
    const first = await update();
    expect(first.get('en')!.how).toBe('laid out');
    expect(first.get('en')!.reused ?? 0).toBe(0);
    const long = Array.from({ length: 40 }, (_, i) => `A long paragraph number ${i + 1} added while serving, to push the next components to later pages and change the contents.`).join('\n\n');
    const steps: Array<{ what: string; run: () => Promise<void>; reuses: boolean }> = [
      { what: 'a sentence in one section', reuses: true, run: () => edit('sections/en/03-purpose-scope.md', (t) => `${t}\nA new sentence, with a footnote.[^new]\n\n[^new]: The footnote of the new sentence.\n`) },
      { what: 'two pages more in one component (every later page moves)', reuses: true, run: () => edit('sections/en/03-purpose-scope.md', (t) => `${t}\n${long}\n`) },
      { what: 'a link to a heading another component does not have yet', reuses: true, run: () => edit('sections/en/03-purpose-scope.md', (t) => `${t}\nSee [the new terms](05-definitions.md#terms-added-while-serving).\n`) },
      // Only 05 changes, but 03's link now resolves: 03 must not come back as it was.
      { what: 'the heading that link points to', reuses: true, run: () => edit('sections/en/05-definitions.md', (t) => `${t}\n## Terms added while serving\n\nText.\n`) },
      { what: 'a data file a flowchart draws (every component laid out again)', reuses: false, run: () => edit('data/eligibility.yaml', (t) => t.replace(/\n$/, '\n# a comment changes the bytes\n')) },
      { what: 'layout problems in one section (a character no font has, an unknown directive)', reuses: true, run: () => edit('sections/en/05-definitions.md', (t) => `${t}\nA snowman \u{2603}\u{1F600} here.\n\n::nosuchdirective\n`) },
      // 05 is kept now: its problems must still be reported, in their place.
      { what: 'another section edited after that', reuses: true, run: () => edit('sections/en/08-eligibility.md', (t) => `${t}\nOne more line.\n`) },
      { what: 'the long text removed again', reuses: true, run: () => edit('sections/en/03-purpose-scope.md', (t) => t.replace(`\n${long}\n`, '')) },
    ];
    for (const step of steps) {
      await step.run();
      const r = (await update()).get('en')!;
      expect(r.how, step.what).toBe('laid out');
      expect((r.reused ?? 0) > 0, step.what).toBe(step.reuses);
      const want = await fresh('en');
      expect(Buffer.from(r.bytes).equals(Buffer.from(want.bytes)), step.what).toBe(true);
      // The layout the preview made (cached per model) reported what a fresh one reports.
      expect((await layoutSop(session.loaded!.result.model, 'en')).diagnostics, step.what).toEqual(want.diagnostics);
    }
    // The Arabic PDF, whose files no step touched but the data file's, is kept as it is.
    expect((await update()).get('ar')!.how).toBe('kept');
    // And the served bytes are `build`'s.
    const served = await updatePreviews(dir, langs, new Map(), undefined, undefined, session);
    const out = await tempDir('sopkit-preview-reuse-build-');
    const { model } = await loadSop(dir);
    await buildPdfs(model, out);
    for (const r of served) {
      expect(Buffer.from(r.bytes).equals(await readFile(path.join(out, 'pdf', `sop-v${model.manifest.version}-${r.lang}.pdf`))), r.lang).toBe(true);
    }
  }, 300_000);
});
