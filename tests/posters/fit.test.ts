// The poster-fit diagnostics on the whole example are in fit-example.test.ts (end-to-end lane).
import { describe, expect, it } from 'vitest';
import { fitText, largestFitting, MIN_SIZE } from '../../src/posters/index.js';

describe('choosing a size that fits', () => {
  it('largestFitting finds the boundary in quarter points and says when nothing fits', () => {
    expect(largestFitting(20, 8, (s) => s <= 13.6)).toBe(13.5);
    expect(largestFitting(20, 8, () => true)).toBe(20);
    expect(largestFitting(20, 8, () => false)).toBeUndefined();
  });

  it('longer text gets a smaller size in the same box, never below the minimum', () => {
    const box = { width: 200, height: 60, max: 24, min: MIN_SIZE.card };
    const short = fitText('Call the duty officer', 'en', box);
    const long = fitText('Call the inter-agency child protection duty officer at any hour of the day or night, then inform your supervisor within one hour', 'en', box);
    expect(short.fits && long.fits).toBe(true);
    expect(long.size).toBeLessThan(short.size);
    expect(long.height).toBeLessThanOrEqual(60);
    const tooLong = fitText('word '.repeat(200), 'en', box);
    expect(tooLong.fits).toBe(false);
    expect(tooLong.size).toBe(MIN_SIZE.card);
  });

  it('Arabic is measured with the shaped glyphs (fits, right-aligned lines)', () => {
    const r = fitText('أمّن سلامة الطفل الفورية وابقَ معه أو مع شخص بالغ موثوق؛ لا تترك الطفل وحده.', 'ar', { width: 150, height: 80, max: 20, min: 8 });
    expect(r.fits).toBe(true);
    expect(r.lines.length).toBeGreaterThan(1);
    // Start-aligned right-to-left text ends at the right edge of the box.
    const first = r.lines[0]!;
    const right = Math.max(...first.runs.map((x) => x.x + x.width));
    expect(right).toBeCloseTo(150, 0);
  });
});
