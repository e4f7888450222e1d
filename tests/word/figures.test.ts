/**
 * A chart taller than Word's text block is cut into page-sized pictures at the heights
 * where the PDF may cut it (between rows of boxes): greedy, each band as tall as the
 * block allows, a row taller than the block a band of its own.
 */
import { describe, expect, it } from 'vitest';
import { bandsOf } from '../../src/word/export/figures.js';

describe('bandsOf', () => {
  it('keeps a chart that fits in one band', () => {
    expect(bandsOf([0, 100, 250, 400], 600)).toEqual([[0, 400]]);
  });
  it('cuts at the last cut that keeps each band within the height', () => {
    expect(bandsOf([0, 200, 450, 640, 900, 971], 640)).toEqual([[0, 640], [640, 971]]);
    expect(bandsOf([0, 300, 600, 900, 1200], 640)).toEqual([[0, 600], [600, 1200]]);
  });
  it('gives a row taller than the block a band of its own', () => {
    expect(bandsOf([0, 100, 900, 1000], 640)).toEqual([[0, 100], [100, 900], [900, 1000]]);
  });
});
