import type { Manifest } from '../model/index.js';
import { compareVersions, type AgencyEndorsement } from '../store/index.js';


/**
 * Endorsement status of every agency against `manifest.version`, in the manifest's
 * agency order. Pure; used by the signature page, the site and the release log.
 */
export function endorsementStatus(manifest: Pick<Manifest, 'version' | 'agencies'>): AgencyEndorsement[] {
  return manifest.agencies.map((a) => {
    const e = a.endorsement;
    const base: AgencyEndorsement = { agency: a.id, name: a.name, status: 'none' };
    if (a.signatory?.name) base.signatory = a.signatory.name;
    if (!e) return base;
    const cmp = compareVersions(e.version, manifest.version);
    return { ...base, status: cmp === 0 ? 'current' : cmp < 0 ? 'older' : 'ahead', version: e.version, date: e.date };
  });
}

/** "6 of 9 agencies endorsed 1.1; older: unfpa (2.0); not endorsed: nour-health". */
export function describeEndorsements(list: readonly AgencyEndorsement[], version: string): string {
  const current = list.filter((a) => a.status === 'current');
  const parts = [`${current.length} of ${list.length} agencies endorsed ${version}`];
  const older = list.filter((a) => a.status === 'older');
  if (older.length) parts.push(`endorsed an older version: ${older.map((a) => `${a.agency} (${a.version})`).join(', ')}`);
  const ahead = list.filter((a) => a.status === 'ahead');
  if (ahead.length) parts.push(`endorsement names a later version: ${ahead.map((a) => `${a.agency} (${a.version})`).join(', ')}`);
  const none = list.filter((a) => a.status === 'none');
  if (none.length) parts.push(`not endorsed: ${none.map((a) => a.agency).join(', ')}`);
  return parts.join('; ');
}
