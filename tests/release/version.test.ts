import { describe, expect, it } from 'vitest';
import { compareVersions, isIsoDate, isVersion, nextVersion, sortVersions } from '../../src/release/index.js';

describe('release versions', () => {
  it('compares MAJOR.MINOR numerically, not as strings', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0', '1.99')).toBeGreaterThan(0);
    expect(compareVersions('1.1', '1.1')).toBe(0);
    expect(compareVersions('0.9', '1.0')).toBeLessThan(0);
    expect(sortVersions(['1.10', '1.2', '1.9', '0.1'])).toEqual(['0.1', '1.2', '1.9', '1.10']);
  });
  it('accepts only X.Y versions', () => {
    for (const ok of ['1.0', '2.1', '10.12', '0.1']) expect(isVersion(ok)).toBe(true);
    for (const bad of ['1', '1.0.0', 'v1.0', '01.0', '1.a', '', '1.0 ', '../1.0']) expect(isVersion(bad)).toBe(false);
  });
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-11-25')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('25/11/2026')).toBe(false);
  });
  it('suggests the next minor version', () => {
    expect(nextVersion('1.9')).toBe('1.10');
  });
});
