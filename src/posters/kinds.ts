/**
 * Poster kinds: the generic drawings sopkit knows, and which data file of an SOP each
 * poster of a profile draws from. A profile lists its posters (`posters:` in the profile
 * file); one without that list prints the default set, chosen by data-file name as before.
 * The kinds and entries are model data (src/model/poster-kinds.ts); this adds what the
 * drawing needs.
 */
import { POSTER_KINDS, type PosterEntry } from '../model/poster-kinds.js';
import type { PosterContext } from './context.js';

export { DEFAULT_POSTERS, POSTER_KINDS, dataSchemaOf, posterEntries, type PosterEntry, type PosterKind } from '../model/poster-kinds.js';

/**
 * The context a kind's drawing code runs in: the drawing reads its data under the kind's
 * schema name, so the entry's data file is put there. Positions still come from that
 * file's own DataFile, so diagnostics name the file the profile mapped.
 */
export function kindContext(ctx: PosterContext, entry: PosterEntry): PosterContext {
  const slot = POSTER_KINDS[entry.kind].schema;
  if (slot === entry.data) return ctx;
  const df = ctx.model.data[entry.data];
  if (!df) return ctx;
  return { ...ctx, model: { ...ctx.model, data: { ...ctx.model.data, [slot]: df } } };
}
