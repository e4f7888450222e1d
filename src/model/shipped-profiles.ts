import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The checklist profiles shipped in templates/profiles/, parsed at build time
 * (src/tooling/shipped-profiles.ts) into lib/model/shipped-profiles.json. Parsing the
 * 6 KB profile YAML was the largest single cost of loading a small SOP: loadProfile takes
 * ~5 ms of CPU with it and ~34 ms without (a cold process, after sop.yaml), ~5 % of
 * `sopkit check --no-layout` on the example. The tests use it too (they run lib/).
 */
export const SHIPPED_PROFILES_FILE = 'shipped-profiles.json';

/** Per profile file (`profiles/<id>.yaml`): the SHA-256 of its text and its value as JSON. */
export type ShippedProfiles = Record<string, { sha256: string; json: string }>;

export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const cache = new Map<string, ShippedProfiles | null>();

/**
 * The parsed value of shipped profile `rel` if it was parsed at build time from exactly
 * `text` (the file as read now), else undefined and the caller parses. A fresh object each
 * call, as parsing would give.
 */
export function shippedProfileValue(rel: string, text: string, file = fileURLToPath(new URL(`./${SHIPPED_PROFILES_FILE}`, import.meta.url))): Record<string, unknown> | undefined {
  let all = cache.get(file);
  if (all === undefined) {
    try {
      all = JSON.parse(readFileSync(file, 'utf8')) as ShippedProfiles;
    } catch {
      all = null;
    }
    cache.set(file, all);
  }
  const entry = all?.[rel];
  if (!entry || entry.sha256 !== textSha256(text)) return undefined;
  return JSON.parse(entry.json) as Record<string, unknown>;
}
