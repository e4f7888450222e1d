import http from 'node:http';
import path from 'node:path';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSop, sessionLoader } from '../../src/model/index.js';
import { EVENTS_PATH, PDF_PATH, startDevServer, type DevServer } from '../../src/site/index.js';
import { pdfPreviewer } from '../../src/build/preview.js';
import { buildPdfs } from '../../src/build/pdfs.js';
import { pdfLines } from '../render-pdf/read-back.js';
import { CHROMIUM_MISSING, launchChromium } from './browser.js';
import { EXAMPLE, tempDir } from './helpers.js';

/**
 * `serve` with the PDF preview (item 3 of issue 15): each language's SOP PDF is served,
 * a save re-lays only the language it touches, the reload events name the pages whose
 * bytes changed, and an open preview page reloads with the new PDF. No timings here:
 * bench/serve-reload.mjs measures save → reload.
 */

function get(url: string): Promise<{ status: number; bytes: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), type: String(res.headers['content-type'] ?? '') }));
    }).on('error', reject);
  });
}

/** A `reload` event: the pages whose bytes changed, and for a PDF preview page whose PDF alone changed, the new PDF's address. */
interface ReloadEvent {
  pages: string[];
  pdf?: Record<string, string>;
}

/** The `reload` events of the server, as they come. */
function events(url: string): { ready: Promise<void>; next: () => Promise<ReloadEvent>; close: () => void } {
  const queue: Array<ReloadEvent> = [];
  const waiting: Array<(e: ReloadEvent) => void> = [];
  let ready!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const req = http.get(new URL(EVENTS_PATH, url), (res) => {
    res.setEncoding('utf8');
    let buf = '';
    res.on('data', (c: string) => {
      buf += c;
      if (buf.includes(': connected')) ready();
      let m: RegExpExecArray | null;
      while ((m = /event: reload\ndata: (.*)\n\n/.exec(buf))) {
        buf = buf.slice(m.index + m[0].length);
        const e = JSON.parse(m[1]!) as ReloadEvent;
        const w = waiting.shift();
        if (w) w(e);
        else queue.push(e);
      }
    });
  });
  req.on('error', () => undefined);
  return {
    ready: readyP,
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))),
    close: () => req.destroy(),
  };
}

let dir: string;
let server: DevServer;
const log: string[] = [];
const section = () => path.join(dir, 'sections', 'en', '03-purpose-scope.md');
const pdfText = async (bytes: Uint8Array) => (await pdfLines(bytes)).flat().join(' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = await tempDir('sopkit-serve-pdf-');
  await cp(EXAMPLE, dir, { recursive: true });
  // No store: every PDF of this test is laid out in it, none comes from an earlier run.
  server = await startDevServer({ dir, port: 0, load: sessionLoader(), debounceMs: 30, pdfs: pdfPreviewer({ store: false, log: (m) => log.push(m) }), log: (m) => log.push(m) });
  await server.ready;
});

afterAll(async () => {
  await server?.close();
});

describe('sopkit serve: the PDF preview', () => {
  test('serves each language\'s SOP PDF, the bytes `build` writes, and a page holding it', async () => {
    const built = await tempDir('sopkit-serve-pdf-build-');
    const { model } = await loadSop(dir);
    await buildPdfs(model, built);
    for (const lang of ['ar', 'en']) {
      const pdf = await get(`${server.url}${PDF_PATH.slice(1)}${lang}.pdf`);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.equals(await readFile(path.join(built, 'pdf', `sop-v${model.manifest.version}-${lang}.pdf`))), lang).toBe(true);
      const page = (await get(`${server.url}${PDF_PATH.slice(1)}${lang}.html`)).bytes.toString('utf8');
      expect(page).toMatch(new RegExp(`<iframe data-sopkit-pdf src="${PDF_PATH}${lang}\\.pdf\\?v=[0-9a-f]{12}"`));
      expect(page).toContain('new EventSource');
    }
    expect((await get(`${server.url}${PDF_PATH.slice(1)}xx.pdf`)).status).toBe(404);
  });

  test('every page shows each language\'s body pages against the budget', async () => {
    const page = (await get(`${server.url}2.1/en/index.html`)).bytes.toString('utf8');
    // The example's context is protracted: the CPCM profile's hard limit there is 30 (60 in development only).
    for (const lang of ['ar', 'en']) {
      expect(page).toMatch(new RegExp(`<span data-sopkit-pages="${lang}"[^>]*>\\d+ body pages of 30 \\(hard limit 30\\)`));
    }
  });

  test('a save in sections/en/ re-lays the English PDF only; the site\'s reload names the English pages only', async () => {
    const sse = events(server.url);
    await sse.ready;
    const enBefore = (await get(`${server.url}${PDF_PATH.slice(1)}en.pdf`)).bytes;
    const arBefore = (await get(`${server.url}${PDF_PATH.slice(1)}ar.pdf`)).bytes;
    const from = log.length;
    const before = await readFile(section(), 'utf8');
    await writeFile(section(), `${before}\n\nA sentence for the PDF preview.\n`);
    // The site's events: the English page as soon as it is built, then the rest of the site's changes.
    const site = await sse.next();
    expect(site.pages).toContain('/2.1/en/index.html');
    let pdf = await sse.next();
    const siteEvents = [site];
    while (!pdf.pages.some((p) => p.startsWith(PDF_PATH) || p === '*')) {
      siteEvents.push(pdf);
      pdf = await sse.next();
    }
    expect(siteEvents.flatMap((e) => e.pages).filter((p) => p.startsWith('/2.1/ar/') || p === '*')).toEqual([]);
    // The English preview page; every page if the page count in the serve bar moved.
    expect(pdf.pages.includes(`${PDF_PATH}en.html`) || pdf.pages.includes('*')).toBe(true);
    expect(pdf.pages).not.toContain(`${PDF_PATH}ar.html`);
    sse.close();
    // Unless every page reloads, the preview page is told the new PDF's address (it swaps its frame's source).
    if (!pdf.pages.includes('*')) {
      expect(Object.keys(pdf.pdf ?? {})).toEqual([`${PDF_PATH}en.html`]);
      const page = (await get(`${server.url}${PDF_PATH.slice(1)}en.html`)).bytes.toString('utf8');
      expect(page).toContain(`src="${pdf.pdf![`${PDF_PATH}en.html`]}"`);
    }
    const lines = log.slice(from);
    expect(lines.some((l) => /^en PDF: laid out/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => /^ar PDF/.test(l)), lines.join('\n')).toBe(false);
    expect(lines.some((l) => /^PDF en updated/.test(l)), lines.join('\n')).toBe(true);
    const enAfter = (await get(`${server.url}${PDF_PATH.slice(1)}en.pdf`)).bytes;
    expect(enAfter.equals(enBefore)).toBe(false);
    expect(await pdfText(enAfter)).toContain('A sentence for the PDF preview.');
    expect((await get(`${server.url}${PDF_PATH.slice(1)}ar.pdf`)).bytes.equals(arBefore)).toBe(true);
  });

  test.skipIf(CHROMIUM_MISSING)('an open PDF preview page shows the new PDF by itself, swapping its frame\'s source unless every page reloads', async () => {
    const ctx = await launchChromium();
    const sse = events(server.url);
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}${PDF_PATH.slice(1)}en.html`);
      await sse.ready;
      let navigations = 0;
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) navigations += 1;
      });
      const src = await page.locator('iframe').getAttribute('src');
      const before = await readFile(section(), 'utf8');
      const sentence = 'Live edit seen in the PDF preview.';
      const reloaded = page.waitForResponse((r) => r.url().includes(`${PDF_PATH}en.pdf?v=`) && !r.url().endsWith(src!), { timeout: 45_000 });
      await writeFile(section(), `${before}\n\n${sentence}\n`);
      const response = await reloaded;
      expect(await page.locator('iframe').getAttribute('src')).not.toBe(src);
      // The PDF the page asked for holds the new sentence.
      expect(await pdfText((await get(response.url())).bytes)).toContain(sentence);
      let e = await sse.next();
      while (!e.pages.some((p) => p.startsWith(PDF_PATH) || p === '*')) e = await sse.next();
      // The page itself was not loaded again, unless the event asked every page to reload (the page count moved).
      expect(navigations).toBe(e.pages.includes('*') ? 1 : 0);
    } finally {
      sse.close();
      await ctx.close();
    }
  });
});
