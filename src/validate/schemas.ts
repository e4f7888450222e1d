import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR } from '../paths.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
const raw = new Map<string, Record<string, unknown>>();

/** Names of the schemas in `schemas/`, e.g. `sop`, `section`, `eligibility`. */
export function schemaNames(): string[] {
  load();
  return [...raw.keys()];
}

function load(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  for (const f of readdirSync(SCHEMAS_DIR).filter((n) => n.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, f), 'utf8')) as Record<string, unknown>;
    raw.set(f.replace(/\.schema\.json$/, ''), schema);
    ajv.addSchema(schema, f);
  }
  return ajv;
}

/** The compiled validator of `schemas/<name>.schema.json` (compiled once per process). */
export function validatorFor(name: string): ValidateFunction | undefined {
  const a = load();
  if (!raw.has(name)) return undefined;
  let v = compiled.get(name);
  if (!v) {
    v = a.getSchema(`${name}.schema.json`)!;
    compiled.set(name, v);
  }
  return v;
}

/** The raw JSON of a schema, for reading property names and descriptions in messages. */
export function rawSchema(name: string): Record<string, unknown> | undefined {
  load();
  return raw.get(name);
}
