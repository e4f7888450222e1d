export * from './format.js';
export * from './header.js';
