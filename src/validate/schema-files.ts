import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from '../paths.js';

let names: string[] | undefined;
const raw = new Map<string, Record<string, unknown>>();

/** Names of the schemas in `schemas/`, e.g. `sop`, `section`, `eligibility`. */
export function schemaNames(): string[] {
  names ??= readdirSync(SCHEMAS_DIR).filter((n) => n.endsWith('.schema.json')).sort().map((f) => f.replace(/\.schema\.json$/, ''));
  return names.slice();
}

function schemaText(name: string): string {
  return readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8');
}

/** The parsed JSON of `schemas/<name>.schema.json` (read once per process), or undefined. */
export function readSchema(name: string): Record<string, unknown> | undefined {
  if (!schemaNames().includes(name)) return undefined;
  let s = raw.get(name);
  if (!s) {
    s = JSON.parse(schemaText(name)) as Record<string, unknown>;
    raw.set(name, s);
  }
  return s;
}

/** Schema files that `schema` refers to (`"$ref": "localized.schema.json#…"`). */
export function fileRefs(schema: unknown, out = new Set<string>()): Set<string> {
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

/**
 * One hash of every schema file (names and bytes) and of `salt` (the ajv options).
 * Validators generated at build time record it; at run time a different hash means
 * schemas/ was edited since the build, and the schemas are compiled instead.
 */
export function schemasFingerprint(salt: string): string {
  const h = createHash('sha256').update(salt);
  for (const n of schemaNames()) h.update(`\0${n}\0`).update(schemaText(n));
  return h.digest('hex');
}
