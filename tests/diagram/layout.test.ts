import { describe, expect, test } from 'vitest';
import { caseStepsGraph, eligibilityGraph, layoutGraph, mainPath, measureText, wrapText, type GraphSpec } from '../../src/diagram/index.js';

const chain: GraphSpec = {
  flow: 'across',
  nodes: [
    { id: 'a', kind: 'step', label: 'Identification and registration' },
    { id: 'b', kind: 'step', label: 'Assessment' },
    { id: 'c', kind: 'step', label: 'Case planning' },
  ],
  edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
};

const decision: GraphSpec = {
  flow: 'down',
  nodes: [
    { id: 'q', kind: 'decision', label: 'Is the person under 18?' },
    { id: 'yes', kind: 'action', label: 'Continue' },
    { id: 'no', kind: 'outcome', label: 'Refer to adult services' },
  ],
  edges: [{ from: 'q', to: 'yes', label: 'Yes' }, { from: 'q', to: 'no', label: 'No' }],
};

const node = (d: Awaited<ReturnType<typeof layoutGraph>>, id: string) => d.nodes.find((n) => n.id === id)!;

describe('measure', () => {
  test('wider text measures wider; Arabic tashkeel adds no width', () => {
    expect(measureText('Assessment', 14)).toBeGreaterThan(measureText('Plan', 14));
    expect(measureText('تَقْيِيم', 14)).toBe(measureText('تقييم', 14));
  });
  test('wraps at the width and keeps every word', () => {
    const lines = wrapText('one two three four five six seven eight', 60, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven eight');
    for (const l of lines) if (l.includes(' ')) expect(measureText(l, 14)).toBeLessThanOrEqual(60);
  });
});

describe('layoutGraph', () => {
  test('an across flow reads left to right in LTR and right to left in RTL', async () => {
    const ltr = await layoutGraph(chain, { rtl: false });
    const rtl = await layoutGraph(chain, { rtl: true });
    expect(node(ltr, 'a').x).toBeLessThan(node(ltr, 'b').x);
    expect(node(ltr, 'b').x).toBeLessThan(node(ltr, 'c').x);
    expect(node(rtl, 'a').x).toBeGreaterThan(node(rtl, 'b').x);
    expect(node(rtl, 'b').x).toBeGreaterThan(node(rtl, 'c').x);
    expect(rtl.rtl).toBe(true);
  });

  test('nodes stay inside the drawing and do not overlap', async () => {
    for (const spec of [chain, decision]) {
      const d = await layoutGraph(spec, { rtl: true });
      for (const n of d.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width).toBeLessThanOrEqual(d.width + 0.5);
        expect(n.y + n.height).toBeLessThanOrEqual(d.height + 0.5);
      }
      for (const a of d.nodes) for (const b of d.nodes) if (a !== b) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  test('a down flow puts the question above its answers, edges end at their targets, labels kept', async () => {
    const d = await layoutGraph(decision, { rtl: false });
    expect(node(d, 'q').y).toBeLessThan(node(d, 'yes').y);
    const e = d.edges.find((x) => x.to === 'no')!;
    const tip = e.points[e.points.length - 1]!;
    const target = node(d, 'no');
    expect(tip.y).toBeCloseTo(target.y, 0);
    expect(tip.x).toBeGreaterThanOrEqual(target.x);
    expect(tip.x).toBeLessThanOrEqual(target.x + target.width);
    expect(e.label?.lines.join(' ')).toBe('No');
  });

  test('is deterministic', async () => {
    expect(JSON.stringify(await layoutGraph(decision, { rtl: true }))).toBe(JSON.stringify(await layoutGraph(decision, { rtl: true })));
  });
});

describe('from data', () => {
  test('eligibility flow keeps node kinds and picks the language, falling back when missing', () => {
    const g = eligibilityGraph({
      flow: {
        nodes: [{ id: 's', type: 'start', label: { ar: 'ابدأ', en: 'Start' } }, { id: 'o', type: 'outcome', label: { en: 'Done' } }],
        edges: [{ from: 's', to: 'o', label: { ar: 'نعم', en: 'Yes' } }, { from: 's', to: 'ghost' }],
      },
    }, 'ar');
    expect(g.nodes.map((n) => [n.kind, n.label])).toEqual([['start', 'ابدأ'], ['outcome', 'Done']]);
    expect(g.edges).toEqual([{ from: 's', to: 'o', label: 'نعم' }]);
  });

  test('case steps chain in order unless `next` says otherwise', () => {
    const g = caseStepsGraph({
      steps: [
        { id: 'a', title: { en: 'A' } }, { id: 'b', title: { en: 'B' }, timeline: { en: '3 days' }, next: ['c', 'a'] }, { id: 'c', title: { en: 'C' } },
      ],
    }, 'en');
    expect(g.edges).toEqual([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'b', to: 'a' }]);
    expect(g.nodes[1]!.note).toBe('3 days');
  });
});

describe('main path of a decision tree (trunkToStart)', () => {
  // The example's eligibility flow: the main path runs through every decision to "eligible".
  const eligibility = async () => {
    const { loadSop } = await import('../../src/model/index.js');
    const { model } = await loadSop('sop-sources');
    return model.data.eligibility!.value as Parameters<typeof eligibilityGraph>[0];
  };
  const centre = (n: { x: number; width: number }) => n.x + n.width / 2;
  const trunkSide = (d: Awaited<ReturnType<typeof layoutGraph>>, trunk: string[]) => {
    const on = new Set(trunk);
    const mean = (ns: typeof d.nodes) => ns.reduce((a, n) => a + centre(n), 0) / ns.length;
    return mean(d.nodes.filter((n) => on.has(n.id))) - mean(d.nodes);
  };

  test('the main path goes through every decision to the eligible outcome', async () => {
    const spec = eligibilityGraph(await eligibility(), 'en');
    const trunk = mainPath(spec);
    expect(trunk[0]).toBe('start');
    expect(trunk.at(-1)).toBe('outcome-eligible');
    expect(trunk.filter((id) => spec.nodes.find((n) => n.id === id)!.kind === 'decision')).toHaveLength(6);
  });

  test('left to right: main path on the left, branches to the right; right to left: mirrored', async () => {
    const data = await eligibility();
    const en = eligibilityGraph(data, 'en');
    const ar = eligibilityGraph(data, 'ar');
    const dEn = await layoutGraph(en, { trunkToStart: true });
    const dAr = await layoutGraph(ar, { rtl: true, trunkToStart: true });
    expect(trunkSide(dEn, mainPath(en))).toBeLessThan(0);
    expect(trunkSide(dAr, mainPath(ar))).toBeGreaterThan(0);
    // Each "No" branch of a main-path decision leaves toward the end side.
    const branch = (d: typeof dEn, from: string, to: string) => centre(node(d, to)) - centre(node(d, from));
    expect(branch(dEn, 'is-child', 'refer-adult')).toBeGreaterThan(0);
    expect(branch(dAr, 'is-child', 'refer-adult')).toBeLessThan(0);
  });

  test('without the option the layout is unchanged (posters keep theirs)', async () => {
    const a = await layoutGraph(decision, {});
    const b = await layoutGraph(decision, { trunkToStart: false });
    expect(b).toEqual(a);
  });
});
