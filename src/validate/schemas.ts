import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from '../vendor/ajv.js';
import { addFormatsModule } from '../vendor/ajv.js';
import { SCHEMAS_DIR } from '../paths.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

// Everything is lazy: a build reads and compiles only the schemas its files need
// (adding all eleven schemas to ajv up front cost ~80 ms a process).
let ajv: Ajv | undefined;
let names: string[] | undefined;
const compiled = new Map<string, ValidateFunction>();
const raw = new Map<string, Record<string, unknown>>();
const added = new Set<string>();

/** Names of the schemas in `schemas/`, e.g. `sop`, `section`, `eligibility`. */
export function schemaNames(): string[] {
  names ??= readdirSync(SCHEMAS_DIR).filter((n) => n.endsWith('.schema.json')).sort().map((f) => f.replace(/\.schema\.json$/, ''));
  return names.slice();
}

function readSchema(name: string): Record<string, unknown> | undefined {
  if (!schemaNames().includes(name)) return undefined;
  let s = raw.get(name);
  if (!s) {
    s = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
    raw.set(name, s);
  }
  return s;
}

/** Schema files that `schema` refers to (`"$ref": "localized.schema.json#…"`). */
function fileRefs(schema: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(schema)) for (const v of schema) fileRefs(v, out);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') {
        const m = /^([^#]+)\.schema\.json/.exec(v);
        if (m) out.add(m[1]!);
      } else fileRefs(v, out);
    }
  }
  return out;
}

/** Adds a schema and the schema files it refers to (ids are the file names, as before). */
function add(a: Ajv, name: string): void {
  if (added.has(name)) return;
  const schema = readSchema(name);
  if (!schema) return;
  added.add(name);
  for (const dep of fileRefs(schema, new Set())) add(a, dep);
  a.addSchema(schema, `${name}.schema.json`);
}

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

/** The compiled validator of `schemas/<name>.schema.json` (compiled once per process, on first use). */
export function validatorFor(name: string): ValidateFunction | undefined {
  let v = compiled.get(name);
  if (v) return v;
  if (!readSchema(name)) return undefined;
  const a = instance();
  add(a, name);
  v = a.getSchema(`${name}.schema.json`)!;
  compiled.set(name, v);
  return v;
}

/** The raw JSON of a schema, for reading property names and descriptions in messages. */
export function rawSchema(name: string): Record<string, unknown> | undefined {
  return readSchema(name);
}
