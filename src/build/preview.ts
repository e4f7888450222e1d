/**
 * The PDF preview of `sopkit serve`: each language's SOP PDF, the same bytes `build`
 * writes as `pdf/sop-v…-<lang>.pdf`, kept up to date as files are saved.
 *
 * Granularity: one language. Each language's PDF is keyed on the files it can read (every
 * source but the other languages' Markdown: `languageInputsFingerprint`) and the engine, so
 * a save in `sections/en/` re-lays and re-renders the English PDF only, a save in
 * `data/` both, and a save that changes nothing (or puts back bytes seen before) none: the
 * PDF comes from memory or from the build cache's store. Within a language the whole SOP
 * is laid out again (the layout numbers pages, contents and footnotes across sections, so
 * reusing one section's frames would need a layout that can resume mid-document).
 */
import { createHash } from 'node:crypto';
import { cacheDir, engineFingerprint, getEntry, languageInputsFingerprint, putEntry } from '../cache/index.js';
import type { SopModel } from '../model/index.js';
import type { PdfPreview, PdfPreviewer } from '../site/index.js';

interface Meta {
  bodyPages: number;
}

/** The page budget of `model`, as the `page-budget` rule reads it. */
function budgetOf(model: SopModel): { soft?: number; hard?: number } {
  const soft = model.manifest.page_limits?.soft ?? model.profile.page_limits?.soft;
  const hard = model.manifest.page_limits?.hard ?? model.profile.page_limits?.hard?.[model.manifest.context];
  return { ...(soft !== undefined ? { soft } : {}), ...(hard !== undefined ? { hard } : {}) };
}

/**
 * A previewer that keeps its PDFs in memory and, unless `store` is false
 * (`serve --no-cache`, `SOPKIT_CACHE=0`), in the build cache's store.
 */
export function pdfPreviewer(opts: { store?: boolean; env?: NodeJS.ProcessEnv; log?: (m: string) => void } = {}): PdfPreviewer {
  const env = opts.env ?? process.env;
  const dir = opts.store === false || env.SOPKIT_CACHE === '0' ? undefined : cacheDir(env);
  const previews = new Map<string, PdfPreview & { key: string }>();
  let order: string[] = [];
  return {
    get: (lang) => previews.get(lang),
    languages: () => order.filter((l) => previews.has(l)),
    async update(model) {
      const langs = model.manifest.languages;
      order = [...langs];
      for (const l of [...previews.keys()]) if (!langs.includes(l)) previews.delete(l);
      const engine = await engineFingerprint();
      const budget = budgetOf(model);
      const changed: string[] = [];
      for (const lang of langs) {
        const started = process.hrtime.bigint();
        const inputs = await languageInputsFingerprint(model.root, lang, langs);
        const key = createHash('sha256').update(['serve-sop-pdf', engine, lang, inputs].join('\n')).digest('hex');
        const old = previews.get(lang);
        if (old?.key === key) continue; // nothing it reads changed (sop.yaml, with the budget, included)
        let bodyPages: number;
        let bytes: Uint8Array;
        const entry = dir ? await getEntry<Meta>(dir, key) : null;
        const file = entry?.files[0];
        if (entry && file && typeof entry.meta?.bodyPages === 'number') {
          bodyPages = entry.meta.bodyPages;
          bytes = file.bytes;
          opts.log?.(`${lang} PDF: reused (${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms)`);
        } else {
          // Loaded here, not at start-up: a `serve` whose PDFs come from the store never loads the typesetter.
          const [{ layoutSop }, { renderSopPdf }] = await Promise.all([import('../layout/index.js'), import('./pdfs.js')]);
          const sop = await layoutSop(model, lang);
          bodyPages = sop.bodyPages;
          bytes = await renderSopPdf(sop);
          if (dir) await putEntry<Meta>(dir, key, { meta: { bodyPages }, files: [{ path: `sop-${lang}.pdf`, bytes }] });
          opts.log?.(`${lang} PDF: laid out, ${bodyPages} body pages (${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms)`);
        }
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
        if (old?.hash !== hash || old.bodyPages !== bodyPages || old.soft !== budget.soft || old.hard !== budget.hard) changed.push(lang);
        previews.set(lang, { lang, bodyPages, ...budget, bytes, hash, key });
      }
      return changed;
    },
  };
}
