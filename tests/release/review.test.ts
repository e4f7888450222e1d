import { describe, expect, it } from 'vitest';
import { planReview, type ReviewInput } from '../../src/release/index.js';
import { SopkitError } from '../../src/diag/index.js';

const SOP = `# yaml-language-server: $schema=../schemas/sop.schema.json
title:
  ar: إجراءات
  en: Test SOP # the English title
version: "1.0"
languages: [ar, en]
review:
  last: 2026-10-15 # last workshop
  interval_months: 6
  history:
    - date: 2026-04-14
      objectives_met: true
    - date: 2026-10-15
      objectives_met: true
agencies: []
`;

const input: ReviewInput = { date: '2026-11-20', objectivesMet: true, contextChanged: false, impractical: true, consultations: 'Workshop: 12 focal points' };

describe('planReview', () => {
  it('appends the record, moves review.last and keeps every other line, comments included', () => {
    const { text, lastBefore, lastAfter } = planReview(SOP, input);
    expect([lastBefore, lastAfter]).toEqual(['2026-10-15', '2026-11-20']);
    const lines = text.split('\n');
    const old = SOP.split('\n');
    expect(old.filter((l) => !lines.includes(l))).toEqual(['  last: 2026-10-15 # last workshop']);
    expect(lines).toContain('  last: 2026-11-20 # last workshop');
    expect(text).toContain(`    - date: 2026-10-15
      objectives_met: true
    - date: 2026-11-20
      objectives_met: true
      context_changed: false
      impractical_procedures: true
      consultations: "Workshop: 12 focal points"
agencies: []`);
  });

  it('keeps the history in date order and never moves review.last back', () => {
    const { text, lastAfter } = planReview(SOP, { ...input, date: '2026-07-01' });
    expect(lastAfter).toBe('2026-10-15');
    expect(text.indexOf('2026-04-14')).toBeLessThan(text.indexOf('2026-07-01'));
    expect(text.indexOf('- date: 2026-07-01')).toBeLessThan(text.indexOf('- date: 2026-10-15'));
  });

  it('creates review.history when there is none', () => {
    const { text } = planReview('title: { en: T }\nreview:\n  last: 2026-01-01\n', input);
    expect(text).toContain('review:\n  last: 2026-11-20\n  history:\n    - date: 2026-11-20');
  });

  it('refuses a second review on the same date, pointing at the recorded one', () => {
    try {
      planReview(SOP, { ...input, date: '2026-10-15' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SopkitError);
      const err = e as SopkitError;
      expect(err.exitCode).toBe(1);
      expect(err.diagnostic).toMatchObject({ rule: 'review-exists', file: 'sop.yaml', line: 13 });
    }
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => planReview(SOP, { ...input, date: '20/11/2026' })).toThrow(/not a date/);
  });
});

describe('recordReview (writes sop.yaml)', () => {
  it('records the review so the SOP still loads, with the new history entry and review.last', async () => {
    const { recordReview } = await import('../../src/release/index.js');
    const { loadSop } = await import('../../src/model/index.js');
    const { baseFiles, synced, writeFixture } = await import('../check/fixture.js');
    const dir = await writeFixture(synced(baseFiles()));
    await recordReview(dir, input);
    const { model, diagnostics } = await loadSop(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.manifest.review.last).toBe('2026-11-20');
    expect(model.manifest.review.history).toEqual([{ date: '2026-11-20', objectives_met: true, context_changed: false, impractical_procedures: true, consultations: 'Workshop: 12 focal points' }]);
  });

  it('writes nothing when the result would break the schema', async () => {
    const { recordReview } = await import('../../src/release/index.js');
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { baseFiles, synced, writeFixture } = await import('../check/fixture.js');
    const files = synced(baseFiles());
    // interval_months: 0 is already outside the schema, so any rewrite would be invalid.
    files['sop.yaml'] = (files['sop.yaml'] as string).replace('interval_months: 6', 'interval_months: 0');
    const dir = await writeFixture(files);
    await expect(recordReview(dir, input)).rejects.toThrow(/would leave sop.yaml invalid/);
    expect(await readFile(path.join(dir, 'sop.yaml'), 'utf8')).toBe(files['sop.yaml']);
  });
});
