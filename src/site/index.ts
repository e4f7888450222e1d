export * from './build.js';
export * from './versions.js';
export * from './normalize.js';
export * from './search.js';
export * from './dev-server.js';
export { renderSopPage, renderServicesPage, componentBlocks, layoutDiagrams } from './page.js';
