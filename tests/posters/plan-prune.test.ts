// planFlowchart skips the ELK runs of a candidate once its laid-out parts cap its scale
// where it cannot win (`canBeat`): the skip must agree with the order itself (`betterPlan`).
import { describe, expect, it } from 'vitest';
import { betterPlan, canBeat } from '../../src/posters/flowchart.js';

describe('pruning the flowchart plan search', () => {
  it('canBeat is true exactly when some scale up to the cap would be betterPlan', () => {
    const need = 1;
    const scales = [0.5, 0.8, 0.95, 1, 1 + 5e-7, 1.2, 1.5, 2, Infinity];
    const grid = Array.from({ length: 401 }, (_, i) => i / 100);
    for (const here of scales.filter(Number.isFinite).flatMap((scale) => [0, 2, 4].map((connectors) => ({ scale, connectors })))) {
      for (const cap of scales) {
        for (const connectors of [0, 2, 4]) {
          const some = [...grid.filter((a) => a <= cap), ...(Number.isFinite(cap) ? [cap] : [])].some((scale) => betterPlan({ scale, connectors }, here, need));
          expect(canBeat(cap, connectors, here, need), `cap ${cap}, ${connectors} connectors, here ${JSON.stringify(here)}`).toBe(some);
        }
      }
    }
  });

  it('a plan that holds the minimum with fewer connectors is never beaten by more connectors', () => {
    expect(canBeat(Infinity, 4, { scale: 1.1, connectors: 2 }, 1)).toBe(false);
    expect(canBeat(Infinity, 2, { scale: 1.1, connectors: 4 }, 1)).toBe(true);
  });
});
