import { diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { compareSnapshots, type Snapshot } from '../diff/compare.js';
import type { SopModel } from '../model/index.js';
import { endorsementStatus } from './endorsements.js';
import { summarizeChanges, summaryLine } from './summary.js';
import {
  appendToLog,
  compareVersions,
  isIsoDate,
  isVersion,
  LOG_FILE,
  notAVersion,
  RELEASE_FORMAT,
  sha256,
  sortVersions,
  type FrozenFileEntry,
  type ReleaseManifest,
  type ReleasesState,
  type SourceFile,
} from '../store/index.js';
import type { PlannedFile, ReleasePlan } from './types.js';
import { setVersionAndDate } from './yaml-edit.js';

export interface ReleaseOptions {
  version: string;
  /** YYYY-MM-DD; the CLI fills it from --date or today's date. */
  date: string;
}

/** Refusals exit 1: the command was understood but must not run (the changesets habit). */
function refuse(rule: string, message: string, hint: string, file?: string): never {
  throw new SopkitError(diagnostic(rule, 'error', message, file ? { file } : undefined, hint), 1);
}

/** The release.json text: stable key order, two-space indent, final newline. */
export function serializeManifest(m: ReleaseManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** What the first release is compared with: no files, and the same sop.yaml (so it lists no manifest changes). */
function emptySnapshot(model: SopModel): Snapshot {
  return { label: 'nothing', model: { ...model, sections: [], annexes: [], data: {} }, hashes: {} };
}

/**
 * Computes everything a release will write, without touching the disk: the frozen
 * files (sop.yaml with this release's version and date, every other source byte for
 * byte), release.json (hash of every file, previous release, change summary,
 * endorsements) and the new release log. Throws `SopkitError` (exit 1) when the release
 * must not happen: a bad version or date, a version that exists or is not greater than
 * the latest release. The model must have been loaded from the same sources.
 */
export function planRelease(model: SopModel, state: ReleasesState, options: ReleaseOptions): ReleasePlan {
  const { version, date } = options;
  if (!isVersion(version)) refuse('release-version', notAVersion(version), 'Use MAJOR.MINOR, e.g. `sopkit release 1.1`.');
  if (!isIsoDate(date)) refuse('release-date', `"${date}" is not a date written YYYY-MM-DD`, 'Pass e.g. --date 2026-11-25, or leave --date out to use today.');
  const existing = state.releases.find((r) => r.version === version);
  if (existing) {
    refuse('release-exists', `release ${version} already exists in releases/${version}/ and a released version is never rewritten`, `Nothing was changed. Release the next version instead, e.g. \`sopkit release ${nextVersion(version)}\`.`, `releases/${version}`);
  }
  const versions = sortVersions(state.releases.map((r) => r.version));
  const latest = versions[versions.length - 1];
  if (latest && compareVersions(version, latest) <= 0) {
    refuse('release-version-order', `version ${version} is not greater than the latest release ${latest}`, `Nothing was changed. Versions only go up: release ${nextVersion(latest)} or a later one.`, `releases/${latest}`);
  }

  const blocking = state.diagnostics.filter((d) => d.severity === 'error');
  if (blocking.length) throw new SopkitError(blocking, 1);
  const warnings: Diagnostic[] = [...state.diagnostics];
  const previous = state.previous && state.previous.label === latest ? state.previous : undefined;
  if (latest && !previous) {
    warnings.push(diagnostic('release-previous-unreadable', 'warning', `release ${latest} could not be read back, so the change summary lists every file as added`, { file: `releases/${latest}` }, 'Check releases/' + latest + '/ against its release.json; never edit frozen releases.'));
  }
  const prevDate = previous?.model.manifest.date;
  if (prevDate && date < prevDate) {
    warnings.push(diagnostic('release-date-order', 'warning', `the release date ${date} is earlier than the date of release ${latest} (${prevDate})`, undefined, 'Check --date.'));
  }

  const files: PlannedFile[] = state.sources.map((f: SourceFile) => {
    const bytes = f.path === 'sop.yaml' ? new TextEncoder().encode(setVersionAndDate(new TextDecoder().decode(f.bytes), version, date)) : f.bytes;
    return { path: f.path, bytes, sha256: sha256(bytes) };
  });
  const entries: FrozenFileEntry[] = files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes.length }));

  const frozenManifest = { ...model.manifest, version, date };
  const current: Snapshot = { label: version, model: { ...model, manifest: frozenManifest }, hashes: Object.fromEntries(files.map((f) => [f.path, f.sha256])) };
  const base = previous ?? emptySnapshot(current.model);
  const comparison = compareSnapshots(base, current);
  const prevEntries: FrozenFileEntry[] = previous ? Object.entries(previous.hashes).map(([path, h]) => ({ path, sha256: h, bytes: 0 })) : [];
  const changes = summarizeChanges(comparison, prevEntries, entries);
  const endorsements = endorsementStatus(frozenManifest);
  const ahead = endorsements.filter((x) => x.status === 'ahead');
  if (ahead.length) {
    const list = ahead.map((e) => `${e.agency} (${e.version})`).join(', ');
    warnings.push(diagnostic('endorsement-ahead', 'warning', `${ahead.length} endorsement${ahead.length === 1 ? ' names a version' : 's name versions'} later than this release ${version}: ${list}`, { file: 'sop.yaml' }, 'The release log records them as they are; check the endorsement versions in sop.yaml.'));
  }

  const manifest: ReleaseManifest = {
    format: RELEASE_FORMAT,
    version,
    date,
    previous: latest ?? null,
    title: model.manifest.title,
    languages: model.manifest.languages,
    summary: summaryLine(changes, latest ?? null),
    changes,
    endorsements,
    files: entries,
  };
  const releaseJson = new TextEncoder().encode(serializeManifest(manifest));
  files.push({ path: 'release.json', bytes: releaseJson, sha256: sha256(releaseJson) });

  // Releases that exist but are missing from the log (an interrupted run) are logged now.
  const unlogged = state.releases.filter((r) => r.manifest).map((r) => r.manifest!);
  const log = appendToLog(state.logText, [...unlogged, manifest]);

  return {
    root: model.root,
    version,
    date,
    previous: latest ?? null,
    target: `releases/${version}`,
    files,
    manifest,
    log: { path: LOG_FILE, text: log.text, added: log.added },
    staleStaging: state.staleStaging,
    comparison,
    warnings,
  };
}

/** The next minor version: 1.9 → 1.10. */
export function nextVersion(v: string): string {
  const [a = '0', b = '0'] = v.split('.');
  return `${a}.${Number(b) + 1}`;
}
