#!/usr/bin/env node
/**
 * save → reload of `sopkit serve`, in a browser: `node bench/serve-reload.mjs [--runs N]`
 * (after `npm run build`; default 5 runs, medians printed).
 *
 * Starts the real CLI (`node bin/sopkit.js serve COPY --port 0`) on a copy of the example,
 * with a build cache of its own (so the first PDFs are laid out, never taken from an
 * earlier run), opens two pages in Debian's Chromium (playwright-core): the English SOP
 * page of the site and the English PDF preview (`/__sopkit/pdf/en.html`). Each run appends
 * a new sentence to `sections/en/03-purpose-scope.md` and times, from just before the
 * write:
 *   site: until the site page's reload has fired DOMContentLoaded with the sentence in its text;
 *   pdf:  until the preview page has reloaded and the browser has received the whole new
 *         PDF (its address carries the PDF's hash). That the PDF holds the sentence is then
 *         checked with pdf.js (not timed).
 * Between runs it waits for the server to be idle (its "PDF en updated" line), then 1.5 s
 * for Chromium to finish drawing the PDF. The machine
 * load is printed with the figures: on a shared 2-core machine they move with it.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const runsAt = process.argv.indexOf('--runs');
const RUNS = Number(runsAt >= 0 ? process.argv[runsAt + 1] : process.env.SOPKIT_BENCH_RUNS ?? 5) || 5;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function pdfText(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += `${(await (await doc.getPage(i)).getTextContent()).items.map((x) => x.str).join(' ')}\n`;
  return text.replace(/\s+/g, ' ');
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-bench-serve-'));
const src = path.join(tmp, 'sop');
await cp(path.join(REPO, 'sop-sources'), src, { recursive: true, filter: (f) => !f.includes(`${path.sep}dist`) });
const section = path.join(src, 'sections', 'en', '03-purpose-scope.md');

const server = spawn(process.execPath, [path.join(REPO, 'bin', 'sopkit.js'), 'serve', src, '--port', '0'], {
  env: { ...process.env, SOPKIT_CACHE_DIR: path.join(tmp, 'cache') },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
let err = '';
const waiters = [];
const check = () => waiters.splice(0).forEach((w) => (w.test() ? w.resolve() : waiters.push(w)));
server.stdout.on('data', (c) => { out += c; check(); });
server.stderr.on('data', (c) => {
  err += c;
  if (/rebuilt the site/.test(String(c))) siteLogAt.push(performance.now());
  check();
});
/** When each "rebuilt the site" line arrived: the server's share of a save → reload. */
const siteLogAt = [];
const until = (test, what, ms = 120_000) => new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}\n${err}`)), ms);
  waiters.push({ test, resolve: () => { clearTimeout(t); resolve(); } });
  check();
});
/** Count of "PDF … en … updated" lines in the server's log. */
const enUpdates = () => err.split('\n').filter((l) => /^PDF .*\ben\b.* updated/.test(l)).length;

let ctx;
try {
  await until(() => /serving (http:\S+)/.test(out), 'the server');
  const url = /serving (http:\S+)/.exec(out)[1];
  await until(() => enUpdates() >= 1, 'the first PDFs');
  ctx = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const site = await ctx.newPage();
  const pdf = await ctx.newPage();
  await site.goto(`${url}2.1/en/index.html`);
  await pdf.goto(`${url}__sopkit/pdf/en.html`);
  const times = { site: [], pdf: [], server: [] };
  const original = await readFile(section, 'utf8');
  for (let i = 1; i <= RUNS; i++) {
    const sentence = `Benchmark sentence number ${i} saved while serving.`;
    const oldSrc = await pdf.locator('iframe').getAttribute('src');
    const updates = enUpdates();
    const pdfDone = pdf.waitForResponse((r) => r.url().includes('/__sopkit/pdf/en.pdf?v=') && !r.url().endsWith(oldSrc), { timeout: 120_000 })
      .then(async (r) => {
        await r.finished();
        return { at: performance.now(), address: r.url() };
      });
    // The reload's load event (DOMContentLoaded: the text is there; not polling, as a page in the background has its timers throttled),
    // then the text; a reload without the sentence (none is expected) waits for the next one.
    const siteDone = (async () => {
      for (;;) {
        await site.waitForEvent('domcontentloaded', { timeout: 120_000 });
        const at = performance.now();
        // A second reload (the serve bar's page count moved) may replace the page meanwhile.
        const nav = await site.evaluate((s) => {
          if (!document.body.textContent.includes(s)) return null;
          const n = performance.getEntriesByType('navigation')[0];
          const t = (x) => performance.timeOrigin + x;
          return { start: performance.timeOrigin, response: t(n.responseStart), body: t(n.responseEnd), interactive: t(n.domInteractive), dcl: t(n.domContentLoadedEventEnd || n.domContentLoadedEventStart) };
        }, sentence).catch(() => null);
        if (nav) return { at, nav };
      }
    })();
    const logged = siteLogAt.length;
    const saved = performance.now();
    await writeFile(section, `${original}\n\n${sentence}\n`);
    const [{ at: siteAt, nav }, { at: pdfAt, address }] = await Promise.all([siteDone, pdfDone]);
    // Where the site's share went (Chromium's navigation timing, on the same clock as the save).
    const rel = (x) => Math.round(x - (performance.timeOrigin + saved));
    const phases = `reload asked ${rel(nav.start)}, response ${rel(nav.response)}, html received ${rel(nav.body)}, parsed ${rel(nav.interactive)}, DOMContentLoaded ${rel(nav.dcl)}`;
    times.site.push(siteAt - saved);
    // The whole site is done after the reloaded page (the rest waits for the PDF, up to 1 s): wait for its log line.
    await until(() => siteLogAt.length > logged, 'the "rebuilt the site" line');
    times.server.push(siteLogAt[logged] - saved);
    times.pdf.push(pdfAt - saved);
    // The bytes the page was given, fetched again (Chromium's PDF viewer keeps them to itself).
    const inPdf = (await pdfText(await (await fetch(address)).arrayBuffer())).includes(sentence);
    process.stdout.write(`run ${i}: site ${Math.round(siteAt - saved)} ms (server: whole site rebuilt at ${Math.round(times.server.at(-1))} ms), pdf ${Math.round(pdfAt - saved)} ms (sentence in the PDF: ${inPdf ? 'yes' : 'NO'})\n  site page: ${phases} ms\n`);
    if (!inPdf) throw new Error('the reloaded PDF does not hold the new sentence');
    await until(() => enUpdates() > updates, 'the server to be idle');
    // Chromium's PDF viewer goes on drawing the new PDF for a while: let it finish, so a run
    // times its own save rather than the last one's drawing.
    await new Promise((r) => setTimeout(r, 1500));
  }
  process.stdout.write(`serve save → reload, median of ${RUNS}: site ${Math.round(median(times.site))} ms (the server had the whole site rebuilt at ${Math.round(median(times.server))} ms: the saved page reloads before), pdf ${Math.round(median(times.pdf))} ms (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})\n`);
  process.stdout.write(`server log of the last run:\n${err.trim().split('\n').slice(-4).join('\n')}\n`);
} finally {
  await ctx?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(tmp, { recursive: true, force: true });
}
