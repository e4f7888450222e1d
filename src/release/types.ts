import type { Diagnostic } from '../diag/index.js';
import type { Comparison } from '../diff/compare.js';
import type { ReleaseManifest } from '../store/index.js';

export interface PlannedFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Everything one release will write; computed purely, written by `applyRelease`. */
export interface ReleasePlan {
  /** Absolute SOP folder (never written into any file). */
  root: string;
  version: string;
  date: string;
  previous: string | null;
  /** `releases/VERSION`, relative to the SOP folder. */
  target: string;
  /** Frozen files (sop.yaml with this release's version and date), then release.json last. */
  files: PlannedFile[];
  manifest: ReleaseManifest;
  /** New text of releases/log.yaml. */
  log: { path: string; text: string; added: string[] };
  staleStaging: string[];
  comparison?: Comparison;
  warnings: Diagnostic[];
}
