/**
 * `collectGarbage` (src/collect-garbage.ts) runs a real full collection, also in a process
 * not started with --expose-gc (as vitest's workers are not): the build relies on it to
 * keep its peak memory down between steps.
 */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more', () => {
    let junk: number[][] | undefined = Array.from({ length: 400 }, (_, i) => Array.from({ length: 10_000 }, (_, k) => i + k + 0.5));
    expect(junk.length).toBe(400);
    const before = getHeapStatistics().used_heap_size;
    junk = undefined;
    collectGarbage(0);
    const after = getHeapStatistics().used_heap_size;
    // ~32 MB of doubles became garbage; a collection frees nearly all of it.
    expect(before - after).toBeGreaterThan(25 * 2 ** 20);
  });
});
