import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { watch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isSopkitError, type Diagnostic } from '../diag/index.js';
import type { SopModel } from '../model/types.js';
import { languageFile } from '../model/source-path.js';
import { buildSiteVersions } from './build.js';
import { escapeHtml } from './template.js';

export interface DevServerOptions {
  /** The SOP folder (holds sop.yaml). */
  dir: string;
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * Reads the SOP folder (the loader; injected so the server does not depend on its
   * internals). `changed`: the files saved since the last load (the watcher's names,
   * relative to the folder), for a loader that re-reads only those (`sessionLoader()`);
   * undefined: read everything (the first build, a rebuild no save asked for).
   */
  load: (dir: string, changed?: readonly string[]) => Promise<{ model: SopModel; diagnostics: Diagnostic[] }>;
  log?: (message: string) => void;
  /** Quiet time after the last file event before rebuilding (default 20 ms: one save's events come within a few ms). */
  debounceMs?: number;
  /**
   * The PDF preview (injected: the site stage does not lay out PDFs; `sopkit serve` passes
   * `pdfPreviewer()` of src/build/preview.ts). Without it `serve` previews the site only.
   */
  pdfs?: PdfPreviewer;
}

/** One language's SOP PDF as `serve` previews it. */
export interface PdfPreview {
  lang: string;
  /** Body pages of the SOP (cover and contents excluded): what the page budget counts. */
  bodyPages: number;
  /** The page budget (profile's or sop.yaml's `page_limits`), when there is one. */
  soft?: number;
  hard?: number;
  bytes: Uint8Array;
  /** Short hash of `bytes`, for addresses no cache can serve stale. */
  hash: string;
}

export interface PdfPreviewer {
  /**
   * Brings each language's preview up to date with the SOP folder of `model` (`first`: the
   * language just saved, laid out before the others); resolves with the languages whose PDF
   * changed.
   */
  update(model: SopModel, first?: string): Promise<string[]>;
  get(lang: string): PdfPreview | undefined;
  /** The languages with a preview, in the manifest's order. */
  languages(): string[];
  /** Ends what the previewer runs (its worker thread); called when the server closes. */
  close?(): Promise<void>;
}

export interface DevServer {
  url: string;
  /** Rebuilds now (also called by the watcher). Resolves when the new site and PDF previews are live. */
  rebuild(): Promise<void>;
  /** Resolves when the first build is done, its PDF previews included (the server listens before: once the site is live). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const EVENTS_PATH = '/__sopkit/events';
/** The PDF preview of a language: `${PDF_PATH}<lang>.html` (a page holding the PDF) and `${PDF_PATH}<lang>.pdf`. */
export const PDF_PATH = '/__sopkit/pdf/';

/**
 * Only ever sent by `serve`, appended to HTML responses; never written into dist/. A
 * `reload` event lists the addresses of the pages whose bytes changed (`*`: all), and a
 * page reloads only when it is one of them: a save in `sections/ar/` leaves the English
 * pages where they were. A PDF preview page whose PDF alone changed is given the new
 * PDF's address instead (`pdf`: page → address) and swaps its frame's source without
 * reloading itself: the browser asks for the PDF at once, not after the page again.
 */
const RELOAD_SCRIPT = `<script>(function(){var es=new EventSource(${JSON.stringify(EVENTS_PATH)});es.addEventListener('reload',function(e){var d=null;try{d=JSON.parse(e.data);}catch(x){}var p=location.pathname;if(p.charAt(p.length-1)==='/')p+='index.html';var f=d&&d.pdf&&d.pdf[p]&&document.querySelector('iframe[data-sopkit-pdf]');if(f){f.src=d.pdf[p];return;}if(!d||!d.pages||d.pages.indexOf('*')>=0||d.pages.indexOf(p)>=0)location.reload();});})();</script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

function formatProblem(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}` : 'sopkit';
  return `${where}  ${d.severity}  ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
}

/** The reload script, and the problems banner when there are problems; serve only. */
function withServeParts(html: string, warnings: string[], status = ''): string {
  let out = html.replace('</body>', `${RELOAD_SCRIPT}\n</body>`);
  if (status) out = out.replace(/<body[^>]*>/, (m) => `${m}\n${status}`);
  if (warnings.length) {
    const banner = `<div role="alert" dir="ltr" lang="en" style="background:#fff4e0;color:#5c3200;border-bottom:2px solid #e5c58a;padding:.8rem 1rem;font:15px/1.5 system-ui,sans-serif"><strong>sopkit serve: ${warnings.length} problem${warnings.length === 1 ? '' : 's'} in the sources</strong> (this page may be incomplete; \`sopkit build\` would stop)<pre style="white-space:pre-wrap;unicode-bidi:plaintext;margin:.4rem 0 0">${escapeHtml(warnings.join('\n\n'))}</pre></div>`;
    out = out.replace(/<body[^>]*>/, (m) => `${m}\n${banner}`);
  }
  return out;
}

/** The serve bar above every page: each language's PDF preview with its body pages against the budget. */
function statusBar(pdfs: PdfPreviewer | undefined, languages: readonly string[]): string {
  if (!pdfs) return '';
  const items = languages.map((lang) => {
    const p = pdfs.get(lang);
    const link = `<a href="${escapeHtml(`${PDF_PATH}${lang}.html`)}" style="color:inherit">${escapeHtml(lang)} PDF</a>`;
    if (!p) return `${link}: laying out…`;
    const over = p.hard !== undefined && p.bodyPages > p.hard ? 'hard' : p.soft !== undefined && p.bodyPages > p.soft ? 'soft' : '';
    const budget = p.soft !== undefined ? ` of ${p.soft}${p.hard !== undefined ? ` (hard limit ${p.hard})` : ''}` : p.hard !== undefined ? ` (hard limit ${p.hard})` : '';
    const text = `${p.bodyPages} body page${p.bodyPages === 1 ? '' : 's'}${budget}${over === 'hard' ? ': over the hard limit' : over === 'soft' ? ': over the budget' : ''}`;
    return `${link}: <span data-sopkit-pages="${escapeHtml(lang)}"${over ? ' style="font-weight:bold;color:#8a1c00"' : ''}>${escapeHtml(text)}</span>`;
  });
  return `<div data-sopkit-serve dir="ltr" lang="en" style="background:#eef3f8;color:#1b2a3a;border-bottom:1px solid #c5d3e0;padding:.35rem 1rem;font:14px/1.4 system-ui,sans-serif"><strong>sopkit serve</strong> · ${items.join(' · ')}</div>`;
}

/** Where a language's previewed PDF is served (its hash in the address: a new PDF is a new address). */
function pdfAddress(lang: string, p: PdfPreview): string {
  return `${PDF_PATH}${lang}.pdf?v=${p.hash}`;
}

/** The preview page of one language's PDF: the serve bar and the PDF, swapped or reloaded when that PDF changes. */
function pdfPage(lang: string, p: PdfPreview | undefined, bar: string): string {
  const body = p
    ? `<iframe data-sopkit-pdf src="${escapeHtml(pdfAddress(lang, p))}" title="${escapeHtml(`${lang} PDF`)}" style="flex:1;border:0;width:100%"></iframe>`
    : `<p style="margin:1rem">The ${escapeHtml(lang)} PDF is being laid out; this page reloads by itself when it is ready.</p>`;
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>sopkit serve: ${escapeHtml(lang)} PDF</title></head>
<body style="margin:0;height:100vh;display:flex;flex-direction:column">${bar}${body}${RELOAD_SCRIPT}</body></html>`;
}

/** A file of the site `serve` holds in memory, with its sha256 (what a reload compares, and its ETag). */
interface SiteFile {
  bytes: Buffer;
  hash: string;
}


/**
 * The pages to reload after a rebuild: each changed HTML page; for another changed file
 * in a page's folder (the search index of a language), that folder's pages; a changed
 * shared file (styles, scripts, fonts) or a removed page: every page.
 */
function changedPages(before: Map<string, string>, after: Map<string, string>): string[] {
  const pages = new Set<string>();
  const html = [...after.keys()].filter((f) => f.endsWith('.html'));
  for (const [f, h] of after) {
    if (before.get(f) === h) continue;
    if (f.endsWith('.html')) pages.add(f);
    else if (f.startsWith('/assets/')) return ['*'];
    else html.filter((p) => path.posix.dirname(p) === path.posix.dirname(f)).forEach((p) => pages.add(p));
  }
  for (const f of before.keys()) if (!after.has(f)) return ['*'];
  return [...pages].sort();
}

function errorPage(problems: string[]): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>sopkit: the SOP could not be built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1f24}pre{background:#fff4e0;border:1px solid #e5c58a;padding:1rem;white-space:pre-wrap;unicode-bidi:plaintext}</style></head>
<body><h1>The SOP could not be built</h1><p>Fix the problem below and save: this page reloads by itself.</p><pre>${escapeHtml(problems.join('\n\n'))}</pre></body></html>`;
}

/**
 * `sopkit serve`: builds the site in memory, serves it on 127.0.0.1, rebuilds when a file
 * of the SOP changes and tells open pages to reload (server-sent events). A broken source
 * shows its message in the page; the server keeps running.
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const log = opts.log ?? (() => undefined);
  const root = path.resolve(opts.dir);
  /** The built site by address (`/2.1/en/index.html`): served from memory, never written to disk. */
  const site = new Map<string, SiteFile>();
  let problems: string[] = [];
  /** Errors found while loading that did not prevent building: shown above every page. */
  let warnings: string[] = [];
  const clients = new Set<ServerResponse>();
  let generation = 0;
  /** The languages of the last model read (for the serve bar). */
  let languages: string[] = [];
  /** Resolves when the first build has put a site (or its error page) live. */
  let firstLive!: () => void;
  const live = new Promise<void>((r) => (firstLive = r));
  /** While a build runs: the addresses it has written so far, and when it ends. */
  let inBuild: { fresh: Set<string>; done: Promise<void> } | null = null;
  /** The files saved since the last build started (the watcher's names). */
  let saved = new Set<string>();
  /** Pages told to reload early, by address: resolved when a browser has been sent the page. */
  const awaited = new Map<string, () => void>();
  /**
   * Resolves when `address` has been served, or after `ms`: the build pauses after telling
   * a page to reload, so the server's thread answers the browser before it builds the rest.
   */
  const servedOrAfter = (address: string, ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      if (awaited.get(address) === done) awaited.delete(address);
      resolve();
    }
    awaited.set(address, done);
  });

  const settledOrAfter = (p: Promise<unknown>, ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(t);
      resolve();
    };
    p.then(done, done);
  });

  const tell = (pages: string[], pdf?: Record<string, string>) => {
    generation++;
    const data = JSON.stringify({ generation, pages, ...(pdf ? { pdf } : {}) });
    for (const c of clients) c.write(`event: reload\ndata: ${data}\n\n`);
  };

  const build = async () => {
    const started = process.hrtime.bigint();
    const ms = (a: bigint, b: bigint) => Number((b - a) / 1_000_000n);
    const names = [...saved];
    saved = new Set();
    // A save in one language's folder: that language's pages are built (and reload) first.
    const langs = new Set(names.map((n) => languageFile(n)?.lang));
    const first = langs.size === 1 ? [...langs][0] : undefined;
    let model: SopModel | null = null;
    let pages: string[];
    let ended!: () => void;
    const fresh = new Set<string>();
    inBuild = { fresh, done: new Promise<void>((r) => (ended = r)) };
    try {
      const loaded = await opts.load(root, names.length ? names : undefined);
      const loadedAt = process.hrtime.bigint();
      let toldAt: bigint | undefined;
      model = loaded.model;
      // Errors do not stop the preview: the pages are built from what could be read and
      // carry the messages in a banner (a `build` would refuse them).
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      const newWarnings = errors.map(formatProblem);
      const newLanguages = [...model.manifest.languages];
      // Every page shows the problems banner and the serve bar: when they change, every page does.
      const every = problems.length > 0 || newWarnings.join('\n') !== warnings.join('\n') || newLanguages.join() !== languages.join();
      problems = [];
      warnings = newWarnings;
      languages = newLanguages;
      const before = new Map([...site].map(([a, f]) => [a, f.hash]));
      /** Pages told to reload as soon as they were built, before the rest of the site. */
      const told = new Set<string>();
      await buildSiteVersions([model], '', {
        ...(first ? { firstLanguage: first } : {}),
        sink: async (rel, bytes) => {
          const address = `/${rel}`;
          const hash = createHash('sha256').update(bytes).digest('hex');
          site.set(address, { bytes, hash });
          fresh.add(address);
          // A changed page reloads now: the other language and the search index are built
          // while the browser loads it (a request for a file this build has not written yet waits for it).
          if (!every && address.endsWith('.html') && before.get(address) !== hash) {
            told.add(address);
            const open = clients.size > 0;
            tell([address]);
            toldAt ??= process.hrtime.bigint();
            if (open) await servedOrAfter(address, 150);
            // The PDF worker reads the folder itself: it starts now, once the browser has the
            // page, not after the whole site (started at the save, it took the cores the
            // page's reload needed: bench/serve-reload.mjs, docs/bench.md). The rest of the
            // site waits for it (1 s at most): the browser parsing the page and the worker
            // laying out the PDF have the two cores, and this thread is free to pass the PDF on.
            if (opts.pdfs && latestModel) await settledOrAfter(refreshPdfs(first), 1000);
          }
          // Let the server answer between files.
          await new Promise((r) => setImmediate(r));
        },
      });
      let removed = false;
      for (const a of [...site.keys()]) {
        if (!fresh.has(a)) {
          site.delete(a);
          removed = true;
        }
      }
      const after = new Map([...site].map(([a, f]) => [a, f.hash]));
      pages = every || removed ? ['*'] : changedPages(before, after).filter((p) => !told.has(p));
      const now = process.hrtime.bigint();
      log(`rebuilt the site in ${ms(started, now)} ms (read the SOP ${ms(started, loadedAt)} ms${toldAt ? `, first page reloaded at ${ms(started, toldAt)} ms` : ''})`);
    } catch (e) {
      model = null;
      warnings = [];
      if (isSopkitError(e)) problems = e.diagnostics.map(formatProblem);
      else if (e && typeof e === 'object' && 'problems' in e) problems = (e as { problems: string[] }).problems;
      else problems = [`sopkit: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in sopkit, not in your files)`];
      pages = ['*'];
      log(`build failed:\n${problems.join('\n')}`);
    } finally {
      inBuild = null;
      ended();
    }
    // The site is live: its pages reload now, before the PDFs are laid out.
    tell(pages);
    firstLive();
    if (model && opts.pdfs) {
      latestModel = model;
      void refreshPdfs();
    }
  };

  // The PDFs are laid out beside the site builds (on the previewer's thread), one update
  // at a time, always of the latest model: a save during a layout gets its site at once,
  // and its PDF right after the layout in progress.
  let latestModel: SopModel | null = null;
  let pdfLoop: Promise<void> | null = null;
  let pdfAgain = false;
  /** The language saved last, laid out first (undefined: the manifest's order). */
  let pdfFirst: string | undefined;
  const updatePdfs = async (pdfs: PdfPreviewer, model: SopModel) => {
    const started = process.hrtime.bigint();
    const bar = () => statusBar(pdfs, languages);
    try {
      const before = bar();
      const changed = await pdfs.update(model, pdfFirst);
      if (!changed.length) return;
      log(`PDF ${changed.join(', ')} updated in ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms`);
      // The preview pages of the changed PDFs, told the new PDF's address; every page when the serve bar (a page count) changed.
      if (bar() !== before) tell(['*']);
      else {
        const pages = changed.map((l) => `${PDF_PATH}${l}.html`);
        tell(pages, Object.fromEntries(changed.flatMap((l) => { const p = pdfs.get(l); return p ? [[`${PDF_PATH}${l}.html`, pdfAddress(l, p)]] : []; })));
      }
    } catch (e) {
      log(`the PDF preview failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  const refreshPdfs = (first?: string): Promise<void> => {
    pdfFirst = first;
    if (pdfLoop) {
      pdfAgain = true;
      return pdfLoop;
    }
    const pdfs = opts.pdfs;
    if (!pdfs) return Promise.resolve();
    pdfLoop = (async () => {
      do {
        pdfAgain = false;
        if (latestModel) await updatePdfs(pdfs, latestModel);
      } while (pdfAgain);
    })().finally(() => {
      pdfLoop = null;
    });
    return pdfLoop;
  };

  // One build at a time; saves during a build trigger exactly one more.
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await build();
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
    await pdfLoop;
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 500\n: connected ${generation}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    if (rel.startsWith(PDF_PATH) && opts.pdfs) {
      const m = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.(html|pdf)$/.exec(rel.slice(PDF_PATH.length));
      const p = m ? opts.pdfs.get(m[1]!) : undefined;
      if (m?.[2] === 'html' && (p || languages.includes(m[1]!))) {
        res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
        res.end(pdfPage(m[1]!, p, statusBar(opts.pdfs, languages)));
      } else if (m?.[2] === 'pdf' && p) {
        res.writeHead(200, { 'content-type': TYPES['.pdf']!, 'cache-control': 'no-store', 'content-length': p.bytes.length });
        res.end(p.bytes);
      } else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
      return;
    }
    const wantsHtml = rel.endsWith('/') || rel.endsWith('.html');
    if (problems.length && (wantsHtml || !site.size)) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(errorPage(problems).replace('</body>', `${RELOAD_SCRIPT}</body>`));
      return;
    }
    if (!site.size) {
      res.writeHead(503).end('building…');
      return;
    }
    // Addresses of the site in memory only: nothing outside it can be named.
    let address = path.posix.normalize(`/${rel}`);
    if (address.endsWith('/')) address += 'index.html';
    else if (!site.has(address) && site.has(`${address}/index.html`)) address += '/index.html';
    // A page told to reload before the build ended may ask for a file (its search index)
    // the build has not written yet: it gets the new one.
    const building = inBuild;
    if (building && !address.endsWith('.html') && !building.fresh.has(address)) await building.done;
    const f = site.get(address);
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
      return;
    }
    const ext = path.posix.extname(address);
    // Styles, scripts, fonts and search indexes carry their hash: a reloading page asks
    // whether they changed (304) instead of loading and parsing them again.
    const etag = ext === '.html' ? undefined : `"${f.hash}"`;
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': etag ? 'no-cache' : 'no-store', ...(etag ? { etag } : {}) });
    res.end(ext === '.html' ? withServeParts(f.bytes.toString('utf8'), warnings, statusBar(opts.pdfs, languages)) : f.bytes);
    awaited.get(address)?.();
  };

  // Listening once the site is live; the first PDFs are laid out meanwhile (their preview
  // pages say so, and reload when they are ready).
  const first = rebuild();
  await live;
  const server = createServer((req, res) => {
    serveFile(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: a preview must not be reachable from the network.
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  watcher = watch(root, { recursive: true }, (_event, name) => {
    const f = String(name ?? '');
    if (/^(dist|releases|node_modules)([\\/]|$)/.test(f) || /(^|[\\/])\./.test(f) || f.endsWith('~')) return;
    saved.add(f);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      log(`changed: ${f}`);
      void rebuild();
    }, opts.debounceMs ?? 20);
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    rebuild,
    ready: first,
    close: async () => {
      watcher?.close();
      if (timer) clearTimeout(timer);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      if (running) await running.catch(() => undefined);
      await pdfLoop;
      await opts.pdfs?.close?.();
    },
  };
}
