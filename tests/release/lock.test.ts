// The release lock (src/release/lock.ts) and three real `sopkit release` processes at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { processAlive } from '../../src/fs/index.js';
import { acquireReleaseLock, LOCK_FILE } from '../../src/release/lock.js';
import { baseFiles, synced } from '../check/fixture.js';
import { ensureBuilt, ROOT } from '../cli/cli.js';

const made: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill();
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'sopkit-lock-'));
  made.push(d);
  return d;
}

/** A process that is surely running (and is not this one) for as long as the test needs it. */
function sleeper(): number {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

/** A pid no process has: a child that has exited. */
async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

describe('release lock', () => {
  it('is created holding the pid and removed on release; a first release that wrote nothing leaves no releases/', async () => {
    const root = await tempDir();
    const lock = await acquireReleaseLock(root);
    expect(await readFile(path.join(root, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    expect(lock.note).toBeUndefined();
    expect((await readdir(path.join(root, 'releases'))).sort()).toEqual(['.lock']);
    await lock.release();
    expect(existsSync(path.join(root, 'releases'))).toBe(false);
  });

  it('refuses while another running process holds it: "another release is running (pid N)", exit 2, lock untouched', async () => {
    const root = await tempDir();
    const pid = sleeper();
    await mkdir(path.join(root, 'releases'));
    await writeFile(path.join(root, LOCK_FILE), `${pid}\n`);
    const err = await acquireReleaseLock(root).then(
      () => undefined,
      (e: unknown) => e as { exitCode?: number; diagnostics: { message: string }[] },
    );
    expect(err?.diagnostics[0]?.message).toBe(`another release is running (pid ${pid}) — wait for it to finish`);
    expect(err?.exitCode).toBe(2);
    expect(await readFile(path.join(root, LOCK_FILE), 'utf8')).toBe(`${pid}\n`);
    expect((await readdir(path.join(root, 'releases'))).sort()).toEqual(['.lock']);
  });

  it('takes over the lock of a process that no longer runs, with a note', async () => {
    const root = await tempDir();
    const pid = await deadPid();
    expect(processAlive(pid)).toBe(false);
    await mkdir(path.join(root, 'releases'));
    await writeFile(path.join(root, LOCK_FILE), `${pid}\n`);
    const lock = await acquireReleaseLock(root);
    expect(lock.note?.message).toMatch(new RegExp(`took over releases/\\.lock of pid ${pid}, a release that no longer runs`));
    expect(await readFile(path.join(root, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
    expect(existsSync(path.join(root, LOCK_FILE))).toBe(false);
    expect(existsSync(path.join(root, 'releases'))).toBe(true);
  });
});

interface Outcome {
  version: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

function release(dir: string, version: string, date: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [path.join(ROOT, 'bin/sopkit.js'), 'release', version, '--date', date, '--no-build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (b) => (stdout += b));
    c.stderr.on('data', (b) => (stderr += b));
    c.on('close', (code) => resolve({ version, code, stdout, stderr }));
  });
}

describe('three releases at once', () => {
  ensureBuilt();
  it('one or more succeed, in order, each logged once after the one before; the others are told another release is running', async () => {
    const dir = await tempDir();
    for (const [rel, content] of Object.entries(synced(baseFiles()))) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), content);
    }
    const first = await release(dir, '2.2', '2026-11-20');
    expect(first.code, first.stdout + first.stderr).toBe(0);

    const outcomes = await Promise.all([release(dir, '2.3', '2026-11-25'), release(dir, '2.4', '2026-11-25'), release(dir, '2.5', '2026-11-25')]);
    const shown = outcomes.map((o) => `${o.version}: exit ${o.code}\n${o.stdout}${o.stderr}`).join('\n---\n');
    const ok = outcomes.filter((o) => o.code === 0);
    expect(ok.length, shown).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) {
      expect(o.stderr + o.stdout, shown).not.toMatch(/internal error|\n\s+at /);
      if (o.code === 0) continue;
      // Refused: either the lock was held, or (when the runs happened to take turns) an earlier-numbered run came after a later one.
      expect(o.stderr, shown).toMatch(/another release is running \(pid \d+\) — wait for it to finish|is not greater than the latest release/);
      expect([1, 2], shown).toContain(o.code);
      if (/another release is running/.test(o.stderr)) expect(o.code, shown).toBe(2);
    }
    const log = parse(await readFile(path.join(dir, 'releases/log.yaml'), 'utf8')) as { releases: { version: string; previous: string | null }[] };
    const logged = log.releases.map((r) => r.version);
    const released = (await readdir(path.join(dir, 'releases'))).filter((n) => /^\d+\.\d+$/.test(n)).sort();
    // Every frozen release is logged exactly once, oldest first, each after the one before it.
    expect(logged, shown).toEqual(['2.2', ...ok.map((o) => o.version).sort()]);
    expect(released, shown).toEqual(logged);
    log.releases.forEach((r, i) => expect(r.previous, shown).toBe(i === 0 ? null : logged[i - 1]));
    for (const o of ok) {
      const m = JSON.parse(await readFile(path.join(dir, 'releases', o.version, 'release.json'), 'utf8')) as { previous: string };
      expect(m.previous).toBe(logged[logged.indexOf(o.version) - 1]);
      expect(o.stdout).toContain(`after ${m.previous}`);
    }
    expect(existsSync(path.join(dir, LOCK_FILE)), 'the lock is removed').toBe(false);
    expect((await readdir(path.join(dir, 'releases'))).filter((n) => n.startsWith('.')), 'no staging folder or lock left').toEqual([]);
  }, 120_000);
});
