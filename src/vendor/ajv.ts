/** ajv and ajv-formats, in one bundle so the formats plug into the same ajv (see ./index.ts). */
export { Ajv } from 'ajv';
export type { ValidateFunction, ErrorObject } from 'ajv';
export { default as addFormatsModule } from 'ajv-formats';
