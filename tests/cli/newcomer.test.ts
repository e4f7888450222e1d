// The CLI a newcomer expects (issue 10, part 6), driven through the real CLI:
// the SOP folder as a positional argument of every command (--dir an alias), usage errors
// (exit 2, one line, the command's --help pointer), paths printed relative to where the
// command was run, progress on stderr (status line on a TTY, a line per stage otherwise,
// nothing with --quiet), and hints whose commands parse as printed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseFiles, synced } from '../check/fixture.js';
import { shownPath } from '../../src/cli/paths.js';
import { ensureBuilt, sopkit, STACK, type Run } from './cli.js';
import { dryParse, quotedCommands } from './dry-parse.js';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temp folder holding `sop/` (the mini SOP) and `other/` (an empty folder). */
function world(): { tmp: string; sop: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sopkit-cli-'));
  made.push(tmp);
  const sop = path.join(tmp, 'sop');
  for (const [rel, content] of Object.entries(synced(baseFiles()))) {
    mkdirSync(path.dirname(path.join(sop, rel)), { recursive: true });
    writeFileSync(path.join(sop, rel), content);
  }
  mkdirSync(path.join(tmp, 'other'));
  return { tmp, sop };
}

/** A usage error: exit 2, one `error: …` line, then the pointer to the command's --help. */
function expectUsage(r: Run, command: string, message: RegExp): void {
  const shown = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
  expect(r.code, shown).toBe(2);
  expect(r.stdout, shown).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, shown).toHaveLength(2);
  expect(lines[0], shown).toMatch(/^error: /);
  expect(lines[0], shown).toMatch(message);
  expect(lines[1], shown).toBe(`(run \`${command} --help\` for usage)`);
  expect(r.stderr).not.toMatch(STACK);
}

describe('usage errors: exit 2, one line, the --help pointer', () => {
  const { tmp } = world();
  it.each([
    [['frob'], 'sopkit', /unknown command 'frob'/],
    [['check', '--frob'], 'sopkit check', /unknown option '--frob'/],
    [['check', 'sop', '--format', 'xml'], 'sopkit check', /'xml' is invalid.*pretty, json/],
    [['build', 'sop', '--only', 'pdf,word'], 'sopkit build', /"word" is not an output.*pdf, site, posters/],
    [['check', 'sop', '--today', '2026-02-31'], 'sopkit check', /--today must be a date/],
    [['check', 'sop', '--max-warnings', 'many'], 'sopkit check', /--max-warnings must be a whole number/],
    [['release'], 'sopkit release', /missing required argument 'version'/],
    [['diff', '2.1'], 'sopkit diff', /missing required argument 'to'/],
    [['stamp', 'x.pdf'], 'sopkit stamp', /required option '--annex <n>'/],
    [['check', 'sop', 'sop', 'sop'], 'sopkit check', /too many arguments/],
    [['i18n', 'frob'], 'sopkit i18n', /unknown command 'frob'/],
    [['i18n', 'status', '--frob'], 'sopkit i18n status', /unknown option '--frob'/],
    [['i18n', 'sync'], 'sopkit i18n sync', /name the translation to sync/],
    [['serve', 'sop', '--port', 'x'], 'sopkit serve', /port number/],
    [['build', 'sop', '--dir', 'other'], 'sopkit build', /two different SOP folders: "sop" and --dir "other"/],
  ])('sopkit %j', (args, command, message) => {
    expectUsage(sopkit(args as string[], tmp), command as string, message as RegExp);
  });
});

describe('the SOP folder as a positional argument, --dir an alias', () => {
  it('check, i18n status and review take the folder either way; the same folder twice is fine', () => {
    const { tmp, sop } = world();
    const a = sopkit(['check', 'sop', '--no-layout', '--today', '2026-11-25', '--format', 'json'], tmp);
    const b = sopkit(['check', '--dir', 'sop', '--no-layout', '--today', '2026-11-25', '--format', 'json'], tmp);
    const c = sopkit(['check', 'sop', '--dir', `${sop}/`, '--no-layout', '--today', '2026-11-25', '--format', 'json'], tmp);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const s1 = sopkit(['i18n', 'status', 'sop'], tmp);
    const s2 = sopkit(['i18n', 'status', '--dir', 'sop'], tmp);
    expect(s1.code, s1.stderr).toBe(0);
    expect(s2.stdout).toBe(s1.stdout);
    const r = sopkit(['review', 'sop', '--date', '2026-11-20', '--objectives-met', 'yes', '--context-changed', 'no', '--impractical', 'no'], tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(sop, 'sop.yaml'), 'utf8')).toMatch(/2026-11-20/);
  });

  it('every SOP command parses a folder argument and --dir (dry parse of the real program)', async () => {
    for (const line of [
      'sopkit check sop', 'sopkit build sop', 'sopkit posters sop', 'sopkit release 2.2 sop', 'sopkit diff 2.1 draft sop',
      'sopkit i18n status sop', 'sopkit i18n sync --all sop', 'sopkit review sop --date 2026-11-25 --objectives-met yes --context-changed no --impractical no',
      'sopkit serve sop', 'sopkit stamp annex.pdf sop --annex 2', 'sopkit verify sop',
      'sopkit check --dir sop', 'sopkit build --dir sop', 'sopkit posters --dir sop', 'sopkit release 2.2 --dir sop', 'sopkit diff 2.1 draft --dir sop',
      'sopkit i18n status --dir sop', 'sopkit i18n sync --all --dir sop', 'sopkit serve --dir sop', 'sopkit stamp annex.pdf --annex 2 --dir sop', 'sopkit verify dist --dir sop',
    ]) expect(await dryParse(line), line).toBeNull();
  });

  it('run inside the SOP folder with no argument, a command works on it', () => {
    const { sop } = world();
    const r = sopkit(['check', '--no-layout', '--today', '2026-11-25'], sop);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no problems found/);
  });

  it('a folder that is not an SOP: the hint names the command that was run, with the SOP folder, and parses', async () => {
    const { tmp } = world();
    for (const [args, expected] of [
      [['build'], 'sopkit build sop'],
      [['posters', '--quiet'], 'sopkit posters --quiet sop'],
      [['i18n', 'status', '.'], 'sopkit i18n status sop'],
      [['review', '--date', '2026-11-25', '--objectives-met', 'yes', '--context-changed', 'no', '--impractical', 'no'], 'sopkit review --date 2026-11-25 --objectives-met yes --context-changed no --impractical no sop'],
    ] as const) {
      const r = sopkit([...args], tmp);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/there is no sop\.yaml in "\."/);
      const hinted = quotedCommands(r.stderr);
      expect(hinted, r.stderr).toEqual([expected]);
      expect(await dryParse(hinted[0]!)).toBeNull();
    }
    // Inside the SOP, one level down: the hint climbs to it.
    const { sop } = world();
    const r = sopkit(['check', '--no-layout'], path.join(sop, 'sections'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/This folder is inside the SOP folder \.\.: run `sopkit check --no-layout \.\.`/);
    // Nowhere near an SOP: init, runnable as printed.
    const r2 = sopkit(['build'], path.join(tmp, 'other'));
    expect(quotedCommands(r2.stderr)).toEqual(['sopkit init my-sop']);
  });
});

describe('paths printed relative to where the command was run', () => {
  it('shownPath: relative with forward slashes; absolute only when the two share nothing but the root', () => {
    expect(shownPath('/home/me/sops/a/dist', '/home/me/sops')).toBe('a/dist');
    expect(shownPath('/home/me/sops', '/home/me/sops')).toBe('.');
    expect(shownPath('/home/me/sops/a', '/home/me/sops/a/sections/en')).toBe('../..');
    expect(shownPath('/home/me/other/b.pdf', '/home/me/sops')).toBe('../other/b.pdf');
    expect(shownPath('/tmp/x/dist', '/home/me/sops')).toBe('/tmp/x/dist');
    expect(shownPath('a/../b', '/home/me')).toBe('b');
  });

  it('build and check print the SOP files as seen from the current folder', () => {
    const { tmp, sop } = world();
    writeFileSync(path.join(sop, 'data/eligibility.yaml'), 'criteria:\n  - id: a\n    label: [unclosed\n');
    const fromTmp = sopkit(['check', 'sop', '--no-layout', '--today', '2026-11-25'], tmp);
    expect(fromTmp.stdout).toMatch(/^sop\/data\/eligibility\.yaml:\d+:\d+ /m);
    const fromInside = sopkit(['check', '--no-layout', '--today', '2026-11-25'], sop);
    expect(fromInside.stdout).toMatch(/^data\/eligibility\.yaml:\d+:\d+ /m);
    const fromBelow = sopkit(['check', '../..', '--no-layout', '--today', '2026-11-25'], path.join(sop, 'sections/ar'));
    expect(fromBelow.stdout).toMatch(/^\.\.\/\.\.\/data\/eligibility\.yaml:\d+:\d+ /m);
    const build = sopkit(['build', 'sop', '--only', 'pdf'], tmp);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^sop\/data\/eligibility\.yaml:\d+:\d+ /m);
    expect(build.stderr).toMatch(/run `sopkit check sop` for the full list/);
  });
});

describe('progress on stderr', () => {
  it('not a terminal: one line per stage on stderr; stdout keeps only the summary', () => {
    const { tmp } = world();
    const r = sopkit(['build', 'sop', '--only', 'pdf,site'], tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^built \d+ files into sop\/dist\/ in [\d.]+ s\n$/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual(['sopkit build: pdf ar', 'sopkit build: pdf en', 'sopkit build: site ar', 'sopkit build: site en']);
    expect(r.stderr).not.toMatch(/\r|\u001b/);
  });

  it('a terminal (SOPKIT_PROGRESS=tty): one status line rewritten in place, with counts, cleared at the end', () => {
    const { tmp } = world();
    const r = sopkit(['build', 'sop', '--only', 'pdf'], tmp, { SOPKIT_PROGRESS: 'tty' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\n/);
    const frames = r.stderr.split('\r\u001b[2K');
    expect(frames).toContain('build: pdf ar');
    expect(frames.some((f) => /^build: pdf en 1\/\d+ pages$/.test(f))).toBe(true);
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stdout).toMatch(/^built \d+ files into sop\/dist\/ in/);
  });

  it('--quiet: nothing at all, either way', () => {
    const { tmp } = world();
    for (const mode of ['tty', undefined]) {
      const r = sopkit(['build', 'sop', '--only', 'pdf', '--quiet'], tmp, mode ? { SOPKIT_PROGRESS: mode } : {});
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
    }
  });

  it('the outputs are the same bytes with and without progress', () => {
    const { tmp } = world();
    sopkit(['build', 'sop', '--only', 'pdf', '--out', 'a'], tmp, { SOPKIT_PROGRESS: 'tty' });
    sopkit(['build', 'sop', '--only', 'pdf', '--out', 'b', '--quiet'], tmp);
    const a = path.join(tmp, 'a/pdf/sop-v1.0-en.pdf');
    expect(readFileSync(a).equals(readFileSync(path.join(tmp, 'b/pdf/sop-v1.0-en.pdf')))).toBe(true);
  });
});
