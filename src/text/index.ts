export * from './types.js';
export * from './fonts.js';
export * from './coverage.js';
export * from './paragraph.js';
export { subsetFont, subsetterReady, warmSubsetter } from './hb.js';
export { embeddingLevels, reorderByLevel } from './bidi.js';
export { breakOpportunities } from './linebreak.js';
