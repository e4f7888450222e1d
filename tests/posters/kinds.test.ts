/**
 * A profile's `posters:` list maps generic poster kinds to data files of any name: a
 * profile in the SOP folder that draws the decision flow from data/intake.yaml prints
 * that poster, byte for byte the one the example prints from data/eligibility.yaml,
 * with no code change; the renamed file is checked against the kind's schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { composePosters } from '../../src/posters/build.js';
import { renderScene } from '../../src/posters/render.js';
import { copyExample, editYaml, removeCopies } from './fixture.js';
import { missingTool } from '../helpers/tools.js';

afterAll(removeCopies);

const SHIPPED = fileURLToPath(new URL('../../templates/profiles/cpcm-interagency.yaml', import.meta.url));

/** A copy of the example whose own profile (profiles/cpcm-interagency.yaml) prints only `posters`. */
async function withPosters(posters: string, edit?: (dir: string) => Promise<void>): Promise<string> {
  return copyExample(async (dir) => {
    const text = await readFile(SHIPPED, 'utf8');
    // Replace the shipped list (from `posters:` up to the next top-level key) with this one.
    const replaced = text.replace(/^posters:\n(?: {2}.*\n)+/m, `posters:\n${posters}`);
    expect(replaced).not.toBe(text);
    await mkdir(path.join(dir, 'profiles'));
    await writeFile(path.join(dir, 'profiles', 'cpcm-interagency.yaml'), replaced);
    await edit?.(dir);
  });
}

const META = { title: 't', lang: 'en', date: '2026-01-01', version: '1', subject: 's' };

describe('profile posters: a kind drawn from a differently named data file', () => {
  it('prints the decision flow from data/intake.yaml, the same bytes as from data/eligibility.yaml', async () => {
    const renamed = await withPosters('  - { kind: decision-flow, data: intake, title: Eligibility }\n', (dir) =>
      rename(path.join(dir, 'data', 'eligibility.yaml'), path.join(dir, 'data', 'intake.yaml')));
    const reference = await withPosters('  - { kind: decision-flow, data: eligibility, title: Eligibility }\n');
    const loaded = await loadSop(renamed);
    expect(loaded.diagnostics.filter((d) => d.file === 'data/intake.yaml')).toEqual([]);
    const got = (await composePosters(loaded.model)).scenes;
    const want = (await composePosters((await loadSop(reference)).model)).scenes;
    const posters = got.map((s) => s.file).filter((f) => !f.startsWith('pocket-guide-'));
    // Only the listed poster, in every size and language variant, named after its data file.
    expect(posters).toEqual(['intake-a3-ar.pdf', 'intake-a2-ar.pdf', 'intake-a3-en.pdf', 'intake-a2-en.pdf', 'intake-a2-bilingual.pdf']);
    for (const v of ['a3-en', 'a2-bilingual', 'a3-ar']) {
      const a = Buffer.from(await renderScene(got.find((s) => s.file === `intake-${v}.pdf`)!.scene, META));
      const b = Buffer.from(await renderScene(want.find((s) => s.file === `eligibility-${v}.pdf`)!.scene, META));
      expect(a.equals(b), v).toBe(true);
    }
  });

  it("checks the mapped data file against the kind's schema, at its own file and line", async () => {
    const dir = await withPosters('  - { kind: decision-flow, data: intake }\n', async (d) => {
      await rename(path.join(d, 'data', 'eligibility.yaml'), path.join(d, 'data', 'intake.yaml'));
      await editYaml(d, 'data/intake.yaml', (v) => { delete v.flow; });
    });
    const { diagnostics } = await loadSop(dir);
    const mine = diagnostics.filter((d) => d.file === 'data/intake.yaml');
    expect(mine.some((d) => d.severity === 'error' && /flow/.test(d.message))).toBe(true);
    expect(mine.some((d) => d.rule === 'data-unknown')).toBe(false);
  });

  it('an unmapped file of another name stays unknown data and prints nothing', async () => {
    const dir = await withPosters('  - { kind: steps, data: case-steps }\n', (d) =>
      rename(path.join(d, 'data', 'eligibility.yaml'), path.join(d, 'data', 'intake.yaml')));
    const { model, diagnostics } = await loadSop(dir);
    expect(diagnostics.some((d) => d.file === 'data/intake.yaml' && d.rule === 'data-unknown')).toBe(true);
    const files = (await composePosters(model)).scenes.map((s) => s.file).filter((f) => !f.startsWith('pocket-guide-'));
    expect(files.every((f) => f.startsWith('case-steps-'))).toBe(true);
    expect(files.length).toBe(5);
  });
});

/** A copy of the example whose own CPCM profile has `edit` applied to its text. */
async function withProfile(edit: (text: string) => string, more?: (dir: string) => Promise<void>): Promise<string> {
  return copyExample(async (dir) => {
    const text = await readFile(SHIPPED, 'utf8');
    const changed = edit(text);
    expect(changed).not.toBe(text);
    await mkdir(path.join(dir, 'profiles'));
    await writeFile(path.join(dir, 'profiles', 'cpcm-interagency.yaml'), changed);
    await more?.(dir);
  });
}

const pocket = (list: string) => (text: string) => text.replace(/^pocket_guide: .*$/m, `pocket_guide: ${list}`);

describe('data schemas named by kind', () => {
  it('a file named by an older CPCM name still picks its kind’s schema through the alias (no posters: list)', async () => {
    const dir = await withProfile((t) => t.replace(/^posters:\n(?: {2}.*\n)+/m, ''), (d) => editYaml(d, 'data/eligibility.yaml', (v) => { delete v.flow; }));
    const { model, diagnostics } = await loadSop(dir);
    expect(model.profile.posters).toBeUndefined();
    const mine = diagnostics.filter((d) => d.file === 'data/eligibility.yaml');
    expect(mine.some((d) => d.severity === 'error' && /flow/.test(d.message) && d.line !== undefined)).toBe(true);
    expect(mine.some((d) => d.rule === 'data-unknown')).toBe(false);
  });

  it('a file named by its kind is checked against that kind’s schema', async () => {
    const dir = await withProfile((t) => t.replace(/^posters:\n(?: {2}.*\n)+/m, ''), async (d) => {
      await rename(path.join(d, 'data', 'case-steps.yaml'), path.join(d, 'data', 'steps.yaml'));
      await editYaml(d, 'data/steps.yaml', (v) => { v.steps[0].colour = 'red'; });
    });
    const mine = (await loadSop(dir)).diagnostics.filter((d) => d.file === 'data/steps.yaml');
    expect(mine.some((d) => d.severity === 'error' && /colour/.test(d.message))).toBe(true);
  });
});

describe('the pocket guide chosen by the profile', () => {
  const cover = async (dir: string, lang = 'en') => {
    const { scenes } = await composePosters((await loadSop(dir)).model);
    return scenes.find((s) => s.file === `pocket-guide-a4-${lang}.pdf`);
  };
  /** The text of a booklet's scene, read back from its PDF. */
  const textOf = async (dir: string, scene: NonNullable<Awaited<ReturnType<typeof cover>>>) => {
    const file = path.join(dir, 'guide.pdf');
    await writeFile(file, await renderScene(scene.scene, META));
    return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  };

  it.skipIf(missingTool('pdftotext'))('gathers the entries `pocket_guide:` names, in its order', async () => {
    const dir = await withProfile(pocket('[case-steps, urgent-action]'));
    const text = await textOf(dir, (await cover(dir))!);
    const at = (s: string) => text.indexOf(s);
    // The case-steps part comes first, the urgent card second; eligibility is left out.
    expect(at('Child protection case management steps')).toBeGreaterThanOrEqual(0);
    expect(at('Act now if')).toBeGreaterThan(at('Child protection case management steps'));
    expect(text).not.toContain('Eligibility');
  });

  it('prints none when the list is empty, and names a poster it cannot gather', async () => {
    expect(await cover(await withProfile(pocket('[]')))).toBeUndefined();
    const dir = await withProfile(pocket('[eligibility, nowhere]'));
    const { diagnostics } = await composePosters((await loadSop(dir)).model);
    const d = diagnostics.find((x) => /pocket guide/.test(x.message));
    expect(d).toMatchObject({ severity: 'error', file: 'profiles/cpcm-interagency.yaml' });
    expect(d!.message).toMatch(/"nowhere"/);
  });
});
