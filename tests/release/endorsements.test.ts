import { describe, expect, it } from 'vitest';
import { describeEndorsements, endorsementStatus } from '../../src/release/index.js';

const agency = (id: string, endorsement?: { version: string; date: string } | null) => ({ id, name: { en: id.toUpperCase(), ar: id }, signatory: { name: `Signatory of ${id}` }, endorsement });

describe('endorsementStatus', () => {
  const manifest = {
    version: '1.10',
    agencies: [agency('dsd', { version: '1.10', date: '2026-11-22' }), agency('unfpa', { version: '1.9', date: '2026-03-10' }), agency('amal', null), agency('irc'), agency('tdh', { version: '2.0', date: '2026-11-24' })],
  };
  it('classifies every agency against the manifest version, in manifest order', () => {
    expect(endorsementStatus(manifest).map((e) => [e.agency, e.status, e.version ?? null])).toEqual([
      ['dsd', 'current', '1.10'],
      ['unfpa', 'older', '1.9'],
      ['amal', 'none', null],
      ['irc', 'none', null],
      ['tdh', 'ahead', '2.0'],
    ]);
  });
  it('keeps the names, signatory and date for the signature page', () => {
    const [dsd] = endorsementStatus(manifest);
    expect(dsd).toEqual({ agency: 'dsd', name: { en: 'DSD', ar: 'dsd' }, signatory: 'Signatory of dsd', status: 'current', version: '1.10', date: '2026-11-22' });
  });
  it('describes the state in one line', () => {
    expect(describeEndorsements(endorsementStatus(manifest), '1.10')).toBe(
      '1 of 5 agencies endorsed 1.10; endorsed an older version: unfpa (1.9); endorsement names a later version: tdh (2.0); not endorsed: amal, irc',
    );
  });
});
