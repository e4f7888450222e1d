export * from './types.js';
export * from './run-check.js';
export * from './catalogue.js';
export * from './owners.js';
export { RULES } from './rules/index.js';
export { foldForMatch, addMonths } from './text.js';
