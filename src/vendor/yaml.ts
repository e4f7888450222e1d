/**
 * The `yaml` package: documents with positions and comments (bundled: see ./index.ts).
 * Names are listed one by one: yaml's Node entry is CommonJS, whose exports a bundler
 * cannot enumerate for `export *`.
 */
export { LineCounter, parseDocument, stringify, isMap, isSeq, isScalar, isPair, YAMLMap, YAMLSeq } from 'yaml';
export type { Document, Node } from 'yaml';
