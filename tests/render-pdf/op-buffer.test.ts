import { describe, expect, it } from 'vitest';
import { OpBuffer } from '../../src/pdf/op-buffer.js';
import { num } from '../../src/pdf/draw.js';

const text = (b: OpBuffer) => Buffer.from(b.bytes()).toString('latin1');

describe('OpBuffer', () => {
  it('writes numbers exactly as num() formats them (the page bytes must not change)', () => {
    const values = [0, -0, 1, -1, 0.0004, -0.0004, 0.0005, -0.0005, 0.001, -0.001, 0.1, 0.12, 0.125, 0.9995, -0.9995,
      200.394, 801.89, -36.018, 1e6 + 0.5, 123456789.0126, 2 ** 31 + 0.25, 1e12, 1e15, 1e16, 1e21, 3e21, 5e-7, NaN, Infinity, -Infinity];
    // Deterministic spread of coordinates, adjustments and rises.
    let seed = 7;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const r = seed / 2147483648;
      values.push((r - 0.5) * (i % 3 === 0 ? 2 : i % 3 === 1 ? 2000 : 2e7));
    }
    for (const v of values) {
      const b = new OpBuffer();
      b.num(v);
      expect(text(b), String(v)).toBe(num(v));
    }
  });

  it('writes whole numbers as String() does and codes as <XXXX>', () => {
    const b = new OpBuffer();
    for (const v of [0, -0, 7, -7, 10, 100, -1234, 65535, 2 ** 40, -(2 ** 53)]) {
      b.int(v);
      b.byte(32);
    }
    b.hex4(0x0627);
    b.hex4(0xe00b);
    expect(text(b)).toBe(`0 0 7 -7 10 100 -1234 65535 ${2 ** 40} ${-(2 ** 53)} <0627><E00B>`);
  });

  it('grows past its first 64 KB and keeps what was written', () => {
    const b = new OpBuffer();
    const line = 'q 1 0 0 1 715 -31 cm /GF1_322 Do Q\n';
    for (let i = 0; i < 5000; i++) b.str(line);
    expect(b.len).toBe(line.length * 5000);
    expect(text(b)).toBe(line.repeat(5000));
  });
});
