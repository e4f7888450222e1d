export * from './classify.js';
export * from './extract.js';
export * from './match.js';
export * from './normalize.js';
export * from './report.js';
export * from './source-words.js';
export * from './verify.js';
export * from './word-order.js';
