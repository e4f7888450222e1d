export * from './diagnostic.js';
export * from './errors.js';
export * from './suggest.js';
