import type { Ajv, CodeOptions } from '../vendor/ajv.js';
import { fileRefs, readSchema } from './schema-files.js';

/** The ajv library as the vendor façade exports it (loaded by the caller, often lazily). */
export type AjvLib = typeof import('../vendor/ajv.js');

/**
 * The options the validators are generated with at build time
 * (src/tooling/standalone-validators.ts), and that tests/validate/standalone.test.ts
 * compiles with to hold them to ajv: the same options give the same error objects.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true } as const;

/** An ajv with sopkit's options and ajv-formats' formats; `code` only for generating source. */
export function createAjv(lib: AjvLib, code?: CodeOptions): Ajv {
  // ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
  const m = lib.addFormatsModule as unknown as { default?: unknown };
  const addFormats = (m.default ?? m) as (ajv: Ajv) => Ajv;
  const ajv = new lib.Ajv(code ? { ...AJV_OPTIONS, code } : { ...AJV_OPTIONS });
  addFormats(ajv);
  return ajv;
}

/** Adds a schema and the schema files it refers to (ids are the file names). */
export function addSchemaWithRefs(ajv: Ajv, name: string, added: Set<string>): void {
  if (added.has(name)) return;
  const schema = readSchema(name);
  if (!schema) return;
  added.add(name);
  for (const dep of fileRefs(schema)) addSchemaWithRefs(ajv, dep, added);
  ajv.addSchema(schema, `${name}.schema.json`);
}
