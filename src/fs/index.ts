export * from './read.js';
export * from './write.js';
export * from './output-guard.js';
export { checkSourcePath, checkSourcePathSync, isInside, linkOutside, PATH_OUTSIDE, type PathCheck } from './policy.js';
