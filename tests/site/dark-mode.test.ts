import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_MISSING, openExampleSite } from './browser.js';

/**
 * Issue 12: the site follows `prefers-color-scheme: dark`, and dark must stay readable. WCAG
 * 2.x contrast (AA: 4.5:1 for body text) of each element's computed text colour against the
 * background it is painted on: the computed backgrounds of the element and its ancestors,
 * composited (alpha included) from the page down.
 */
const selectors = {
  'body text': 'main .component p',
  'header title': 'header.top .sop-title a',
  'header stamp': 'header.top .stamp',
  'bar: contents button': '.bar .bar-toc',
  'bar: switcher': '.bar .switch summary',
};

async function contrasts(page: Page): Promise<Record<string, { ratio: number; fg: string; bg: string; bgLuminance: number }>> {
  return page.evaluate((sel) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`colour not rgb: ${c}`);
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const ch = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
      return [ch(0), ch(1), ch(2), a];
    };
    const lum = (c: Rgba) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const out: Record<string, { ratio: number; fg: string; bg: string; bgLuminance: number }> = {};
    for (const [name, s] of Object.entries(sel)) {
      const el = document.querySelector(s);
      if (!el) throw new Error(`no element for ${name}: ${s}`);
      const chain: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.push(e);
      // The canvas under <html>: Chromium paints it from the used colour scheme.
      let bg: Rgba = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
      for (const e of chain.reverse()) bg = over(parse(getComputedStyle(e).backgroundColor), bg);
      const fg = over(parse(getComputedStyle(el).color), bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      out[name] = { ratio: (l1! + 0.05) / (l2! + 0.05), fg: fg.map(Math.round).join(','), bg: bg.map(Math.round).join(','), bgLuminance: lum(bg) };
    }
    return out;
  }, selectors);
}

describe.skipIf(CHROMIUM_MISSING)('dark mode (prefers-color-scheme: dark) in Chromium', () => {
  let ctx: BrowserContext;
  let page: Page;
  let url: (rel: string) => string;

  beforeAll(async () => {
    ({ ctx, page, url } = await openExampleSite());
  });
  afterAll(async () => {
    await ctx?.close();
  });

  for (const lang of ['ar', 'en']) {
    test(`${lang}: body text and the header bar reach 4.5:1 on a dark background`, async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(url(`2.1/${lang}/index.html`));
      const c = await contrasts(page);
      for (const [name, r] of Object.entries(c)) {
        // Dark is really in use (a light page would pass the contrast check without testing dark).
        expect(r.bgLuminance, `${name}: background ${r.bg} is not dark`).toBeLessThan(0.1);
        expect(r.ratio, `${name}: ${r.fg} on ${r.bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  test('the same elements are light in the light scheme (the media query is what switches)', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('2.1/en/index.html'));
    const c = await contrasts(page);
    for (const [name, r] of Object.entries(c)) {
      expect(r.bgLuminance, name).toBeGreaterThan(0.5);
      expect(r.ratio, `${name}: ${r.fg} on ${r.bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
