import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SopkitError } from '../../src/diag/index.js';
import { loadSop } from '../../src/model/index.js';
import { applyRelease, planRelease, readReleasesState, runRelease } from '../../src/release/index.js';
import { baseFiles, manifest, synced, writeFixture } from '../check/fixture.js';
import { hashTree } from './tree.js';

async function refusal(p: Promise<unknown>): Promise<SopkitError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SopkitError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('planRelease (pure)', () => {
  it('plans the same bytes twice and freezes every source, profiles included', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const { model } = await loadSop(dir);
    const state = await readReleasesState(dir);
    const a = planRelease(model, state, { version: '1.0', date: '2026-11-25' });
    const b = planRelease(model, state, { version: '1.0', date: '2026-11-25' });
    expect(a.files.map((f) => f.sha256)).toEqual(b.files.map((f) => f.sha256));
    expect(a.files.map((f) => f.path)).toEqual([
      'data/eligibility.yaml',
      'profiles/mini.yaml',
      'sections/ar/01-eligibility.md',
      'sections/ar/02-case-management-process.md',
      'sections/en/01-eligibility.md',
      'sections/en/02-case-management-process.md',
      'sop.yaml',
      'release.json',
    ]);
    const json = new TextDecoder().decode(a.files.at(-1)!.bytes);
    expect(json).not.toContain(dir);
    expect(a.manifest.summary).toBe('first release: 4 section files in 2 languages, 1 data file');
    expect(a.manifest.endorsements.map((e) => e.status)).toEqual(['current', 'current']);
    // Planning wrote nothing.
    expect(await readdir(dir)).not.toContain('releases');
  });

  it('refuses a malformed version or date with exit 1', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const { model } = await loadSop(dir);
    const state = await readReleasesState(dir);
    expect(() => planRelease(model, state, { version: '1', date: '2026-11-25' })).toThrow(/not a release version/);
    expect(() => planRelease(model, state, { version: '1.0', date: '2026-02-30' })).toThrow(/not a date/);
  });

  it('logs a release that an interrupted run left out of the log', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    await runRelease({ dir, version: '1.0', date: '2026-11-25' });
    await writeFile(path.join(dir, 'releases/log.yaml'), '# our notes\nreleases: []\n');
    const { model } = await loadSop(dir);
    const plan = planRelease(model, await readReleasesState(dir), { version: '1.1', date: '2026-11-26' });
    expect(plan.log.added).toEqual(['1.0', '1.1']);
    expect(plan.log.text.startsWith('# our notes\n')).toBe(true);
  });
});

describe('runRelease / applyRelease', () => {
  it('is blocked by check errors (strict: a stale translation) and writes nothing', async () => {
    const files = synced(baseFiles());
    files['sections/ar/01-eligibility.md'] = (files['sections/ar/01-eligibility.md'] as string).replace('خطر جسيم', 'خطر جسيم جدًا');
    const dir = await writeFixture(files);
    const before = await hashTree(dir);
    const err = await refusal(runRelease({ dir, version: '1.0', date: '2026-11-25' }));
    expect(err.exitCode).toBe(1);
    expect(err.diagnostics[0]).toMatchObject({ rule: 'release-blocked' });
    expect(err.diagnostics.slice(1).map((d) => d.rule)).toContain('translation-stale');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('is not blocked by missing signatures (R6): they are warnings and go into the log', async () => {
    const agencies = `  - id: dsd
    name: { en: DSD }
    endorsement: null
  - id: unicef
    name: { en: UNICEF }
    endorsement: { version: "0.9", date: 2026-01-01 }`;
    const dir = await writeFixture({ ...synced(baseFiles()), 'sop.yaml': manifest({ status: 'final', agencies }) });
    const r = await runRelease({ dir, version: '1.0', date: '2026-11-25' });
    expect(r.applied?.target).toBe('releases/1.0');
    expect(r.warnings.filter((d) => d.rule === 'endorsement-pending')).toHaveLength(2);
    const log = await readFile(path.join(dir, 'releases/log.yaml'), 'utf8');
    expect(log).toContain('older:\n        - agency: unicef\n          version: "0.9"');
    expect(log).toContain('none:\n        - dsd');
  });

  it('refuses at apply time when the version appeared after planning, and cleans its staging folder', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const { model } = await loadSop(dir);
    const plan = planRelease(model, await readReleasesState(dir), { version: '1.0', date: '2026-11-25' });
    await mkdir(path.join(dir, 'releases/1.0'), { recursive: true });
    const err = await refusal(applyRelease(plan));
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('already exists');
    expect(await readdir(path.join(dir, 'releases'))).toEqual(['1.0']);
    expect(await readdir(path.join(dir, 'releases/1.0'))).toEqual([]);
  });

  it('refuses to treat a frozen release folder as the SOP', async () => {
    const { recordReview } = await import('../../src/release/index.js');
    const { runDiff } = await import('../../src/diff/index.js');
    const dir = await writeFixture(synced(baseFiles()));
    await runRelease({ dir, version: '1.0', date: '2026-11-25' });
    const frozen = path.join(dir, 'releases/1.0');
    const before = await hashTree(frozen);
    for (const attempt of [
      runRelease({ dir: frozen, version: '1.1', date: '2026-11-26' }),
      recordReview(frozen, { date: '2026-11-26', objectivesMet: true, contextChanged: false, impractical: false }),
      runDiff({ dir: frozen, from: 'draft', to: 'draft' }),
    ]) {
      expect((await refusal(attempt)).diagnostic.rule).toBe('release-frozen-folder');
    }
    expect(await hashTree(frozen)).toEqual(before);
  });

  it('warns when a frozen release was edited afterwards', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    await runRelease({ dir, version: '1.0', date: '2026-11-25' });
    const frozen = path.join(dir, 'releases/1.0/data/eligibility.yaml');
    await writeFile(frozen, `${await readFile(frozen, 'utf8')}# edited\n`);
    const r = await runRelease({ dir, version: '1.1', date: '2026-11-26', dryRun: true });
    expect(r.warnings.map((d) => [d.rule, d.message])).toContainEqual(['release-tampered', 'releases/1.0/data/eligibility.yaml was changed after release 1.0 was frozen']);
  });
});
