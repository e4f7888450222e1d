import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isSopkitError, type Diagnostic } from '../diag/index.js';
import { makeTempDir } from '../fs/index.js';
import type { SopModel } from '../model/types.js';
import { buildSiteVersions } from './build.js';
import { escapeHtml } from './template.js';

export interface DevServerOptions {
  /** The SOP folder (holds sop.yaml). */
  dir: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Reads the SOP folder (the loader; injected so the server does not depend on its internals). */
  load: (dir: string) => Promise<{ model: SopModel; diagnostics: Diagnostic[] }>;
  log?: (message: string) => void;
  /** Quiet time after the last file event before rebuilding. */
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
  /** Brings each language's preview up to date with `model`; resolves with the languages whose PDF changed. */
  update(model: SopModel): Promise<string[]>;
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
 * pages where they were.
 */
const RELOAD_SCRIPT = `<script>(function(){var es=new EventSource(${JSON.stringify(EVENTS_PATH)});es.addEventListener('reload',function(e){var d=null;try{d=JSON.parse(e.data);}catch(x){}var p=location.pathname;if(p.charAt(p.length-1)==='/')p+='index.html';if(!d||!d.pages||d.pages.indexOf('*')>=0||d.pages.indexOf(p)>=0)location.reload();});})();</script>`;

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

/** The preview page of one language's PDF: the serve bar and the PDF, reloaded when that PDF changes. */
function pdfPage(lang: string, p: PdfPreview | undefined, bar: string): string {
  const body = p
    ? `<iframe src="${escapeHtml(`${PDF_PATH}${lang}.pdf?v=${p.hash}`)}" title="${escapeHtml(`${lang} PDF`)}" style="flex:1;border:0;width:100%"></iframe>`
    : `<p style="margin:1rem">The ${escapeHtml(lang)} PDF is being laid out; this page reloads by itself when it is ready.</p>`;
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>sopkit serve: ${escapeHtml(lang)} PDF</title></head>
<body style="margin:0;height:100vh;display:flex;flex-direction:column">${bar}${body}${RELOAD_SCRIPT}</body></html>`;
}

/** sha256 of every file of a built site, by its address (`/2.1/en/index.html`). */
async function hashSite(siteDir: string, files: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(files.filter((f) => f.startsWith('site/')).map(async (f) => {
    const rel = f.slice('site'.length);
    out.set(rel, createHash('sha256').update(await readFile(path.join(siteDir, ...rel.split('/')))).digest('hex'));
  }));
  return out;
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
 * `sopkit serve`: builds the site into a temporary folder, serves it on 127.0.0.1,
 * rebuilds when a file of the SOP changes and tells open pages to reload (server-sent
 * events). A broken source shows its message in the page; the server keeps running.
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const log = opts.log ?? (() => undefined);
  const root = path.resolve(opts.dir);
  let siteDir: string | null = null;
  let problems: string[] = [];
  /** Errors found while loading that did not prevent building: shown above every page. */
  let warnings: string[] = [];
  const clients = new Set<ServerResponse>();
  let generation = 0;
  let siteHashes = new Map<string, string>();
  /** The languages of the last model read (for the serve bar). */
  let languages: string[] = [];
  /** Resolves when the first build has put a site (or its error page) live. */
  let firstLive!: () => void;
  const live = new Promise<void>((r) => (firstLive = r));

  const tell = (pages: string[]) => {
    generation++;
    const data = JSON.stringify({ generation, pages });
    for (const c of clients) c.write(`event: reload\ndata: ${data}\n\n`);
  };

  const build = async () => {
    const started = process.hrtime.bigint();
    // Marked and named with this process's id: a killed `serve` leaves it, the next one removes it.
    const tmp = await makeTempDir('sopkit-serve');
    let model: SopModel | null = null;
    let pages: string[];
    try {
      const loaded = await opts.load(root);
      model = loaded.model;
      // Errors do not stop the preview: the pages are built from what could be read and
      // carry the messages in a banner (a `build` would refuse them).
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      const written = await buildSiteVersions([model], tmp);
      const old = siteDir;
      siteDir = path.join(tmp, 'site');
      const hashes = await hashSite(siteDir, written);
      const newWarnings = errors.map(formatProblem);
      const newLanguages = [...model.manifest.languages];
      // Every page shows the problems banner and the serve bar: when they change, every page does.
      pages = problems.length || newWarnings.join('\n') !== warnings.join('\n') || newLanguages.join() !== languages.join() ? ['*'] : changedPages(siteHashes, hashes);
      siteHashes = hashes;
      problems = [];
      warnings = newWarnings;
      languages = newLanguages;
      if (old) await rm(path.dirname(old), { recursive: true, force: true });
      log(`rebuilt the site in ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms`);
    } catch (e) {
      model = null;
      await rm(tmp, { recursive: true, force: true });
      warnings = [];
      siteHashes = new Map();
      if (isSopkitError(e)) problems = e.diagnostics.map(formatProblem);
      else if (e && typeof e === 'object' && 'problems' in e) problems = (e as { problems: string[] }).problems;
      else problems = [`sopkit: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in sopkit, not in your files)`];
      pages = ['*'];
      log(`build failed:\n${problems.join('\n')}`);
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
  const updatePdfs = async (pdfs: PdfPreviewer, model: SopModel) => {
    const started = process.hrtime.bigint();
    const bar = () => statusBar(pdfs, languages);
    try {
      const before = bar();
      const changed = await pdfs.update(model);
      if (!changed.length) return;
      log(`PDF ${changed.join(', ')} updated in ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms`);
      // The preview pages of the changed PDFs; every page when the serve bar (a page count) changed.
      tell(bar() !== before ? ['*'] : changed.map((l) => `${PDF_PATH}${l}.html`));
    } catch (e) {
      log(`the PDF preview failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  const refreshPdfs = (): Promise<void> => {
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
    if (problems.length && (wantsHtml || !siteDir)) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(errorPage(problems).replace('</body>', `${RELOAD_SCRIPT}</body>`));
      return;
    }
    if (!siteDir) {
      res.writeHead(503).end('building…');
      return;
    }
    // Confine every request to the built site.
    let file = path.resolve(siteDir, `.${path.posix.normalize(`/${rel}`)}`);
    if (file !== siteDir && !file.startsWith(siteDir + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const ext = path.extname(file);
      // Styles, scripts, fonts and search indexes carry their hash: a reloading page asks
      // whether they changed (304) instead of loading and parsing them again.
      const hash = ext === '.html' ? undefined : siteHashes.get(`/${path.relative(siteDir, file).split(path.sep).join('/')}`);
      if (hash && req.headers['if-none-match'] === `"${hash}"`) {
        res.writeHead(304, { etag: `"${hash}"`, 'cache-control': 'no-cache' }).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': hash ? 'no-cache' : 'no-store', ...(hash ? { etag: `"${hash}"` } : {}) });
      res.end(ext === '.html' ? withServeParts(body.toString('utf8'), warnings, statusBar(opts.pdfs, languages)) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
    }
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      log(`changed: ${f}`);
      void rebuild();
    }, opts.debounceMs ?? 60);
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
      if (siteDir) await rm(path.dirname(siteDir), { recursive: true, force: true });
    },
  };
}
