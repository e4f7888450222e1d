// The release store (versions, sources, frozen releases, the log) is read by diff/ too.
export * from '../store/index.js';
export * from './types.js';
export * from './endorsements.js';
export * from './plan.js';
export * from './apply.js';
export * from './lock.js';
export * from './summary.js';
export * from './format.js';
export * from './run.js';
export { setVersionAndDate } from './yaml-edit.js';
export * from './review.js';
export * from './outputs.js';
