export * from './types.js';
export * from './measure.js';
export * from './from-data.js';
export * from './layout.js';
export * from './split.js';
