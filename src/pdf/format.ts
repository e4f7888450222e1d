/** How numbers and colours are written in a content stream (shared by text and shapes). */
import type { Rgb } from '../text/index.js';

export function num(n: number): string {
  // Fast path: whole numbers (font sizes, most coordinates of rules and boxes) print as is.
  if (Number.isInteger(n)) return n === 0 ? '0' : String(n);
  if (Math.abs(n) < 0.0005) return '0';
  return String(Math.round(n * 1000) / 1000);
}

// Colours are shared theme arrays: format each once (a page has thousands of runs).
const colorCache = { rg: new WeakMap<Rgb, string>(), RG: new WeakMap<Rgb, string>() };

export function color(c: Rgb, op: 'rg' | 'RG'): string {
  const cache = colorCache[op];
  let s = cache.get(c);
  if (s === undefined) {
    s = `${num(c[0])} ${num(c[1])} ${num(c[2])} ${op}`;
    cache.set(c, s);
  }
  return s;
}

