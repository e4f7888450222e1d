import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, SopkitError } from '../diag/index.js';
import { pathExists, writeFileAtomic } from '../fs/index.js';
import { listReleases, stagingPid, stagingPrefix } from '../store/index.js';
import type { ReleasePlan } from './types.js';

/** Test hook: after this many files the apply step kills its own process (crash test). */
const CRASH_ENV = 'SOPKIT_TEST_CRASH_AFTER_FILES';

export interface ApplyResult {
  /** `releases/VERSION`, relative. */
  target: string;
  filesWritten: number;
  bytesWritten: number;
  /** Stale staging folders that were removed. */
  cleaned: string[];
  logWritten: boolean;
}


/** Writes and flushes one file, so the rename below never publishes a file still in a cache. */
async function writeDurable(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const h = await open(file, 'wx');
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
}

function crashAfter(): number | undefined {
  const v = process.env[CRASH_ENV];
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Writes a planned release: removes staging folders of crashed releases, writes every
 * file into a fresh `releases/.VERSION.staging-<pid>-*` folder, then publishes it with
 * one rename to `releases/VERSION/` — so an interrupted release leaves no partial
 * `releases/VERSION/`, only a staging folder that the next run removes. The release
 * log is written last (atomically); if that fails, the release stands and the next
 * release logs it. Refuses (exit 1, nothing written) if the version appeared meanwhile.
 */
export async function applyRelease(plan: ReleasePlan): Promise<ApplyResult> {
  const releasesDir = path.join(plan.root, 'releases');
  const target = path.join(plan.root, plan.target);
  const refuseExisting = () =>
    new SopkitError(diagnostic('release-exists', 'error', `release ${plan.version} already exists in ${plan.target}/ and a released version is never rewritten`, { file: plan.target }, 'Nothing was changed. Release the next version instead.'), 1);
  if (await pathExists(target)) throw refuseExisting();

  await mkdir(releasesDir, { recursive: true });
  const cleaned: string[] = [];
  const { staging } = await listReleases(plan.root);
  for (const name of staging) {
    if (!plan.staleStaging.includes(name) || stagingPid(name) === process.pid) continue;
    await rm(path.join(releasesDir, name), { recursive: true, force: true });
    cleaned.push(name);
  }

  const stagingDir = await mkdtemp(path.join(releasesDir, stagingPrefix(plan.version)));
  const limit = crashAfter();
  let filesWritten = 0;
  let bytesWritten = 0;
  try {
    for (const f of plan.files) {
      await writeDurable(path.join(stagingDir, ...f.path.split('/')), f.bytes);
      filesWritten++;
      bytesWritten += f.bytes.length;
      if (limit !== undefined && filesWritten >= limit) process.kill(process.pid, 'SIGKILL');
    }
    // rename() onto an existing empty folder would succeed on POSIX: check once more.
    if (await pathExists(target)) throw refuseExisting();
    try {
      await rename(stagingDir, target);
    } catch (e) {
      // Another release of the same version won the race between the check and the rename.
      const code = (e as NodeJS.ErrnoException).code;
      throw code === 'ENOTEMPTY' || code === 'EEXIST' ? refuseExisting() : e;
    }
  } catch (e) {
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }

  let logWritten = false;
  try {
    await writeFileAtomic(path.join(plan.root, plan.log.path), plan.log.text);
    logWritten = true;
  } catch (e) {
    throw new SopkitError(
      diagnostic('release-log-unwritten', 'error', `release ${plan.version} was frozen in ${plan.target}/, but ${plan.log.path} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: plan.log.path }, 'The release itself is complete. The next `sopkit release` adds the missing log entry.'),
      1,
    );
  }
  return { target: plan.target, filesWritten, bytesWritten, cleaned, logWritten };
}
