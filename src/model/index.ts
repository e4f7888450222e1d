export * from './types.js';
export * from './load.js';
export * from './yaml.js';
export * from './fingerprint.js';
export * from './front-matter.js';
export * from './profile.js';
export * from './profile-roles.js';
export * from './reload.js';
