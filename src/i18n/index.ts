/**
 * The locale module: direction, digits, localized values, heading slugs and the label
 * catalogue, plus dates and running headers built from them. Every output (PDF, site,
 * posters, redline) and `check` read these; nothing else keeps its own copy.
 */
export * from './direction.js';
export * from './digits.js';
export * from './localized.js';
export * from './slug.js';
export * from './labels.js';
export * from './format.js';
export * from './header.js';
