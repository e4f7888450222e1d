import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedUnits, runDiff, unitId } from '../../src/diff/index.js';
import type { ReleaseManifest } from '../../src/release/index.js';
import { builtCli, sopkit } from './cli.js';
import { copyExample, hashTree, removeTempDirs } from './tree.js';

let main: string;
beforeAll(async () => {
  main = await builtCli();
});
afterAll(removeTempDirs);

const EN_ADDED = 'Eligibility is reviewed again whenever the child moves to another camp.';
const AR_ADDED = 'تُراجع الأولويات كلما انتقل الطفل إلى مخيم آخر.';
// The translator's English for AR_ADDED: a source edit makes the translation stale, and a
// strict check (release) refuses stale translations until they are updated and synced.
const EN_PRIORITY_ADDED = 'Priorities are reviewed again whenever the child moves to another camp.';
const ADDED: Record<string, string> = { 'ar/prioritisation': AR_ADDED, 'en/eligibility': EN_ADDED, 'en/prioritisation': EN_PRIORITY_ADDED };

/**
 * The edits between 1.0 and 1.1: two sections (one per language) and one data item, plus
 * the translator's update of the Arabic section's English translation (synced).
 */
async function editForNextVersion(dir: string): Promise<number> {
  const en = path.join(dir, 'sections/en/08-eligibility.md');
  await writeFile(en, `${(await readFile(en, 'utf8')).trimEnd()}\n\n${EN_ADDED}\n`);
  const ar = path.join(dir, 'sections/ar/09-prioritisation.md');
  await writeFile(ar, `${(await readFile(ar, 'utf8')).trimEnd()}\n\n${AR_ADDED}\n`);
  const enP = path.join(dir, 'sections/en/09-prioritisation.md');
  await writeFile(enP, `${(await readFile(enP, 'utf8')).trimEnd()}\n\n${EN_PRIORITY_ADDED}\n`);
  const synced = await sopkit(main, ['i18n', 'sync', enP, dir]);
  if (synced.code !== 0) throw new Error(`i18n sync failed: ${synced.stdout}${synced.stderr}`);
  const file = path.join(dir, 'data/prioritisation.yaml');
  const doc = parseDocument(await readFile(file, 'utf8'));
  const levels = doc.get('levels') as { items: { get(k: string): unknown; setIn(p: string[], v: unknown): void; getIn(p: string[]): unknown }[] };
  const medium = levels.items.find((l) => l.get('id') === 'medium')!;
  const hours = Number(medium.getIn(['response_time', 'hours']));
  medium.setIn(['response_time', 'hours'], hours - 24);
  await writeFile(file, doc.toString({ lineWidth: 0 }));
  return hours;
}

async function readManifest(dir: string, v: string): Promise<ReleaseManifest> {
  return JSON.parse(await readFile(path.join(dir, 'releases', v, 'release.json'), 'utf8')) as ReleaseManifest;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

describe.sequential('release 1.0, edit, release 1.1, diff (the example SOP)', () => {
  let dir: string;
  let frozen10: Record<string, string>;
  let hoursBefore: number;

  it('releases 1.0 with a manifest of hashes that matches the frozen files', async () => {
    dir = await copyExample();
    const r = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--no-build', '--dir', dir]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Released version 1.0');
    const m = await readManifest(dir, '1.0');
    expect(m.previous).toBeNull();
    frozen10 = await hashTree(path.join(dir, 'releases/1.0'));
    const { 'release.json': _json, ...files } = frozen10;
    expect(Object.fromEntries(m.files.map((f) => [f.path, f.sha256]))).toEqual(files);
    // Every source is frozen: the draft's files are exactly the release's, sop.yaml aside.
    const draft = await hashTree(dir);
    for (const f of m.files.filter((x) => x.path !== 'sop.yaml')) expect(draft[f.path]).toBe(f.sha256);
    expect(m.files.some((f) => f.path.endsWith('.pdf'))).toBe(true);
    // The frozen sop.yaml differs from the draft in version and date only (comments kept).
    const a = (await readFile(path.join(dir, 'sop.yaml'), 'utf8')).split('\n');
    const b = (await readFile(path.join(dir, 'releases/1.0/sop.yaml'), 'utf8')).split('\n');
    expect(b.length).toBe(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual(['version: "1.0"', 'date: 2026-11-25']);
    const log = parseDocument(await readFile(path.join(dir, 'releases/log.yaml'), 'utf8')).toJS();
    expect(log.releases.map((e: { version: string }) => e.version)).toEqual(['1.0']);
  });

  it('releases 1.1 after two section edits and one data edit; 1.0 stays byte-identical', async () => {
    hoursBefore = await editForNextVersion(dir);
    const r = await sopkit(main, ['release', '1.1', '--date', '2026-11-26', '--no-build', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(await hashTree(path.join(dir, 'releases/1.0'))).toEqual(frozen10);
    expect(r.stdout).toContain('not built (--no-build)');
    // The release writes its redline and changelog against the previous release.
    expect(r.stdout).toContain('redline 1.0 → 1.1: ');
    expect(await exists(path.join(dir, 'dist/report/diff-1.0-1.1.html'))).toBe(true);
    expect(await exists(path.join(dir, 'dist/report/changelog-1.1.md'))).toBe(true);
    const m = await readManifest(dir, '1.1');
    expect(m.previous).toBe('1.0');
    const changed = Object.fromEntries(Object.entries(m.changes.components).map(([lang, l]) => [lang, l]));
    expect(changed).toEqual({
      ar: { added: [], removed: [], changed: ['prioritisation'], renamed: [], moved: [] },
      en: { added: [], removed: [], changed: ['eligibility', 'prioritisation'], renamed: [], moved: [] },
    });
    expect(m.changes.annexes).toEqual({});
    expect(m.changes.data).toEqual({ added: [], removed: [], changed: [{ file: 'prioritisation', items: ['levels[medium]'] }] });
    expect(m.changes.manifest).toEqual([]);
    expect(m.changes.files).toEqual({ added: [], removed: [], changed: ['data/prioritisation.yaml', 'sections/ar/09-prioritisation.md', 'sections/en/08-eligibility.md', 'sections/en/09-prioritisation.md', 'sop.yaml'] });
    const log = parseDocument(await readFile(path.join(dir, 'releases/log.yaml'), 'utf8')).toJS();
    expect(log.releases.map((e: { version: string; previous: string | null }) => [e.version, e.previous])).toEqual([
      ['1.0', null],
      ['1.1', '1.0'],
    ]);
    expect(log.releases[1].summary).toBe(m.summary);
  });

  it('diff 1.0 → 1.1 shows exactly those edits and nothing else', async () => {
    const out = path.join(dir, 'report');
    const r = await sopkit(main, ['diff', '1.0', '1.1', '--dir', dir, '--out', out]);
    expect(r.code).toBe(0);
    const { comparison: c } = await runDiff({ dir, from: '1.0', to: '1.1', out });
    expect(changedUnits(c).map((u) => [u.lang, u.kind, unitId(u), u.status])).toEqual([
      ['ar', 'section', 'prioritisation', 'changed'],
      ['en', 'section', 'eligibility', 'changed'],
      ['en', 'section', 'prioritisation', 'changed'],
    ]);
    for (const u of changedUnits(c)) {
      const inserted = u.body.filter((x) => x.op === 'insert').map((x) => x.text.trim());
      expect(inserted).toEqual([ADDED[`${u.lang}/${unitId(u)}`]]);
      expect(u.body.some((x) => x.op === 'delete')).toBe(false);
    }
    expect(c.data.map((d) => [d.name, d.items.map((i) => [i.item, i.fields.map((f) => [f.field, f.before, f.after])])])).toEqual([
      ['prioritisation', [['levels[medium]', [['response_time.hours', hoursBefore, hoursBefore - 24]]]]],
    ]);
    expect(c.manifest).toEqual([]);
    expect(c.pdfAnnexes).toEqual([]);
    expect(c.otherFiles).toEqual([]);
    expect(c.formatOnly).toEqual([]);

    const html = await readFile(path.join(out, 'diff-1.0-1.1.html'), 'utf8');
    expect(html).toContain('<section class="lang" lang="ar" dir="rtl">');
    expect(html).toContain('<section class="lang" lang="en" dir="ltr">');
    expect(html).toContain(`<ins>${AR_ADDED}</ins>`);
    expect(html).toContain(`<ins>${EN_ADDED}</ins>`);
    expect(html).toMatch(/ins \{[^}]*text-decoration: underline/);
    expect(html).toMatch(/del \{[^}]*text-decoration: line-through/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).not.toContain(dir);
    const changelog = await readFile(path.join(out, 'changelog-1.1.md'), 'utf8');
    expect(changelog).toContain('(`prioritisation`): changed (+');
    expect(changelog).toContain('(`eligibility`): changed (+');
    expect(changelog).toContain(`levels › “medium”: response time › hours changed from ${hoursBefore} to ${hoursBefore - 24}`);
    // Same input, same bytes.
    await sopkit(main, ['diff', '1.0', '1.1', '--dir', dir, '--out', out]);
    expect(await readFile(path.join(out, 'diff-1.0-1.1.html'), 'utf8')).toBe(html);
  });

  it('diff 1.1 → draft right after the release finds nothing', async () => {
    const { comparison: c } = await runDiff({ dir, from: '1.1', to: 'draft', out: path.join(dir, 'report') });
    expect(changedUnits(c)).toEqual([]);
    expect([c.data, c.manifest, c.pdfAnnexes, c.otherFiles, c.formatOnly]).toEqual([[], [], [], [], []]);
  });

  it('refuses a second release 1.1 with a clear message and changes no file', async () => {
    const before = await hashTree(dir);
    const r = await sopkit(main, ['release', '1.1', '--date', '2026-11-27', '--no-build', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('release 1.1 already exists in releases/1.1/ and a released version is never rewritten');
    expect(r.stderr).toContain('sopkit release 1.2');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('refuses a version that is not greater than the latest release', async () => {
    const before = await hashTree(dir);
    const r = await sopkit(main, ['release', '1.0.5', '--dir', dir]);
    expect(r.code).toBe(2);
    const s = await sopkit(main, ['release', '0.9', '--date', '2026-11-27', '--no-build', '--dir', dir]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('version 0.9 is not greater than the latest release 1.1');
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe('the strict check before a release', () => {
  it('counts body pages: over the hard page limit blocks the release and nothing is written', async () => {
    const dir = await copyExample();
    const sop = path.join(dir, 'sop.yaml');
    await writeFile(sop, `${await readFile(sop, 'utf8')}page_limits: { soft: 1, hard: 2 }\n`);
    const before = await hashTree(dir);
    const r = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('release 1.0 is blocked by');
    expect(r.stderr).toMatch(/over the hard limit of 2 .*\[page-budget\]/);
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('prints the plan and writes nothing', async () => {
    const dir = await copyExample();
    const before = await hashTree(dir);
    const r = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would write releases/1.0/');
    expect(r.stdout).toMatch(/^ {4}sections\/ar\/08-eligibility\.md /m);
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(await hashTree(dir)).toEqual(before);
    expect(await exists(path.join(dir, 'releases'))).toBe(false);
  });
});

describe('an interrupted release', () => {
  it('leaves no partial releases/1.1/, and a re-run succeeds and removes the stale staging folder', async () => {
    const dir = await copyExample();
    expect((await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--no-build', '--dir', dir])).code).toBe(0);
    await editForNextVersion(dir);
    const log = await readFile(path.join(dir, 'releases/log.yaml'), 'utf8');
    const crashed = await sopkit(main, ['release', '1.1', '--date', '2026-11-26', '--no-build', '--dir', dir], { env: { SOPKIT_TEST_CRASH_AFTER_FILES: '3' } });
    expect(crashed.signal).toBe('SIGKILL');
    expect(await exists(path.join(dir, 'releases/1.1'))).toBe(false);
    const left = (await readdir(path.join(dir, 'releases'))).filter((n) => n.startsWith('.1.1.staging-'));
    expect(left).toHaveLength(1);
    expect(Object.keys(await hashTree(path.join(dir, 'releases', left[0]!)))).toHaveLength(3);
    expect(await readFile(path.join(dir, 'releases/log.yaml'), 'utf8')).toBe(log);

    const again = await sopkit(main, ['release', '1.1', '--date', '2026-11-26', '--no-build', '--dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`removed releases/${left[0]}/`);
    expect((await readdir(path.join(dir, 'releases'))).sort()).toEqual(['1.0', '1.1', 'log.yaml']);
    const m = await readManifest(dir, '1.1');
    const { 'release.json': _json, ...files } = await hashTree(path.join(dir, 'releases/1.1'));
    expect(Object.fromEntries(m.files.map((f) => [f.path, f.sha256]))).toEqual(files);
  });
});
