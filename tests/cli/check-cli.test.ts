import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { baseFiles, synced, writeFixture } from '../check/fixture.js';
import { ensureBuilt, snapshot, sopkit, STACK } from './cli.js';

// Each test starts several node processes; on a loaded 2-core machine that can take a while.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

/** A fresh emergency-context SOP made by `sopkit init`, inside a temp "repository" folder. */
async function initSop(): Promise<{ repo: string; dir: string }> {
  const repo = await writeFixture({});
  const r = sopkit(['init', 'my-sop', '--context', 'emergency', '--date', '2026-11-20'], repo);
  expect(r.code, r.stderr).toBe(0);
  return { repo, dir: path.join(repo, 'my-sop') };
}

describe('sopkit init + check', () => {
  it('a fresh init reports only the placeholders still to be written', async () => {
    const { repo } = await initSop();
    const r = sopkit(['check', 'my-sop', '--today', '2026-11-25', '--format', 'json'], repo);
    const report = JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string }[]; summary: { errors: number } };
    expect([...new Set(report.diagnostics.map((d) => d.rule))]).toEqual(['component-placeholder']);
    // the required components (3, 7-12) in both languages are errors: exit 1
    expect(report.summary.errors).toBe(14);
    expect(r.code).toBe(1);
  });

  it('init fills an existing empty folder', async () => {
    const repo = await writeFixture({});
    await mkdir(path.join(repo, 'empty'));
    expect(sopkit(['init', 'empty', '--languages', 'en', '--date', '2026-11-20'], repo).code).toBe(0);
    expect(snapshot(repo).some((f) => f.startsWith('empty/sections/en/08-eligibility.md '))).toBe(true);
    expect(snapshot(repo).filter((f) => /staging|\.old-/.test(f))).toEqual([]);
  });

  it('init refuses a non-empty folder and writes nothing', async () => {
    const repo = await writeFixture({ 'my-sop/notes.txt': 'mine' });
    const before = snapshot(repo);
    const r = sopkit(['init', 'my-sop'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the folder "my-sop" is not empty; sopkit init never overwrites files/);
    expect(snapshot(repo)).toEqual(before);
  });

  it('init rejects bad languages and dates with exit 2 and writes nothing', async () => {
    const repo = await writeFixture({});
    expect(sopkit(['init', 'x', '--languages', 'arabic,en'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/"arabic" is not one/) });
    expect(sopkit(['init', 'x', '--languages', 'ar,ar'], repo).code).toBe(2);
    expect(sopkit(['init', 'x', '--date', '25/11/2026'], repo).code).toBe(2);
    expect(sopkit(['init', 'x', '--context', 'war'], repo).code).toBe(2);
    expect(snapshot(repo)).toEqual([]);
  });

  it('every YAML file of a new SOP points at the copied schemas', async () => {
    const { dir } = await initSop();
    for (const f of ['sop.yaml', 'data/eligibility.yaml', 'data/services.yaml']) {
      const first = (await readFile(path.join(dir, f), 'utf8')).split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(schema, f).toBeDefined();
      await expect(readFile(path.resolve(path.dirname(path.join(dir, f)), schema!), 'utf8')).resolves.toContain('"$schema"');
    }
  });

  it('deleting the eligibility section fails naming component 8, with a GitHub annotation', async () => {
    const { repo, dir } = await initSop();
    await rm(path.join(dir, 'sections/ar/08-eligibility.md'));
    const pretty = sopkit(['check', 'my-sop', '--today', '2026-11-25'], repo);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/my-sop\/sop\.yaml:\d+:\d+ {2}error {2}component 8 \(CPCM eligibility criteria and flowchart\) is missing in ar/);
    const gh = sopkit(['check', 'my-sop', '--today', '2026-11-25', '--format', 'github'], repo);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=my-sop\/sop\.yaml,line=\d+,col=\d+,title=component-missing::component 8 \(CPCM eligibility criteria and flowchart\) is missing in ar%0ACreate sections\/ar\/08-eligibility\.md/m);
    // run from inside the SOP folder of a git repository: annotations still use repository paths
    await mkdir(path.join(repo, '.git'));
    const inside = sopkit(['check', '.', '--today', '2026-11-25', '--format', 'github'], dir);
    expect(inside.stdout).toMatch(/^::error file=my-sop\/sop\.yaml,line=\d+,col=\d+,title=component-missing::/m);
    expect(sopkit(['check', '.', '--today', '2026-11-25'], dir).stdout).toMatch(/^sop\.yaml:\d+:\d+ {2}error {2}component 8/m);
    // the en translation now has no source: reported too
    expect(gh.stdout).toMatch(/::error file=my-sop\/sections\/en\/08-eligibility\.md,line=1,col=1,title=translation-missing::/);
  });

  it('a misspelt component id gets a "did you mean" at the component key', async () => {
    const { repo, dir } = await initSop();
    const f = path.join(dir, 'sections/en/09-prioritisation.md');
    await writeFile(f, (await readFile(f, 'utf8')).replace('component: prioritisation', 'component: prioritization'));
    const r = sopkit(['check', 'my-sop', '--today', '2026-11-25'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('my-sop/sections/en/09-prioritisation.md:3:1  error  unknown component "prioritization" in sections/en/09-prioritisation.md — did you mean "prioritisation"?');
  });

  it('a broken front-matter gives file:line and no stack trace', async () => {
    const { repo, dir } = await initSop();
    await writeFile(path.join(dir, 'sections/en/03-purpose-scope.md'), '---\ncomponent: purpose-scope\ntitle: [unclosed\n---\n\nText.\n');
    const r = sopkit(['check', 'my-sop', '--today', '2026-11-25'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/my-sop\/sections\/en\/03-purpose-scope\.md:\d+:\d+ {2}error {2}the YAML is not valid here/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('--owners prints sections per owner with their status', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const r = sopkit(['check', dir, '--today', '2026-11-25', '--owners'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^owner +agency +section +component +status$/);
    expect(lines[2]).toMatch(/^dsd +Directorate of Social Development +sections\/ar\/01-eligibility\.md +1 eligibility +ok$/);
    expect(lines.at(-1)).toMatch(/^\(none\) +sections\/en\/02-case-management-process\.md +2 case-management-process +ok$/);
  });
});

describe('exit codes and output', () => {
  it('exit 0 on a clean SOP; 1 when warnings pass --max-warnings', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    expect(sopkit(['check', '.', '--today', '2026-11-25'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/no problems found/) });
    const unsynced = await writeFixture(baseFiles());
    expect(sopkit(['check', '.', '--today', '2026-11-25'], unsynced).code).toBe(0);
    const r = sopkit(['check', '.', '--today', '2026-11-25', '--max-warnings', '1'], unsynced);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 warnings, more than --max-warnings 1/);
  });

  it('--strict turns a stale translation into an error', async () => {
    const files = synced(baseFiles());
    files['sections/ar/01-eligibility.md'] = `${files['sections/ar/01-eligibility.md'] as string}\nفقرة جديدة.\n`;
    const dir = await writeFixture(files);
    expect(sopkit(['check', '.', '--today', '2026-11-25'], dir).code).toBe(0);
    expect(sopkit(['check', '.', '--today', '2026-11-25', '--strict'], dir).code).toBe(1);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    const r = sopkit(['check', '.', '--today', '2026-11-25', '--format', 'json', '--output', 'out/check.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(await readFile(path.join(dir, 'out/check.json'), 'utf8'));
    expect(report).toEqual({ version: 1, sop: { title: 'إجراءات العمل الموحدة', version: '1.0' }, summary: { errors: 0, warnings: 0 }, diagnostics: [] });
  });

  it('bad usage exits 2', async () => {
    const dir = await writeFixture(synced(baseFiles()));
    expect(sopkit(['check', '.', '--format', 'xml'], dir).code).toBe(2);
    expect(sopkit(['check', '.', '--today', 'tomorrow'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--today must be a date like 2026-11-25, not "tomorrow"/) });
    expect(sopkit(['check', '.', '--today', '2026-02-30'], dir).code).toBe(2);
    expect(sopkit(['check', '.', '--max-warnings', 'many'], dir).code).toBe(2);
  });

  it('junit has one test case per rule, failing ones for errors', async () => {
    const files = synced(baseFiles());
    files['sections/ar/01-eligibility.md'] = (files['sections/ar/01-eligibility.md'] as string).replace('owner: dsd', 'owner: dssd');
    const dir = await writeFixture(files);
    const r = sopkit(['check', '.', '--today', '2026-11-25', '--format', 'junit'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(r.stdout).toMatch(/<testcase classname="sopkit.check" name="owner-unknown">\n\s+<failure message="1 error: owner &quot;dssd&quot;/);
    expect(r.stdout).toMatch(/<testcase classname="sopkit.check" name="review-overdue"><\/testcase>/);
    const count = (r.stdout.match(/<testcase /g) ?? []).length;
    expect(r.stdout).toContain(`tests="${count}" failures="1"`);
  });
});

describe('unusable input: one clear message with file:line:column, no stack trace, nothing written', () => {
  const cases: { name: string; files: Record<string, string | Uint8Array>; arg?: string; code: number; out: RegExp }[] = [
    { name: 'malformed YAML in sop.yaml', files: { ...synced(baseFiles()), 'sop.yaml': 'title:\n  en: x\n version: "1.0"\n' }, code: 2, out: /sop\.yaml:\d+:\d+ {2}error {2}the YAML is not valid here/ },
    { name: 'a missing sop.yaml', files: { 'sections/en/a.md': '# x\n' }, code: 2, out: /error {2}there is no sop\.yaml in "\."/ },
    { name: 'an empty folder', files: {}, code: 2, out: /there is no sop\.yaml in "\."/ },
    { name: 'a folder that does not exist', files: {}, arg: 'nowhere', code: 2, out: /the folder "nowhere" does not exist or is not a folder/ },
    { name: 'a file instead of a folder', files: { 'file.txt': 'x' }, arg: 'file.txt', code: 2, out: /the folder "file\.txt" does not exist or is not a folder/ },
    {
      name: 'a non-UTF-8 section file',
      files: { ...synced(baseFiles()), 'sections/en/01-eligibility.md': Buffer.concat([Buffer.from('---\ncomponent: eligibility\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n\nText\n')]) },
      code: 1,
      out: /sections\/en\/01-eligibility\.md:3:\d+ {2}error {2}sections\/en\/01-eligibility\.md is not valid UTF-8 text/,
    },
    { name: 'a non-UTF-8 sop.yaml', files: { ...synced(baseFiles()), 'sop.yaml': Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0x0a]) }, code: 2, out: /sop\.yaml:1:\d+ {2}error {2}sop\.yaml is not valid UTF-8 text/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const dir = await writeFixture(c.files);
      const before = snapshot(dir);
      const r = sopkit(['check', c.arg ?? '.', '--today', '2026-11-25'], dir);
      expect(r.code, r.stdout + r.stderr).toBe(c.code);
      expect(r.stdout + r.stderr).toMatch(c.out);
      expect(r.stdout + r.stderr).toMatch(/hint: /);
      expect(r.stdout + r.stderr).not.toMatch(STACK);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a sop.yaml that is a link to a file outside the SOP folder is refused (sopkit never follows links out of the project)', async () => {
    const outside = await writeFixture({ 'sop.yaml': 'title: { en: x }\n' });
    const dir = await writeFixture({});
    await (await import('node:fs/promises')).symlink(path.join(outside, 'sop.yaml'), path.join(dir, 'sop.yaml'));
    const r = sopkit(['check', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/sop\.yaml {2}error {2}sop\.yaml is a link to .*sop\.yaml, outside the SOP folder; sopkit reads only files inside it — copy the file in/);
    expect(r.stdout).not.toMatch(STACK);
  });

  it('a 50 MB file is refused without reading it all', async () => {
    const files = synced(baseFiles());
    const dir = await writeFixture(files);
    await mkdir(path.join(dir, 'sections/en'), { recursive: true });
    await writeFile(path.join(dir, 'sections/en/09-huge.md'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const before = snapshot(dir);
    const r = sopkit(['check', '.', '--today', '2026-11-25'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/sections\/en\/09-huge\.md:1:1 {2}error {2}sections\/en\/09-huge\.md is 50\.0 MB; text sources may be at most 5 MB/);
    expect(r.stdout).not.toMatch(STACK);
    expect(snapshot(dir)).toEqual(before);
  });

  it('unusable input is reported in the chosen format too (github, json)', async () => {
    const dir = await writeFixture({ 'sop.yaml': 'title: [\n' });
    const gh = sopkit(['check', '.', '--format', 'github'], dir);
    expect(gh.code).toBe(2);
    expect(gh.stdout).toMatch(/^::error file=sop\.yaml,line=\d+,col=\d+,title=yaml-syntax::/m);
    const json = sopkit(['check', '.', '--format', 'json'], dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, sop: null, summary: { errors: 1 } });
  });
});
