import { createHash } from 'node:crypto';

/**
 * Fingerprint of a section's text, recorded in a translation's front-matter
 * (`source_fingerprint`) when it is synced. Whitespace at line ends and blank lines at
 * the ends are ignored so an editor's reformatting does not make translations stale.
 */
export function fingerprintText(body: string): string {
  const normalized = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .trim();
  return `sha256-${createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 16)}`;
}
