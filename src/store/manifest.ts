import type { Diagnostic } from '../diag/index.js';
import type { Localized } from '../model/index.js';
import type { SourceFile } from './sources.js';
import type { Snapshot } from './snapshot.js';

/**
 * Where an agency stands for the manifest's version:
 * - `current`: endorsed this version;
 * - `older`: endorsed an earlier version (`version` says which) — dissemination may go
 *   on while signatures are collected (R6), so this never blocks anything;
 * - `none`: has not endorsed any version;
 * - `ahead`: the endorsement names a later version than the manifest's (a typo, or a
 *   release of an older version): reported so a person looks at it.
 */
export type EndorsementState = 'current' | 'older' | 'none' | 'ahead';

export interface AgencyEndorsement {
  agency: string;
  name: Localized;
  signatory?: string;
  status: EndorsementState;
  /** The version the agency endorsed, when it endorsed one. */
  version?: string;
  date?: string;
}

/** Identifies the format of release.json, so later sopkit versions can read old releases. */
export const RELEASE_FORMAT = 'sopkit-release/1';

export interface FrozenFileEntry {
  /** Path inside the release folder (= path in the SOP folder), `/`-separated. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface UnitListChanges {
  added: string[];
  removed: string[];
  changed: string[];
  renamed: { component: string; from: string; to: string }[];
  moved: { from: string; to: string; file: string }[];
}

/** What changed against the previous release, by component and language and by data item. */
export interface ReleaseChanges {
  /** Sections per language (component ids, or file names of sections without one). */
  components: Record<string, UnitListChanges>;
  /** Markdown annexes per language (`annex-N`), plus PDF annexes under the key `pdf`. */
  annexes: Record<string, UnitListChanges>;
  data: {
    added: string[];
    removed: string[];
    changed: { file: string; items: string[] }[];
  };
  /** Changed items of sop.yaml other than version and date (e.g. `agencies[unfpa]`, `review`). */
  manifest: string[];
  /** Every file whose bytes changed (the exhaustive list the above is derived from). */
  files: { added: string[]; removed: string[]; changed: string[] };
}

/** Content of `releases/VERSION/release.json`. */
export interface ReleaseManifest {
  format: typeof RELEASE_FORMAT;
  version: string;
  date: string;
  previous: string | null;
  title: Record<string, string>;
  languages: string[];
  /** One-line summary, also written to the release log. */
  summary: string;
  changes: ReleaseChanges;
  endorsements: AgencyEndorsement[];
  /** Every frozen file except release.json itself, sorted by path. */
  files: FrozenFileEntry[];
}

/** An existing release folder under releases/. */
export interface ExistingRelease {
  version: string;
  /** Parsed release.json; undefined when missing or unreadable (then `problem` says why). */
  manifest?: ReleaseManifest;
  problem?: string;
}

/**
 * Everything `planRelease` needs from disk, read beforehand by `readReleasesState` so
 * the plan itself is pure: the existing releases, the release log, the previous
 * release as a snapshot, the bytes of the sources to freeze, leftovers of crashed runs.
 */
export interface ReleasesState {
  releases: ExistingRelease[];
  /** Text of releases/log.yaml, or undefined when there is none yet. */
  logText?: string;
  /** The latest release as a snapshot (for the change summary), when there is one. */
  previous?: Snapshot;
  /** sop.yaml and every file under sections/, annexes/, data/, profiles/. */
  sources: SourceFile[];
  /** Staging folders left by interrupted releases (names inside releases/). */
  staleStaging: string[];
  /** Problems found while reading (e.g. a frozen file changed after its release). */
  diagnostics: Diagnostic[];
}
