import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, isSopkitError, SopkitError, type Diagnostic } from '../diag/index.js';
import type { Snapshot } from './snapshot.js';
import { loadSop } from '../model/index.js';
import { processAlive } from '../fs/index.js';
import { LOG_FILE } from './log.js';
import { readSourceFiles, sha256 } from './sources.js';
import { parseYamlWithPositions } from '../model/yaml.js';
import { RELEASE_FORMAT, type ExistingRelease, type ReleaseManifest, type ReleasesState } from './manifest.js';
import { isVersion, sortVersions } from './version.js';

export const STAGING_MARK = '.staging-';

/**
 * Refuses to work on a frozen release folder as if it were the SOP (`--dir
 * releases/1.0`): releasing, reviewing or writing a report there would change a
 * release. Exit 2, nothing written.
 */
export async function refuseFrozenFolder(root: string, shown: string): Promise<void> {
  const frozen = await access(path.join(root, 'release.json')).then(
    () => true,
    () => false,
  );
  if (frozen && isVersion(path.basename(root))) {
    throw new SopkitError(
      diagnostic('release-frozen-folder', 'error', `"${shown}" is a frozen release, which is never changed`, undefined, 'Run the command in the SOP folder (the one that holds releases/), e.g. `--dir .`; to compare with this release use `sopkit diff ' + path.basename(root) + ' draft`.'),
    );
  }
}

/** Staging folder name prefix of a release by this process: `.1.1.staging-<pid>-`. */
export function stagingPrefix(version: string, pid = process.pid): string {
  return `.${version}${STAGING_MARK}${pid}-`;
}

/** The pid encoded in a staging folder name, if any. */
export function stagingPid(name: string): number | undefined {
  const m = /\.staging-(\d+)-/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** A staging folder's process still runs (this process's own folders are stale leftovers of an earlier attempt). */
function alive(pid: number): boolean {
  return pid !== process.pid && processAlive(pid);
}

async function readManifest(dir: string, version: string): Promise<ExistingRelease> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'release.json'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { version, problem: code === 'ENOENT' ? 'release.json is missing' : `release.json cannot be read (${code ?? 'error'})` };
  }
  let m: ReleaseManifest;
  try {
    m = JSON.parse(text) as ReleaseManifest;
  } catch {
    return { version, problem: 'release.json is damaged (it is not valid JSON)' };
  }
  if (!m || typeof m !== 'object' || m.format !== RELEASE_FORMAT || m.version !== version || !Array.isArray(m.files)) return { version, problem: 'release.json is damaged (it does not describe this release)' };
  return { version, manifest: m };
}

/** The finding for a release whose release.json is missing or damaged: its files cannot be checked. */
export function unverifiable(release: ExistingRelease, severity: 'error' | 'warning'): Diagnostic {
  return diagnostic(
    'release-unreadable',
    severity,
    `releases/${release.version}/${release.problem ?? 'release.json is damaged'}: the files of release ${release.version} cannot be checked against their recorded hashes, so changes to them would go unnoticed`,
    { file: `releases/${release.version}/release.json` },
    `Restore releases/${release.version}/release.json from your backup or version control (\`git checkout -- releases/${release.version}\`); only \`sopkit release\` writes frozen releases.`,
  );
}

/**
 * Loads a frozen release as a snapshot and checks every file against the hashes in its
 * release.json: a mismatch means someone edited a frozen release, which is reported
 * (the release is still read, as it is now).
 */
export async function loadReleaseSnapshot(root: string, release: ExistingRelease): Promise<{ snapshot: Snapshot; diagnostics: Diagnostic[] }> {
  const dir = path.join(root, 'releases', release.version);
  const { model } = await loadSop(dir);
  const { files } = await readSourceFiles(dir);
  const hashes = Object.fromEntries(files.map((f) => [f.path, sha256(f.bytes)]));
  return { snapshot: { label: release.version, model, hashes }, diagnostics: verifyRelease(release, hashes) };
}

/** Differences between a release's recorded hashes and its files on disk. */
export function verifyRelease(release: ExistingRelease, hashes: Record<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!release.manifest) return [unverifiable(release, 'warning')];
  const recorded = new Map(release.manifest.files.map((f) => [f.path, f.sha256]));
  const where = `releases/${release.version}`;
  const hint = 'Frozen releases must never be edited. Restore the file from your backup or version control.';
  for (const [p, h] of recorded) {
    if (!(p in hashes)) out.push(diagnostic('release-tampered', 'warning', `${where}/${p} is listed in release.json but is missing`, { file: `${where}/${p}` }, hint));
    else if (hashes[p] !== h) out.push(diagnostic('release-tampered', 'warning', `${where}/${p} was changed after release ${release.version} was frozen`, { file: `${where}/${p}` }, hint));
  }
  for (const p of Object.keys(hashes)) if (!recorded.has(p)) out.push(diagnostic('release-tampered', 'warning', `${where}/${p} was added after release ${release.version} was frozen`, { file: `${where}/${p}` }, hint));
  return out;
}

/** The existing release folders (named like versions) with their release.json, oldest first. */
export async function listReleases(root: string): Promise<{ releases: ExistingRelease[]; staging: string[] }> {
  const dir = path.join(root, 'releases');
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return { releases: [], staging: [] };
  }
  const versions = sortVersions(entries.filter((e) => e.isDirectory() && isVersion(e.name)).map((e) => e.name));
  const releases = await Promise.all(versions.map((v) => readManifest(path.join(dir, v), v)));
  const staging = entries.filter((e) => e.isDirectory() && e.name.startsWith('.') && e.name.includes(STAGING_MARK)).map((e) => e.name).sort();
  return { releases, staging };
}

/**
 * Reads everything `planRelease` needs (see `ReleasesState`). Staging folders of a
 * release still running in another process are not counted as stale.
 */
export async function readReleasesState(root: string): Promise<ReleasesState> {
  const diagnostics: Diagnostic[] = [];
  const { releases, staging } = await listReleases(root);
  // A release without a readable release.json cannot be verified: an error, so a new release is not built on it unnoticed.
  for (const r of releases) if (r.problem) diagnostics.push(unverifiable(r, 'error'));
  let logText: string | undefined;
  try {
    logText = await readFile(path.join(root, 'releases', 'log.yaml'), 'utf8');
  } catch {
    logText = undefined;
  }
  if (logText !== undefined) diagnostics.push(...logProblems(logText));
  let previous: Snapshot | undefined;
  const latest = releases[releases.length - 1];
  if (latest) {
    try {
      const r = await loadReleaseSnapshot(root, latest);
      previous = r.snapshot;
      diagnostics.push(...r.diagnostics.filter((d) => d.rule !== 'release-unreadable'));
    } catch (e) {
      if (!isSopkitError(e)) throw e;
      diagnostics.push(diagnostic('release-unreadable', 'warning', `release ${latest.version} cannot be read back: ${e.message}`, { file: `releases/${latest.version}` }));
    }
  }
  const src = await readSourceFiles(root);
  diagnostics.push(...src.diagnostics);
  const staleStaging = staging.filter((name) => {
    const pid = stagingPid(name);
    return pid === undefined || !alive(pid);
  });
  return { releases, logText, previous, sources: src.files, staleStaging, diagnostics };
}

/**
 * Problems of the release log that make it unusable: YAML syntax errors (at their line
 * and column) or no `releases:` list. Errors: the log is appended to, never rewritten
 * from scratch, so a broken one must be repaired first.
 */
export function logProblems(text: string): Diagnostic[] {
  const y = parseYamlWithPositions(text, LOG_FILE);
  const hint = `Repair ${LOG_FILE} (it is a YAML list under \`releases:\`), e.g. from version control; the entries are copies of each releases/VERSION/release.json.`;
  if (y.diagnostics.length) return y.diagnostics.map((d) => ({ ...d, rule: 'release-log-broken', message: `${LOG_FILE} is broken: ${d.message}`, hint }));
  const v = y.value as { releases?: unknown } | null;
  if (v === null || (typeof v === 'object' && !Array.isArray(v) && (v.releases === undefined || v.releases === null || Array.isArray(v.releases)))) return [];
  return [diagnostic('release-log-broken', 'error', `${LOG_FILE} is broken: it must hold a list under \`releases:\``, { ...y.positions.at('/releases'), file: LOG_FILE }, hint)];
}
