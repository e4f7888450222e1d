import { describe, expect, it } from 'vitest';
import { baseFiles, check, synced } from './fixture.js';

describe('the base fixture', () => {
  it('is clean under every rule (so each rule test changes one thing)', async () => {
    expect(await check(synced(baseFiles()))).toEqual([]);
  });
});
