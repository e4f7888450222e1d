import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SopModel } from '../model/types.js';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export { engineFingerprint } from '../cache/engine.js';

/** sha256 of `releases/V/release.json`, or null for a model that is not a frozen release. */
export async function releaseHash(model: SopModel): Promise<string | null> {
  try {
    return sha256(await readFile(path.join(model.root, 'release.json')));
  } catch {
    return null;
  }
}

/** Combines the parts of a cache key into one hex digest. */
export function cacheKey(...parts: string[]): string {
  return sha256(parts.join('\n'));
}
