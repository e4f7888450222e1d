/** Each part of a version has at most this many digits (the schema's `version` says the same). */
export const MAX_VERSION_PART_DIGITS = 6;

/**
 * A release version is "MAJOR.MINOR" (the schema's pattern for `version`), e.g. "2.1",
 * each part a whole number of at most 6 digits without leading zeros: 999999.999999 at
 * most, so a typo such as 99999999999999999999.1 is refused instead of blocking every
 * later release.
 */
export const VERSION_PATTERN = /^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$/;

export function isVersion(v: string): boolean {
  return VERSION_PATTERN.test(v);
}

/** The refusal message for a string that is not a version (long input shortened). */
export function notAVersion(v: string): string {
  const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return `"${shown}" is not a release version: a version is MAJOR.MINOR, each part a whole number of at most ${MAX_VERSION_PART_DIGITS} digits (e.g. 2.1)`;
}

/**
 * Compares two "X.Y" versions numerically (so 1.10 > 1.9, which a string compare gets
 * wrong). Negative when a < b, 0 when equal, positive when a > b.
 */
export function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** Versions sorted oldest first. */
export function sortVersions(list: Iterable<string>): string[] {
  return [...list].sort(compareVersions);
}

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(d: string): boolean {
  if (!DATE_PATTERN.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}
