export * from './parse.js';
export * from './directives.js';
