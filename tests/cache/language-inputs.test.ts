import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { languageFingerprint, sourceFiles } from '../../src/cache/index.js';

/** What `serve` keys each language's PDF preview on: a save in another language's Markdown leaves it. */
describe('languageFingerprint', () => {
  test('changes with the language\'s own Markdown and shared files, not with another language\'s Markdown', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sopkit-lang-inputs-'));
    const put = async (rel: string, text: string) => {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    };
    await put('sop.yaml', 'version: 1\n');
    await put('sections/en/01-a.md', 'en\n');
    await put('sections/ar/01-a.md', 'ar\n');
    await put('annexes/ar/01-b.md', 'ar annex\n');
    await put('data/services.yaml', 'a: 1\n');
    const keys = async () => {
      const files = await sourceFiles(root);
      return { en: languageFingerprint(root, files, 'en', ['ar', 'en']), ar: languageFingerprint(root, files, 'ar', ['ar', 'en']) };
    };
    const k0 = await keys();
    expect(k0.en).not.toBe(k0.ar);
    await put('sections/ar/01-a.md', 'ar, edited\n');
    const k1 = await keys();
    expect(k1.en).toBe(k0.en);
    expect(k1.ar).not.toBe(k0.ar);
    await put('annexes/ar/01-b.md', 'ar annex, edited\n');
    const k2 = await keys();
    expect(k2.en).toBe(k0.en);
    expect(k2.ar).not.toBe(k1.ar);
    await put('sections/en/01-a.md', 'en, edited\n');
    const k3 = await keys();
    expect(k3.en).not.toBe(k0.en);
    expect(k3.ar).toBe(k2.ar);
    await put('data/services.yaml', 'a: 2\n');
    const k4 = await keys();
    expect(k4.en).not.toBe(k3.en);
    expect(k4.ar).not.toBe(k3.ar);
    // Another language's annex added: its name counts (annexes without `annex:` are numbered
    // by their place among all annexes), its bytes do not.
    await put('annexes/ar/02-c.md', 'ar annex 2\n');
    const k4b = await keys();
    expect(k4b.en).not.toBe(k4.en);
    await put('annexes/ar/02-c.md', 'ar annex 2, edited\n');
    expect((await keys()).en).toBe(k4b.en);
    // A language not listed is not skipped: `sections/fr/` is read by both.
    await put('sections/fr/01-a.md', 'fr\n');
    const k5 = await keys();
    expect(k5.en).not.toBe(k4b.en);
    expect(k5.ar).not.toBe(k4b.ar);
  });
});
