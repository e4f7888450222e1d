export { buildPosters, checkPosters, composePosters, type PosterOptions } from './build.js';
export { imposeCards, imposeBooklet, bookletSpreads, gridOf, cropMarks, type Placement, type Mark, type ImposedSheet } from './impose.js';
export { PAPER, paperFamily, type PaperSize } from './paper.js';
export { fitText, setText, largestFitting, MIN_SIZE } from './fit.js';
export type { SceneDoc } from './render.js';
export type { PageFrame, FrameItem } from '../frame/types.js';
