export * from './parse.js';
export * from './directives.js';
export * from './limits.js';
