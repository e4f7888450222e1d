import { afterAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { composePosters } from '../../src/posters/build.js';
import { levelSwatch } from '../../src/posters/pattern.js';
import type { FrameItem, PageFrame, PathItem, Point } from '../../src/frame/types.js';
import { copyExample } from './fixture.js';
import { removeCopies } from './fixture.js';

afterAll(removeCopies);

const composed = (async () => {
  const { model } = await loadSop(await copyExample());
  return composePosters(model);
})();

async function scene(file: string) {
  const { scenes } = await composed;
  const s = scenes.find((x) => x.file === file);
  if (!s) throw new Error(`no ${file} among ${scenes.map((x) => x.file).join(', ')}`);
  return s.scene;
}

/** The corners of a closed path of straight segments, on the page (undefined when it is not one). */
function corners(i: PathItem): Point[] | undefined {
  if (i.segments[i.segments.length - 1]?.op !== 'close') return undefined;
  const pts: Point[] = [];
  for (const s of i.segments.slice(0, -1)) {
    if (s.op !== 'move' && s.op !== 'line') return undefined;
    pts.push({ x: i.x + s.x, y: i.y + s.y });
  }
  return pts;
}

/** Filled black triangles: arrowheads. Returns [tip, base centre]. */
function arrowheads(page: PageFrame): Array<{ tip: Point; base: Point }> {
  return page.items
    .filter((i): i is PathItem => i.kind === 'path' && corners(i)?.length === 3 && i.fill?.join() === '0,0,0')
    .map((i) => corners(i)!)
    .map((p) => ({ tip: p[0]!, base: { x: (p[1]!.x + p[2]!.x) / 2, y: (p[1]!.y + p[2]!.y) / 2 } }));
}

describe('reading direction', () => {
  it('pathway arrows point right in English and left in Arabic', async () => {
    // Every page: the two languages may need a different number of pages.
    const across = async (f: string) => (await scene(f)).pages.flatMap(arrowheads).filter((a) => Math.abs(a.tip.y - a.base.y) < 0.01);
    const en = await across('pathways-a3-en.pdf');
    const ar = await across('pathways-a3-ar.pdf');
    expect(en.length).toBeGreaterThan(2);
    expect(ar.length).toBe(en.length);
    expect(en.every((a) => a.tip.x > a.base.x)).toBe(true);
    expect(ar.every((a) => a.tip.x < a.base.x)).toBe(true);
  });

  it('the Arabic eligibility flow is the English one mirrored (branches swap sides)', async () => {
    const centre = (p: PageFrame) => {
      const xs = arrowheads(p).map((a) => a.tip.x);
      return xs.reduce((s, x) => s + x, 0) / xs.length / p.width;
    };
    const en = (await scene('eligibility-a2-en.pdf')).pages[0]!;
    const ar = (await scene('eligibility-a2-ar.pdf')).pages[0]!;
    expect(arrowheads(ar).length).toBe(arrowheads(en).length);
    // The flow's mass sits on opposite sides of the page centre line.
    expect(Math.sign(centre(en) - 0.5)).toBe(-Math.sign(centre(ar) - 0.5));
  });

  it('bilingual posters put Arabic on the right half', async () => {
    const page = (await scene('prioritisation-a2-bilingual.pdf')).pages[0]!;
    const texts = page.items.filter((i): i is Extract<FrameItem, { kind: 'lines' }> => i.kind === 'lines');
    const arabicX = texts.filter((t) => t.lines.some((l) => l.runs.some((r) => r.face.role === 'arabic'))).map((t) => t.x);
    const latinOnlyX = texts.filter((t) => t.lines.every((l) => l.runs.every((r) => r.face.role === 'latin'))).map((t) => t.x);
    expect(Math.min(...arabicX)).toBeGreaterThan(page.width / 2 - 1);
    expect(latinOnlyX.filter((x) => x < page.width / 2).length).toBeGreaterThan(latinOnlyX.length / 2);
  });
});

describe('every page is stamped', () => {
  it('carries text in its top 15 % on every page of every file', async () => {
    const { scenes } = await composed;
    for (const { file, scene: s } of scenes) {
      for (const p of s.pages) {
        const top = p.items.some((i) => i.kind === 'lines' && i.y < p.height * 0.15 && i.lines.length > 0);
        expect(top, file).toBe(true);
      }
    }
  });
});

describe('risk-level swatches survive black and white', () => {
  const box = { x: 0, y: 0, w: 20, h: 100 };
  const lines = (items: FrameItem[]) => items.filter((i) => i.kind === 'path').length;
  it('each rank has its own pattern density, and the pattern contrasts with the fill', () => {
    const counts = [0, 1, 2, 3].map((r) => lines(levelSwatch(box, r, [0.8, 0.1, 0.1], 14)));
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThan(counts[2]!);
    expect(counts[2]).toBeGreaterThan(0);
    expect(counts[3]).toBe(0);
    const dark = levelSwatch(box, 1, [0.2, 0.2, 0.2], 14).find((i) => i.kind === 'path');
    const light = levelSwatch(box, 1, [0.9, 0.9, 0.9], 14).find((i) => i.kind === 'path');
    expect(dark && 'stroke' in dark ? dark.stroke : undefined).toEqual([1, 1, 1]);
    expect(light && 'stroke' in light ? light.stroke : undefined).toEqual([0, 0, 0]);
  });
});
