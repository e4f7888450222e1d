/** ajv and ajv-formats, in one bundle so the formats plug into the same ajv (see ./index.ts). */
export { Ajv, _ } from 'ajv';
export type { ValidateFunction, ErrorObject, CodeOptions } from 'ajv';
export { default as addFormatsModule } from 'ajv-formats';
// Build time only (src/tooling/standalone-validators.ts): it must come from this same bundle,
// because it walks the code objects of the Ajv instance above (a second copy of ajv's
// codegen classes would not recognise them).
export { default as standaloneCodeModule } from 'ajv/dist/standalone/index.js';
