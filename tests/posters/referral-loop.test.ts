/**
 * The coordination manual's referral loop (seed 002, §6-1-2) is a poster of the generic
 * `steps` kind, listed in its profile and drawn from data/referral-loop.yaml: no poster
 * code of its own. Its last-but-one step leads back to referral, and the steps still read
 * top-down in the order they are written.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { composePosters } from '../../src/posters/build.js';
import { caseStepsGraph, layoutGraph } from '../../src/diagram/index.js';
import type { CaseStepsData } from '../../src/document/data-types.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/examples/coordination-manual/', import.meta.url));

describe('the coordination referral loop poster', () => {
  it('is printed from the profile list, in every size and language, with nothing that does not fit', async () => {
    const { model, diagnostics } = await loadSop(EXAMPLE);
    expect(model.profile.posters?.find((p) => p.data === 'referral-loop')?.kind).toBe('steps');
    expect(diagnostics.filter((d) => d.file === 'data/referral-loop.yaml')).toEqual([]);
    const composed = await composePosters(model);
    expect(composed.scenes.map((s) => s.file).filter((f) => f.startsWith('referral-loop-')))
      .toEqual(['referral-loop-a3-ar.pdf', 'referral-loop-a2-ar.pdf', 'referral-loop-a3-en.pdf', 'referral-loop-a2-en.pdf', 'referral-loop-a2-bilingual.pdf']);
    expect(composed.diagnostics.filter((d) => d.file === 'data/referral-loop.yaml')).toEqual([]);
  });

  it('draws the loop back to referral and keeps the written order top-down', async () => {
    const { model } = await loadSop(EXAMPLE);
    const data = model.data['referral-loop']!.value as CaseStepsData;
    const spec = { ...caseStepsGraph(data, 'en'), flow: 'down' as const };
    expect(spec.edges).toContainEqual({ from: 'feedback', to: 'referral' });
    for (const rtl of [false, true]) {
      const d = await layoutGraph(spec, { rtl });
      const ys = data.steps.map((s) => d.nodes.find((n) => n.id === s.id)!.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]!, `${data.steps[i]!.id} below ${data.steps[i - 1]!.id}`).toBeGreaterThan(ys[i - 1]!);
    }
  });
});
