import { isSeq, parseDocument, YAMLSeq } from '../vendor/yaml.js';
import type { ReleaseManifest } from './manifest.js';
import { compareVersions } from './version.js';

export const LOG_FILE = 'releases/log.yaml';

const HEADER = '# Release log of this SOP, written by `sopkit release` (one entry per release, oldest\n# first). Comments you add are kept; the entries themselves are copies of each\n# release.json and are not read back.\n';

/** The entry of one release in the log: what a focal point wants to read at a glance. */
export function logEntry(m: ReleaseManifest): Record<string, unknown> {
  const group = (s: string) => m.endorsements.filter((e) => e.status === s);
  return {
    version: m.version,
    date: m.date,
    previous: m.previous,
    summary: m.summary,
    endorsements: {
      current: group('current').map((e) => e.agency),
      older: group('older').map((e) => ({ agency: e.agency, version: e.version })),
      none: group('none').map((e) => e.agency),
      ...(group('ahead').length ? { ahead: group('ahead').map((e) => ({ agency: e.agency, version: e.version })) } : {}),
    },
  };
}

/** Versions already listed in a log text (unreadable logs list none). */
export function loggedVersions(text: string | undefined): Set<string> {
  if (!text) return new Set();
  const doc = parseDocument(text);
  const list = doc.toJS()?.releases;
  return new Set(Array.isArray(list) ? list.map((e: { version?: unknown }) => String(e?.version)) : []);
}

/**
 * The log text with entries for `manifests` appended, in version order (comments and
 * formatting of the existing text kept). Pure. Appending a version the log already
 * lists is skipped, so a release interrupted between its rename and the log write is
 * logged by the next release.
 */
export function appendToLog(text: string | undefined, manifests: readonly ReleaseManifest[]): { text: string; added: string[] } {
  const doc = text && text.trim() ? parseDocument(text) : parseDocument(`${HEADER}releases: []\n`);
  const seen = loggedVersions(doc.toString());
  let seq = doc.get('releases');
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set('releases', seq);
  }
  const added: string[] = [];
  for (const m of [...manifests].sort((a, b) => compareVersions(a.version, b.version))) {
    if (seen.has(m.version)) continue;
    (seq as YAMLSeq).add(doc.createNode(logEntry(m)));
    added.push(m.version);
  }
  // An empty flow list `[]` would stay on one line; block style reads better once filled.
  if ((seq as YAMLSeq).items.length) (seq as YAMLSeq).flow = false;
  return { text: doc.toString({ lineWidth: 0 }), added };
}
