/** Unicode algorithms: bidi-js (UAX #9) and linebreak (UAX #14) (bundled: see ./index.ts). */
export { default as bidiModule } from 'bidi-js';
export type { Bidi } from 'bidi-js';
export { default as LineBreaker } from 'linebreak';
