/**
 * Poster kinds: the generic drawings sopkit knows, and which data file of an SOP each
 * poster of a profile draws from. A profile lists its posters (`posters:` in the profile
 * file); one without that list prints the default set, chosen by data-file name as before.
 * The kinds and entries are model data (src/model/poster-kinds.ts); each kind's drawing
 * code takes the data file's name from the entry (src/posters/products.ts).
 */
export { DEFAULT_POSTERS, POSTER_KINDS, dataSchemaOf, pocketGuideParts, posterEntries, type PosterEntry, type PosterKind } from '../model/poster-kinds.js';
