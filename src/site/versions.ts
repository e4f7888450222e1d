import type { SopModel } from '../model/types.js';

/** One version of the SOP on the site (today the current one; released ones come from `releases/`). */
export interface SiteVersion {
  version: string;
  date: string;
  status: 'draft' | 'final';
  model: SopModel;
}

function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/**
 * Newest first; the first model given wins when two share a version number (the working
 * copy over a frozen release of the same number).
 */
export function orderVersions(models: SopModel[]): SiteVersion[] {
  const seen = new Map<string, SiteVersion>();
  for (const model of models) {
    const m = model.manifest;
    if (!seen.has(m.version)) seen.set(m.version, { version: m.version, date: m.date, status: m.status, model });
  }
  return [...seen.values()].sort((a, b) => compareVersions(b.version, a.version));
}
