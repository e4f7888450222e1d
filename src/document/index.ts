export * from './types.js';
export * from './data-types.js';
export { keepParsedTrees, parseBody, parseStats, resetParseStats } from './parse.js';
export { treeOf, cloneTree } from './trees.js';
export { realizeDirective, realizedOf } from './realize.js';
export { groupComponents, type ComponentGroup } from './components.js';
export { documentOf, languageOf, loadDocument, type DocumentResult } from './load.js';
