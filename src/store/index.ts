/**
 * The release store: `releases/` of an SOP folder on disk (frozen versions, their
 * release.json, the release log) and the hashed sources a version is made of, read back
 * as snapshots. `diff` and `release` both read it; it imports neither of them.
 */
export * from './snapshot.js';
export * from './manifest.js';
export * from './version.js';
export * from './sources.js';
export * from './state.js';
export * from './log.js';
