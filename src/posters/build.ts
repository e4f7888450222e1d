/**
 * `buildPosters`: every poster, card and pocket guide of an SOP, in every language, as
 * PDF files under `outDir/posters/`. `checkPosters`: the same composition without
 * writing, returning the `poster-fit` diagnostics for `sopkit check`.
 */
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../diag/index.js';
import type { SopModel } from '../model/types.js';
import { createContext, type PosterContext } from './context.js';
import { renderScene } from './render.js';
import type { SceneDoc } from './render.js';
import { products, type Product } from './products.js';
import { sortDiagnostics } from '../diag/index.js';
import { reportMissingGlyphs } from './glyphs.js';
import type { ProgressFn } from '../diag/progress.js';

export interface PosterOptions {
  onProgress?: ProgressFn;
  /** Receives the `poster-fit` diagnostics found while composing (the same `checkPosters` returns). */
  onDiagnostic?: (d: Diagnostic) => void;
}

async function composeAll(ctx: PosterContext): Promise<Array<{ product: Product; scene: SceneDoc }>> {
  const out: Array<{ product: Product; scene: SceneDoc }> = [];
  reportMissingGlyphs(ctx);
  for (const product of products(ctx)) out.push({ product, scene: await product.compose() });
  return out;
}

/**
 * Writes the posters into `outDir/posters/` and returns the written paths (relative to
 * `outDir`, `/`-separated, in a stable order). Text that cannot fit is still drawn at
 * the minimum size (overflowing visibly is better than a missing poster), and reported
 * by `checkPosters`.
 */
export async function buildPosters(model: SopModel, outDir: string, opts: PosterOptions = {}): Promise<string[]> {
  const ctx = createContext(model);
  const dir = path.join(outDir, 'posters');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  reportMissingGlyphs(ctx);
  const all = [...products(ctx)];
  for (const [i, p] of all.entries()) {
    opts.onProgress?.(`poster ${p.file}`, { stage: 'posters', done: i + 1, total: all.length });
    const scene = await p.compose();
    const bytes = await renderScene(scene, {
      title: scene.title, lang: scene.lang, date: model.manifest.date, version: model.manifest.version, subject: p.subject,
    });
    await writeFile(path.join(dir, p.file), bytes);
    written.push(`posters/${p.file}`);
  }
  for (const d of sortDiagnostics(ctx.diagnostics)) opts.onDiagnostic?.(d);
  return written;
}

/** `poster-fit` diagnostics: every data item that cannot be set at a legible size. */
export async function checkPosters(model: SopModel): Promise<Diagnostic[]> {
  const ctx = createContext(model);
  await composeAll(ctx);
  return sortDiagnostics(ctx.diagnostics);
}

/** Composes without rendering (tests inspect scenes and geometry). */
export async function composePosters(model: SopModel): Promise<{ scenes: Array<{ file: string; scene: SceneDoc }>; diagnostics: Diagnostic[] }> {
  const ctx = createContext(model);
  const all = await composeAll(ctx);
  return { scenes: all.map((a) => ({ file: a.product.file, scene: a.scene })), diagnostics: sortDiagnostics(ctx.diagnostics) };
}
