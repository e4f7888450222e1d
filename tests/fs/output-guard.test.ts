// The output policy (src/fs/output-guard.ts): which folders and files sopkit may write,
// what killed runs leave and how it is cleaned, and how file-system errors read.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileSystemError, isSopkitError, SopkitError } from '../../src/diag/index.js';
import {
  asOutputError,
  checkOutputDir,
  checkOutputFile,
  checkSourceEdit,
  cleanStale,
  folderState,
  isOldOutput,
  makeStagingDir,
  makeTempDir,
  OUTPUT_MARKER,
  OUTPUT_MARKER_TEXT,
  prepareOutputDir,
  replaceDir,
  writeFileAtomic,
} from '../../src/fs/index.js';
import { runAction } from '../../src/cli/run.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A world: tmp/{sop (an SOP), decoy (someone's folder), home}. */
function world(): { tmp: string; sop: string; decoy: string; home: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sopkit-guard-'));
  made.push(tmp);
  const sop = path.join(tmp, 'sop');
  const decoy = path.join(tmp, 'decoy');
  const home = path.join(tmp, 'home');
  for (const d of [path.join(sop, 'sections/en'), path.join(sop, 'annexes'), path.join(sop, 'data'), decoy, home]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(sop, 'sop.yaml'), 'title: x\n');
  writeFileSync(path.join(sop, 'sections/en/01-a.md'), '---\ncomponent: a\n---\n');
  writeFileSync(path.join(sop, 'annexes/02-dpia.pdf'), '%PDF-1.4');
  writeFileSync(path.join(sop, 'annexes/02-dpia.yaml'), 'annex: 2\n');
  writeFileSync(path.join(sop, 'annexes/03-other.yaml'), 'annex: 3\nfile: other-name.pdf\n');
  writeFileSync(path.join(sop, 'annexes/other-name.pdf'), '%PDF-1.4');
  writeFileSync(path.join(sop, 'annexes/02-dpia-annex-2-v1.0.pdf'), '%PDF-1.4 stamped copy');
  writeFileSync(path.join(decoy, 'notes.txt'), 'keep\n');
  return { tmp, sop, decoy, home };
}

/** The SopkitError `p` rejects with (fails the test if it resolves or throws something else). */
async function refusal(p: Promise<unknown>): Promise<SopkitError> {
  try {
    await p;
  } catch (e) {
    if (isSopkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

let savedHome: string | undefined;
beforeEach(() => {
  savedHome = process.env.HOME;
});
afterEach(() => {
  if (savedHome === undefined) delete process.env.HOME;
  else process.env.HOME = savedHome;
});

describe('checkOutputDir', () => {
  it('accepts a new, an empty, a marked folder, a folder inside a marked one and an old dist/', async () => {
    const w = world();
    const p = { command: 'build', option: '--out', sopRoot: w.sop };
    expect((await checkOutputDir(path.join(w.sop, 'dist'), p)).state).toBe('missing');
    expect((await checkOutputDir(path.join(w.tmp, 'new/deeper'), p)).state).toBe('missing');
    mkdirSync(path.join(w.tmp, 'empty'));
    expect((await checkOutputDir(path.join(w.tmp, 'empty'), p)).state).toBe('empty');
    mkdirSync(path.join(w.tmp, 'ours/posters'), { recursive: true });
    writeFileSync(path.join(w.tmp, 'ours', OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    writeFileSync(path.join(w.tmp, 'ours/posters/a3.pdf'), '%PDF');
    expect((await checkOutputDir(path.join(w.tmp, 'ours'), p)).state).toBe('marked');
    expect((await checkOutputDir(path.join(w.tmp, 'ours/posters'), p)).state).toBe('inside-marked');
    const old = path.join(w.sop, 'dist');
    mkdirSync(path.join(old, 'pdf'), { recursive: true });
    mkdirSync(path.join(old, 'site'));
    writeFileSync(path.join(old, 'build.json'), '{\n  "version": "2.1",\n  "date": "2026-11-22"\n}\n');
    writeFileSync(path.join(old, '.DS_Store'), '');
    expect((await checkOutputDir(old, p)).state).toBe('old-output');
  });

  it('refuses a folder that holds files sopkit did not make, naming them, with a way out', async () => {
    const w = world();
    const e = await refusal(checkOutputDir(w.decoy, { command: 'build', option: '--out', sopRoot: w.sop }));
    expect(e.exitCode).toBe(2);
    expect(e.diagnostic.message).toMatch(/refusing to write into ".*decoy": it holds notes\.txt, which sopkit did not make/);
    expect(e.diagnostic.hint).toMatch(/new or empty folder.*delete it yourself/);
  });

  it('refuses the SOP folder, its parents, its sources, the root and the home folder', async () => {
    const w = world();
    const p = { command: 'build', option: '--out', sopRoot: w.sop };
    expect((await refusal(checkOutputDir(w.sop, p))).diagnostic.message).toMatch(/SOP folder itself/);
    expect((await refusal(checkOutputDir(w.tmp, p))).diagnostic.message).toMatch(/holds the SOP folder/);
    for (const area of ['sections', 'sections/en', 'annexes', 'data/new', 'releases/9.9', 'profiles', '.git', 'sop.yaml']) {
      expect((await refusal(checkOutputDir(path.join(w.sop, area), p))).diagnostic.message, area).toMatch(/inside .* of the SOP/);
    }
    expect((await refusal(checkOutputDir('/', p))).diagnostic.message).toMatch(/root of the file system/);
    process.env.HOME = w.home;
    expect((await refusal(checkOutputDir(w.home, p))).diagnostic.message).toMatch(/your home folder/);
    expect((await refusal(checkOutputDir(w.tmp, { command: 'build' }))).diagnostic.message).toMatch(/parent of your home folder/);
    // Inside the home folder is where people work: fine.
    expect((await checkOutputDir(path.join(w.home, 'out'), p)).state).toBe('missing');
  });

  it('finds SOP folders by their sop.yaml even when the command names none, and sees through links', async () => {
    const w = world();
    expect((await refusal(checkOutputDir(path.join(w.sop, 'sections/x'), { command: 'init' }))).diagnostic.message).toMatch(/inside sections\//);
    symlinkSync(w.sop, path.join(w.tmp, 'link-to-sop'));
    expect((await refusal(checkOutputDir(path.join(w.tmp, 'link-to-sop'), { command: 'build' }))).diagnostic.message).toMatch(/SOP folder itself/);
    expect((await refusal(checkOutputDir(path.join(w.tmp, 'link-to-sop/data'), { command: 'build' }))).diagnostic.message).toMatch(/inside data\//);
  });

  it('a file in the way is "cannot write" (ENOTDIR)', async () => {
    const w = world();
    const e = await refusal(checkOutputDir(path.join(w.decoy, 'notes.txt/out'), { command: 'build' }));
    expect(e.diagnostic.message).toMatch(/cannot write .*notes\.txt\/out: .*notes\.txt is a file, not a folder/);
    expect(e.exitCode).toBe(2);
  });

  it('an old-looking dist/ is recognised only by its exact shape', async () => {
    const w = world();
    const d = path.join(w.tmp, 'd');
    mkdirSync(path.join(d, 'pdf'), { recursive: true });
    writeFileSync(path.join(d, 'build.json'), '{"version":"1.0","date":"2026-01-01"}');
    expect(await isOldOutput(d)).toBe(true);
    writeFileSync(path.join(d, 'build.json'), '{"version":"1.0","owner":"me"}');
    expect(await isOldOutput(d)).toBe(false);
    writeFileSync(path.join(d, 'build.json'), '{"version":"1.0"}');
    writeFileSync(path.join(d, 'thesis.docx'), 'x');
    expect(await isOldOutput(d)).toBe(false);
    // posters/ and report/ alone (from `posters --out` and `diff`), with sopkit's file names only.
    const p = path.join(w.tmp, 'p');
    mkdirSync(path.join(p, 'posters'), { recursive: true });
    mkdirSync(path.join(p, 'report'));
    writeFileSync(path.join(p, 'posters/urgent-card-a6-ar.pdf'), '%PDF');
    writeFileSync(path.join(p, 'report/diff-1.0-1.1.html'), '');
    writeFileSync(path.join(p, 'report/changelog-1.1.md'), '');
    expect(await isOldOutput(p)).toBe(true);
    writeFileSync(path.join(p, 'report/minutes.md'), '');
    expect(await isOldOutput(p)).toBe(false);
    mkdirSync(path.join(w.tmp, 'site-only/site'), { recursive: true });
    expect(await isOldOutput(path.join(w.tmp, 'site-only'))).toBe(false);
  });
});

describe('checkOutputFile', () => {
  it('refuses the command\'s own input, also through a link', async () => {
    const w = world();
    const input = path.join(w.decoy, 'in.pdf');
    writeFileSync(input, '%PDF');
    symlinkSync(input, path.join(w.decoy, 'alias.pdf'));
    const p = { command: 'stamp', option: '--out', sopRoot: w.sop, inputs: [input] };
    expect((await refusal(checkOutputFile(input, p))).diagnostic.message).toMatch(/the file this command reads/);
    expect((await refusal(checkOutputFile(path.join(w.decoy, 'alias.pdf'), p))).diagnostic.message).toMatch(/the file this command reads/);
  });

  it('refuses existing sources of an SOP, anything in releases/, and folders', async () => {
    const w = world();
    const p = { command: 'check', option: '--output', sopRoot: w.sop };
    expect((await refusal(checkOutputFile(path.join(w.sop, 'sop.yaml'), p))).diagnostic.message).toMatch(/refusing to overwrite .*sop\.yaml.*manifest/);
    expect((await refusal(checkOutputFile(path.join(w.sop, 'sections/en/01-a.md'), p))).diagnostic.message).toMatch(/a source file/);
    expect((await refusal(checkOutputFile(path.join(w.sop, 'annexes/02-dpia.pdf'), p))).diagnostic.message).toMatch(/a source file/);
    expect((await refusal(checkOutputFile(path.join(w.sop, 'annexes/other-name.pdf'), p))).diagnostic.message).toMatch(/a source file/);
    expect((await refusal(checkOutputFile(path.join(w.sop, 'releases/1.0/new.json'), p))).diagnostic.message).toMatch(/inside releases\//);
    expect((await refusal(checkOutputFile(path.join(w.sop, 'sections'), p))).diagnostic.message).toMatch(/cannot write .*it is a folder, not a file \(EISDIR\)/);
    // Another SOP, found by its sop.yaml although the command reads a different one.
    expect((await refusal(checkOutputFile(path.join(w.sop, 'sop.yaml'), { command: 'check' }))).diagnostic.message).toMatch(/manifest/);
  });

  it('writes a new file, a plain report, or a stamped copy no sidecar names', async () => {
    const w = world();
    const p = { command: 'check', option: '--output', sopRoot: w.sop };
    expect(await checkOutputFile(path.join(w.sop, 'check.json'), p)).toBe(path.join(w.sop, 'check.json'));
    expect(await checkOutputFile(path.join(w.decoy, 'notes.txt'), p)).toBe(path.join(w.decoy, 'notes.txt'));
    expect(await checkOutputFile(path.join(w.sop, 'annexes/02-dpia-annex-2-v1.0.pdf'), p)).toBe(path.join(w.sop, 'annexes/02-dpia-annex-2-v1.0.pdf'));
  });
});

describe('checkSourceEdit', () => {
  it('lets i18n sync and review change the working copy, never a frozen release', async () => {
    const w = world();
    mkdirSync(path.join(w.sop, 'releases/1.0/sections/en'), { recursive: true });
    writeFileSync(path.join(w.sop, 'releases/1.0/sop.yaml'), 'title: x\n');
    await checkSourceEdit(path.join(w.sop, 'sections/en/01-a.md'), 'i18n sync');
    const e = await refusal(checkSourceEdit(path.join(w.sop, 'releases/1.0/sections/en/01-a.md'), 'i18n sync'));
    expect(e.diagnostic.message).toMatch(/refusing to change .*releases\/1\.0\/sections\/en\/01-a\.md.*frozen release is never changed/);
  });
});

describe('replaceDir', () => {
  it('replaces only what sopkit made: a foreign folder is refused whoever calls', async () => {
    const w = world();
    const staging = await makeStagingDir(w.decoy);
    const e = await refusal(replaceDir(staging, w.decoy));
    expect(e.diagnostic.rule).toBe('output-refused');
    expect(readFileSync(path.join(w.decoy, 'notes.txt'), 'utf8')).toBe('keep\n');
    rmSync(staging, { recursive: true });
  });

  it('a staging folder carries the pid and the marker; the result is marked; nothing is left beside it', async () => {
    const w = world();
    const target = path.join(w.sop, 'dist');
    for (let i = 0; i < 2; i++) {
      const staging = await makeStagingDir(target);
      expect(path.basename(staging)).toMatch(new RegExp(`^\\.dist\\.staging-${process.pid}-[A-Za-z0-9]{6}$`));
      writeFileSync(path.join(staging, 'build.json'), `{"version":"${i}"}`);
      await replaceDir(staging, target);
    }
    expect(readFileSync(path.join(target, OUTPUT_MARKER), 'utf8')).toBe(OUTPUT_MARKER_TEXT);
    expect(readFileSync(path.join(target, 'build.json'), 'utf8')).toBe('{"version":"1"}');
    expect(readdirSync(w.sop).sort()).toEqual(['annexes', 'data', 'dist', 'sections', 'sop.yaml']);
  });

  it('the marker is the same bytes every time (no clock time)', () => {
    expect(OUTPUT_MARKER_TEXT).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{10}/);
    expect(JSON.parse(OUTPUT_MARKER_TEXT)).toMatchObject({ sopkit: 'output' });
  });
});

describe('prepareOutputDir', () => {
  it('makes and marks a new or empty folder; a later build may replace it', async () => {
    const w = world();
    const dir = await prepareOutputDir(path.join(w.tmp, 'reports'), { command: 'diff' });
    expect(existsSync(path.join(dir, OUTPUT_MARKER))).toBe(true);
    expect(await folderState(dir)).toBe('marked');
  });
});

describe('cleanStale', () => {
  const DEAD = 99999999; // above Linux's largest pid: never running

  it('removes sopkit\'s leftovers of gone processes, and nothing else', async () => {
    const w = world();
    const target = path.join(w.sop, 'dist');
    const mk = (rel: string, files: Record<string, string>) => {
      for (const [f, c] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(w.sop, rel, f)), { recursive: true });
        writeFileSync(path.join(w.sop, rel, f), c);
      }
    };
    mkdirSync(target);
    mk(`.dist.staging-${DEAD}-abc123`, { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT, 'pdf/a.pdf': 'half' });
    mk(`.dist.staging-${DEAD}-nomark`, { 'notes.txt': 'not sopkit\'s' });
    mk(`.dist.staging-${process.pid}-runnin`, { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT });
    mk(`dist.old-${DEAD}`, { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT });
    mk(`dist.old-${DEAD + 1}`, { 'thesis.docx': 'x' });
    writeFileSync(path.join(w.sop, `dist.tmp-${DEAD}`), 'half');
    // An old sopkit's staging folder has no pid: removed when an hour old and of output shape.
    mk('.dist.staging-Ab12Cd', { 'pdf/a.pdf': 'half' });
    mk('.dist.staging-Zz99Yy', { 'pdf/a.pdf': 'half' });
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(w.sop, '.dist.staging-Ab12Cd'), hourAgo, hourAgo);
    const removed = (await cleanStale(target)).map((p) => path.basename(p)).sort();
    expect(removed).toEqual(['.dist.staging-99999999-abc123', '.dist.staging-Ab12Cd', 'dist.old-99999999', 'dist.tmp-99999999']);
    expect(readdirSync(w.sop).sort()).toEqual(
      [`.dist.staging-${DEAD}-nomark`, `.dist.staging-${process.pid}-runnin`, '.dist.staging-Zz99Yy', 'annexes', 'data', 'dist', `dist.old-${DEAD + 1}`, 'sections', 'sop.yaml'].sort(),
    );
  });

  it('puts the old output back when a run was killed between its two renames', async () => {
    const w = world();
    const old = path.join(w.sop, `dist.old-${DEAD}`);
    mkdirSync(old);
    writeFileSync(path.join(old, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    writeFileSync(path.join(old, 'build.json'), '{"version":"1.0"}');
    await cleanStale(path.join(w.sop, 'dist'));
    expect(readFileSync(path.join(w.sop, 'dist/build.json'), 'utf8')).toBe('{"version":"1.0"}');
    expect(existsSync(old)).toBe(false);
  });

  it('makeTempDir removes marked temp folders of gone processes only', async () => {
    const prefix = `sopkit-guardtest${process.pid}`;
    const dead = path.join(os.tmpdir(), `${prefix}-${DEAD}-abc123`);
    const foreign = path.join(os.tmpdir(), `${prefix}-${DEAD}-xyz789`);
    mkdirSync(dead);
    mkdirSync(foreign);
    made.push(dead, foreign);
    writeFileSync(path.join(dead, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const dir = await makeTempDir(prefix);
    made.push(dir);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
    expect(path.basename(dir)).toMatch(new RegExp(`^${prefix}-${process.pid}-`));
  });
});

describe('file-system errors while writing', () => {
  const errno = (code: string, syscall: string, p: string) => Object.assign(new Error(`${code}: ${syscall} '${p}'`), { code, syscall, path: p });

  it('EACCES, EPERM, EROFS, ENOSPC, EBUSY, EISDIR, ENOTDIR become "cannot write PATH: reason" with a hint, exit 2', () => {
    const cases: [string, RegExp][] = [
      ['EACCES', /permission denied/],
      ['EPERM', /not permitted/],
      ['EROFS', /read-only/],
      ['ENOSPC', /disk is full/],
      ['EBUSY', /in use/],
      ['EISDIR', /folder, not a file/],
      ['ENOTDIR', /file is in the way/],
    ];
    for (const [code, reason] of cases) {
      const e = fileSystemError(errno(code, 'mkdir', '/srv/out/dist'), 'out/dist')!;
      expect(e, code).toBeInstanceOf(SopkitError);
      expect(e.exitCode).toBe(2);
      expect(e.diagnostic.message).toMatch(new RegExp(`^cannot write out/dist: .*${reason.source}.*\\(${code}\\)$`));
      expect(e.diagnostic.hint).toBeTruthy();
    }
  });

  it('a reading call is "cannot read"; anything that is not a file-system error stays a bug', () => {
    expect(fileSystemError(errno('EACCES', 'scandir', '/srv/sop/sections'))!.diagnostic.message).toBe('cannot read /srv/sop/sections: permission denied (EACCES)');
    expect(fileSystemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(fileSystemError(errno('ENOENT', 'open', '/x'))).toBeUndefined();
  });

  it('asOutputError names the output the user chose, or the source that could not be read', () => {
    const out = asOutputError(errno('EROFS', 'mkdtemp', '/media/usb/.dist.staging-1-abcdef'), '/media/usb/dist') as SopkitError;
    expect(out.diagnostic.message).toBe('cannot write /media/usb/dist: the file system is read-only (EROFS)');
    const parent = asOutputError(errno('EACCES', 'mkdtemp', '/srv/sop/.dist.staging-1-XXXXXX'), '/srv/sop/dist') as SopkitError;
    expect(parent.diagnostic.message).toBe('cannot write /srv/sop/dist (its folder /srv/sop/ is not writable): permission denied (EACCES)');
    const inStaging = asOutputError(errno('ENOSPC', 'open', '/media/usb/.dist.staging-1-abcdef/pdf/sop-v2.1-ar.pdf'), '/media/usb/dist') as SopkitError;
    expect(inStaging.diagnostic.message).toBe('cannot write /media/usb/dist: the disk is full (ENOSPC)');
    const src = asOutputError(errno('EACCES', 'open', '/srv/sop/annexes/a.pdf'), '/media/usb/dist') as SopkitError;
    expect(src.diagnostic.message).toBe('cannot read /srv/sop/annexes/a.pdf: permission denied (EACCES)');
    const bug = new RangeError('Maximum call stack size exceeded');
    expect(asOutputError(bug, '/media/usb/dist')).toBe(bug);
  });

  it('writeFileAtomic below a file: "cannot write", exit 2, no temp file left', async () => {
    const w = world();
    const e = await refusal(writeFileAtomic(path.join(w.decoy, 'notes.txt/report.json'), '{}'));
    expect(e.diagnostic.message).toMatch(/cannot write .*notes\.txt\/report\.json: .*notes\.txt is a file, not a folder/);
    expect(readdirSync(w.decoy)).toEqual(['notes.txt']);
  });

  it('the CLI prints it as a diagnostic with exit 2, never as an internal error', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      await runAction(async () => {
        throw errno('EACCES', 'rename', '/srv/sop/dist');
      });
    } finally {
      spy.mockRestore();
    }
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    expect(err).toMatch(/cannot write \/srv\/sop\/dist: permission denied \(EACCES\)/);
    expect(err).not.toMatch(/internal error|bug in sopkit/);
  });
});
