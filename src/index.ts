/** The sopkit library API: what the CLI calls, and what other tools may call. */
export * from './diag/index.js';
export * from './model/index.js';
export * from './validate/index.js';
export * from './markdown/index.js';
export * from './i18n/index.js';
export * from './document/index.js';
