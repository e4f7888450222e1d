import { diagnostic, SopkitError } from '../diag/index.js';
import type { ValidateFunction } from '../vendor/ajv.js';
import { readSchema, schemaNames } from './schema-files.js';
import { loadStandaloneValidators, STANDALONE_FILE, type StandaloneModule } from './standalone.js';

export { schemaNames } from './schema-files.js';

// The schemas are checked by the validators `npm run build` generates from them (ajv's
// standalone code, src/tooling/standalone-validators.ts), and only by them: compiling with
// ajv in every process cost ~30 % of `sopkit check --no-layout` on the example (0.72 s of
// CPU instead of 0.56 s), and a second way to validate is one the tests would not run.
// tests/validate/standalone.test.ts holds them to what ajv compiles.
let generated: StandaloneModule | undefined;

function validators(): StandaloneModule {
  generated ??= loadStandaloneValidators();
  if (!generated) {
    throw new SopkitError(
      diagnostic('install', 'error', `sopkit's schema validators (lib/validate/${STANDALONE_FILE}) are missing, or were generated from other schemas than those in schemas/`, undefined, 'Run `npm run build` in the sopkit folder: it generates them from schemas/.'),
    );
  }
  return generated;
}

/** The validator of `schemas/<name>.schema.json`, or undefined for a name with no schema. */
export function validatorFor(name: string): ValidateFunction | undefined {
  if (!schemaNames().includes(name)) return undefined;
  return validators()[name] as ValidateFunction | undefined;
}

/** The raw JSON of a schema, for reading property names and descriptions in messages. */
export function rawSchema(name: string): Record<string, unknown> | undefined {
  return readSchema(name);
}
