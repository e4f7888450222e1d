import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
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
}

export interface DevServer {
  url: string;
  /** Rebuilds now (also called by the watcher). Resolves when the new site is live. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

export const EVENTS_PATH = '/__sopkit/events';

/** Only ever sent by `serve`, appended to HTML responses; never written into dist/. */
const RELOAD_SCRIPT = `<script>(function(){var es=new EventSource(${JSON.stringify(EVENTS_PATH)});es.addEventListener('reload',function(){location.reload();});})();</script>`;

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
function withServeParts(html: string, warnings: string[]): string {
  let out = html.replace('</body>', `${RELOAD_SCRIPT}\n</body>`);
  if (warnings.length) {
    const banner = `<div role="alert" dir="ltr" lang="en" style="background:#fff4e0;color:#5c3200;border-bottom:2px solid #e5c58a;padding:.8rem 1rem;font:15px/1.5 system-ui,sans-serif"><strong>sopkit serve: ${warnings.length} problem${warnings.length === 1 ? '' : 's'} in the sources</strong> (this page may be incomplete; \`sopkit build\` would stop)<pre style="white-space:pre-wrap;unicode-bidi:plaintext;margin:.4rem 0 0">${escapeHtml(warnings.join('\n\n'))}</pre></div>`;
    out = out.replace(/<body[^>]*>/, (m) => `${m}\n${banner}`);
  }
  return out;
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

  const build = async () => {
    const started = process.hrtime.bigint();
    // Marked and named with this process's id: a killed `serve` leaves it, the next one removes it.
    const tmp = await makeTempDir('sopkit-serve');
    try {
      const { model, diagnostics } = await opts.load(root);
      // Errors do not stop the preview: the pages are built from what could be read and
      // carry the messages in a banner (a `build` would refuse them).
      const errors = diagnostics.filter((d) => d.severity === 'error');
      await buildSiteVersions([model], tmp);
      const old = siteDir;
      siteDir = path.join(tmp, 'site');
      problems = [];
      warnings = errors.map(formatProblem);
      if (old) await rm(path.dirname(old), { recursive: true, force: true });
      log(`rebuilt in ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms`);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      warnings = [];
      if (isSopkitError(e)) problems = e.diagnostics.map(formatProblem);
      else if (e && typeof e === 'object' && 'problems' in e) problems = (e as { problems: string[] }).problems;
      else problems = [`sopkit: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in sopkit, not in your files)`];
      log(`build failed:\n${problems.join('\n')}`);
    }
    generation++;
    for (const c of clients) c.write(`event: reload\ndata: ${generation}\n\n`);
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
      const body = await readFile(file);
      const ext = path.extname(file);
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(ext === '.html' ? withServeParts(body.toString('utf8'), warnings) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
    }
  };

  await rebuild();
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
    close: async () => {
      watcher?.close();
      if (timer) clearTimeout(timer);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      if (running) await running.catch(() => undefined);
      if (siteDir) await rm(path.dirname(siteDir), { recursive: true, force: true });
    },
  };
}
