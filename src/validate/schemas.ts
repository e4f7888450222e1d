import type { Ajv, ValidateFunction } from '../vendor/ajv.js';
import { addSchemaWithRefs, createAjv, type AjvLib } from './compile.js';
import { readSchema, schemaNames } from './schema-files.js';
import { loadStandaloneValidators } from './standalone.js';

export { schemaNames } from './schema-files.js';

// Validators generated at build time (src/tooling/standalone-validators.ts) replace
// compiling the schemas in every process: ajv's compile took ~120 ms of `sopkit check`
// on the example, and importing ajv itself ~17 ms. Without them (under vitest, or after
// schemas/ was edited without a rebuild) ajv compiles, lazily, only the schemas a run needs.
const standalone = loadStandaloneValidators();
const ajvLib: AjvLib | undefined = standalone ? undefined : await import('../vendor/ajv.js');

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
const added = new Set<string>();

/** The validator of `schemas/<name>.schema.json` (generated, or compiled once per process on first use). */
export function validatorFor(name: string): ValidateFunction | undefined {
  let v = compiled.get(name);
  if (v) return v;
  if (!schemaNames().includes(name)) return undefined;
  if (standalone) {
    v = standalone[name] as ValidateFunction | undefined;
    if (!v) return undefined;
  } else {
    if (!readSchema(name)) return undefined;
    ajv ??= createAjv(ajvLib!);
    addSchemaWithRefs(ajv, name, added);
    v = ajv.getSchema(`${name}.schema.json`)!;
  }
  compiled.set(name, v);
  return v;
}

/** The raw JSON of a schema, for reading property names and descriptions in messages. */
export function rawSchema(name: string): Record<string, unknown> | undefined {
  return readSchema(name);
}
