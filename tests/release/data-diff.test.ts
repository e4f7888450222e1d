import { describe, expect, it } from 'vitest';
import { describeItem, diffData } from '../../src/diff/index.js';

describe('diffData', () => {
  const before = {
    last_verified: '2026-11-01',
    services: [
      { id: 'a', name: { en: 'Clinic' }, hours: { en: '8-16' } },
      { id: 'b', name: { en: 'Shelter' }, hours: { en: '24/7' } },
    ],
    triggers: [{ en: 'one' }, { en: 'two' }, { en: 'three' }],
  };
  it('matches list items by id and reports field changes, new and removed items', () => {
    const after = {
      last_verified: '2026-12-01',
      services: [
        { id: 'b', name: { en: 'Shelter' }, hours: { en: '8-20' } },
        { id: 'c', name: { en: 'Legal aid' } },
      ],
      triggers: before.triggers,
    };
    const items = diffData(before, after);
    expect(items.map((i) => [i.item, i.kind, i.fields.map((f) => f.field)])).toEqual([
      ['', 'changed', ['last_verified']],
      ['services[b]', 'changed', ['hours.en']],
      ['services[c]', 'added', []],
      ['services[a]', 'removed', []],
    ]);
    expect(describeItem(items[1]!)).toBe('services › “b”: hours › en changed from 24/7 to 8-20');
  });
  it('matches lists without ids by position and pairs an edited element as changed', () => {
    const items = diffData(before, { ...before, triggers: [{ en: 'one' }, { en: 'TWO' }, { en: 'three' }, { en: 'four' }] });
    expect(items.map((i) => [i.item, i.kind])).toEqual([
      ['triggers#2', 'changed'],
      ['triggers#4', 'added'],
    ]);
  });
  it('finds nothing when only key order differs, and skips ignored top-level keys', () => {
    expect(diffData({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: 1 })).toEqual([]);
    expect(diffData({ version: '1.0', date: 'x', t: 1 }, { version: '1.1', date: 'y', t: 1 }, ['version', 'date'])).toEqual([]);
  });
});

describe('describing data changes in words', () => {
  it('tells a long text change by its changed words, and names new items', async () => {
    const { describeField } = await import('../../src/diff/index.js');
    const before = 'Immediate action under component 10; first contact with the child within 24 hours.';
    expect(describeField({ field: 'response_time.text.en', kind: 'changed', before, after: before.replace('24', '12') })).toBe('response time › text › en changed: “24” → “12”');
    const [item] = diffData({ services: [] }, { services: [{ id: 'safe-space', name: { en: 'Child-friendly space', ar: 'مساحة صديقة للطفل' } }] });
    expect(describeItem(item!)).toBe('new: services › “safe-space” (Child-friendly space)');
    expect(describeItem(item!, 'ar')).toBe('new: services › “safe-space” (مساحة صديقة للطفل)');
  });
});
