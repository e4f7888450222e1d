export * from './h.js';
export * from './slug.js';
export * from './bidi.js';
export * from './svg.js';
export * from './context.js';
export * from './directives.js';
export * from './sanitize.js';
export * from './section.js';
