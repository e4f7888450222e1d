import type { SopModel } from '../model/index.js';

/** One version of an SOP as the diff sees it: the loaded model plus a hash of every file. */
export interface Snapshot {
  /** `draft` or a release version such as `1.1`. */
  label: string;
  model: SopModel;
  /** sha256 (hex) of every file of the version, by relative path. */
  hashes: Record<string, string>;
}
