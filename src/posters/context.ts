/**
 * Per-build state shared by every poster: the model, the paper family, and the
 * `poster-fit` diagnostics collected while fitting text.
 */
import { diagnostic, type Diagnostic } from '../diag/index.js';
import type { SopModel } from '../model/types.js';
import type { Source } from './column.js';
import { paperFamily, type PaperFamily } from './paper.js';

export const RULE = 'poster-fit';

export interface PosterContext {
  model: SopModel;
  paper: PaperFamily;
  diagnostics: Diagnostic[];
}

export function createContext(model: SopModel): PosterContext {
  return { model, paper: paperFamily(model.manifest.paper), diagnostics: [] };
}

/** Where a data item is: its file and the line of the pointed value. */
export function positionOf(ctx: PosterContext, src: Source): { file: string; line?: number; column?: number } {
  const df = ctx.model.data[src.data];
  if (!df) return { file: `data/${src.data}.yaml` };
  const at = df.positions.at(src.pointer);
  return { file: df.file, line: at.line, column: at.column };
}

/** Records that a data item does not fit on `where` (e.g. "the A6 urgent-action card (back, Arabic)"). */
export function reportSpill(ctx: PosterContext, src: Source | undefined, where: string, minSize: number, hint: string): void {
  const at = src ? positionOf(ctx, src) : undefined;
  const item = src ? ` (${src.pointer.replace(/^\//, '').replace(/\//g, ' ')})` : '';
  const message = `text does not fit on ${where} even at the minimum legible size of ${minSize} pt${item}`;
  // One diagnostic per place and item: bilingual variants repeat the same data.
  if (ctx.diagnostics.some((d) => d.message === message && d.file === at?.file && d.line === at?.line)) return;
  ctx.diagnostics.push(diagnostic(RULE, 'error', message, at, hint));
}
