/**
 * The PDF preview of `sopkit serve`: each language's SOP PDF, the same bytes `build`
 * writes as `pdf/sop-v…-<lang>.pdf`, kept up to date as files are saved.
 *
 * Each language's PDF is keyed on the files it can read (every source but the other
 * languages' Markdown: `languageFingerprint`) and the engine, so a save in `sections/en/`
 * re-lays and re-renders the English PDF only, a save in `data/` both, and a save that
 * changes nothing (or puts back bytes seen before) none: the PDF comes from memory or
 * from the build cache's store. Within a language, the session keeps the SOP as last
 * loaded (the files a save changed are read again: `reloadChanged`) and each component's
 * pages (a component starts on a new page and is paginated on its own: only the changed
 * component is laid out again, `LayoutReuse`); the cover, contents, page numbers and
 * every page's rendering are done again (the renderer numbers glyphs and objects across
 * the whole document, so a page's bytes depend on the pages before it).
 *
 * The layout runs on a worker thread (./preview-worker.ts), which reads the SOP folder
 * itself: the server's thread stays free to answer the browser reloading the site while
 * the PDF is laid out, and the two use both cores.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { cacheDir, engineFingerprint, filesFingerprint, getEntry, languageFingerprint, putEntry, sourceFiles, type SourceFiles } from '../cache/index.js';
import type { LoadResult, SopModel } from '../model/index.js';
import type { LayoutReuse } from '../layout/index.js';
import type { PdfPreview, PdfPreviewer } from '../site/index.js';

interface Meta {
  bodyPages: number;
  soft?: number;
  hard?: number;
}

/** One language's preview as a worker sends it back; `key` names the inputs it was made from. */
export interface PreviewResult extends Omit<PdfPreview, 'hash'> {
  key: string;
  /** 'kept': same key as last time (no bytes sent); 'stored': from the cache store; 'laid out'. */
  how: 'kept' | 'stored' | 'laid out';
  ms: number;
  /** Laid out: how many components came from the last layout unchanged. */
  reused?: number;
}

/** The page budget of `model`, as the `page-budget` rule reads it. */
function budgetOf(model: SopModel): { soft?: number; hard?: number } {
  const soft = model.manifest.page_limits?.soft ?? model.profile.page_limits?.soft;
  const hard = model.manifest.page_limits?.hard ?? model.profile.page_limits?.hard?.[model.manifest.context];
  return { ...(soft !== undefined ? { soft } : {}), ...(hard !== undefined ? { hard } : {}) };
}

/**
 * What a previewing process keeps from one update to the next (the worker holds one): the
 * SOP as last loaded with the files it was loaded from, and the laid-out components.
 */
export interface PreviewSession {
  loaded?: { result: LoadResult; files: SourceFiles };
  reuse?: LayoutReuse;
}

/** Is `rel` Markdown the model reads (`sections/<lang>/x.md`, `annexes/<lang>/x.md`)? Its content reaches the layout through the model. */
const modelMarkdown = (rel: string) => /^(sections|annexes)\/[^/]+\/[^/]+\.md$/.test(rel);

/**
 * The SOP at `root` for a layout: `session`'s last load with the files that changed since
 * read again (`reloadChanged`), else a full load.
 */
async function loadFor(root: string, files: SourceFiles, session: PreviewSession): Promise<SopModel> {
  const { loadSop, reloadChanged } = await import('../model/index.js');
  const last = session.loaded;
  session.loaded = undefined;
  let result: LoadResult | undefined;
  if (last) {
    const changed = [...files.keys()].filter((f) => files.get(f) !== last.files.get(f));
    changed.push(...[...last.files.keys()].filter((f) => !files.has(f)));
    result = await reloadChanged(last.result, changed);
  }
  result ??= await loadSop(root);
  session.loaded = { result, files };
  return result.model;
}

/**
 * Brings each language's preview up to date with the SOP folder `root` (the work of the
 * worker thread). `known` maps a language to the key of the preview the caller holds: a
 * language whose key is unchanged comes back as `kept`, without bytes. The SOP is loaded
 * only when a PDF has to be laid out; with a `session`, only the files a save changed
 * are read again and only the components whose inputs changed are laid out again
 * (`LayoutReuse`, src/layout/reuse.ts).
 */
export async function updatePreviews(root: string, languages: readonly string[], known: ReadonlyMap<string, string>, store: string | undefined, later?: (() => Promise<void>)[], session: PreviewSession = {}): Promise<PreviewResult[]> {
  const engine = await engineFingerprint();
  const out: PreviewResult[] = [];
  // Read before the SOP is: a save in between gives a key older than the bytes, which the next save's rebuild replaces.
  const files = await sourceFiles(root);
  let model: SopModel | undefined;
  for (const lang of languages) {
    const started = process.hrtime.bigint();
    const ms = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    const key = createHash('sha256').update(['serve-sop-pdf', engine, lang, languageFingerprint(root, files, lang, languages)].join('\n')).digest('hex');
    if (known.get(lang) === key) {
      out.push({ lang, key, how: 'kept', bodyPages: 0, bytes: new Uint8Array(), ms: ms() });
      continue;
    }
    const entry = store ? await getEntry<Meta>(store, key) : null;
    const file = entry?.files[0];
    if (entry && file && typeof entry.meta?.bodyPages === 'number') {
      out.push({ lang, key, how: 'stored', ...entry.meta, bytes: file.bytes, ms: ms() });
      continue;
    }
    // Loaded here, not at start-up: a preview whose PDFs come from the store never loads the typesetter.
    const [{ layoutSop, LayoutReuse }, { renderSopPdf }] = await Promise.all([import('../layout/index.js'), import('./pdfs.js')]);
    model ??= await loadFor(root, files, session);
    // What a component's layout reads besides the model's Markdown: every other file, and sopkit.
    const inputs = filesFingerprint(root, files, (r) => !modelMarkdown(r), 'layout', engine);
    session.reuse ??= new LayoutReuse(inputs);
    session.reuse.setInputs(inputs);
    const sop = await layoutSop(model, lang, session.reuse);
    const meta: Meta = { bodyPages: sop.bodyPages, ...budgetOf(model) };
    const bytes = await renderSopPdf(sop);
    // Kept in the store after the preview is sent when the caller takes `later` (the worker does): the browser need not wait for the write.
    const keep = async () => {
      if (store) await putEntry<Meta>(store, key, { meta, files: [{ path: `sop-${lang}.pdf`, bytes }] });
    };
    if (later) later.push(keep);
    else await keep();
    out.push({ lang, key, how: 'laid out', ...meta, bytes, ms: ms(), reused: session.reuse.last.reused });
  }
  return out;
}

/**
 * A previewer that keeps its PDFs in memory and, unless `store` is false
 * (`serve --no-cache`, `SOPKIT_CACHE=0`), in the build cache's store; the work runs on one
 * worker thread, started on the first update and ended by `close()`.
 */
export function pdfPreviewer(opts: { store?: boolean; env?: NodeJS.ProcessEnv; log?: (m: string) => void } = {}): PdfPreviewer & { close(): Promise<void> } {
  const env = opts.env ?? process.env;
  const store = opts.store === false || env.SOPKIT_CACHE === '0' ? undefined : cacheDir(env);
  const previews = new Map<string, PdfPreview & { key: string }>();
  let order: string[] = [];
  let worker: Worker | undefined;
  const ask = (root: string, languages: string[], known: Map<string, string>): Promise<PreviewResult[]> => {
    worker ??= new Worker(new URL('./preview-worker.js', import.meta.url));
    const w = worker;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { ok: true; results: PreviewResult[] } | { ok: false; message: string }) => {
        w.off('error', onError);
        if (msg.ok) resolve(msg.results);
        else reject(new Error(msg.message));
      };
      const onError = (e: Error) => {
        w.off('message', onMessage);
        worker = undefined;
        reject(e);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage({ root, languages, known, store });
    });
  };
  return {
    get: (lang) => previews.get(lang),
    languages: () => order.filter((l) => previews.has(l)),
    async update(model, first) {
      order = [...model.manifest.languages];
      for (const l of [...previews.keys()]) if (!order.includes(l)) previews.delete(l);
      const known = new Map([...previews].map(([l, p]) => [l, p.key]));
      const changed: string[] = [];
      // The language just saved is laid out first (the fingerprints still see every language).
      const asked = first && order.includes(first) ? [first, ...order.filter((l) => l !== first)] : order;
      for (const r of await ask(model.root, asked, known)) {
        if (r.how === 'kept') continue;
        const old = previews.get(r.lang);
        const bytes = new Uint8Array(r.bytes);
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
        opts.log?.(`${r.lang} PDF: ${r.how === 'stored' ? 'reused from the cache' : `laid out, ${r.bodyPages} body pages${r.reused ? `, ${r.reused} components as they were` : ''}`} (${r.ms} ms)`);
        const { key, bodyPages, soft, hard } = r;
        previews.set(r.lang, { lang: r.lang, key, bodyPages, ...(soft !== undefined ? { soft } : {}), ...(hard !== undefined ? { hard } : {}), bytes, hash });
        if (old?.hash !== hash || old.bodyPages !== bodyPages || old.soft !== soft || old.hard !== hard) changed.push(r.lang);
      }
      return changed;
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
