import { pathToFileURL } from 'node:url';
import { loadBundle } from '../cache/code-cache.js';
import type { ValidateFunction } from '../vendor/ajv.js';
import { AJV_OPTIONS } from './compile.js';
import { schemasFingerprint } from './schema-files.js';

/**
 * The validators that the build (`node lib/tooling/postbuild.js`) generates after `tsc`
 * (ajv's "standalone" code), beside the compiled lib/validate/*.js. sopkit runs from lib/,
 * and so do the tests (vitest.config.ts).
 */
export const STANDALONE_FILE = 'schema-validators.cjs';

/** What the validators were generated with; part of the fingerprint they are checked against. */
export const STANDALONE_SALT = `ajv ${JSON.stringify(AJV_OPTIONS)} formats:full`;

export interface StandaloneModule {
  /** `schemasFingerprint(STANDALONE_SALT)` when they were generated. */
  SCHEMAS_FINGERPRINT: string;
  [schema: string]: ValidateFunction | string;
}

/**
 * Loads generated validators from `file` (a CommonJS module, so this stays synchronous),
 * or undefined when there are none or they were generated from other schemas (schemas/
 * edited since the build): then sopkit asks for `npm run build` (./schemas.ts).
 *
 * Run through V8's code cache (../cache/code-cache.ts) as `require` would run it: its
 * 0.3 MB of functions were compiled again by every command that validates a file (~10 ms
 * of a `check`).
 */
export function loadStandaloneValidators(file: string | URL = new URL(`./${STANDALONE_FILE}`, import.meta.url)): StandaloneModule | undefined {
  const url = file instanceof URL ? file : pathToFileURL(file);
  // Once per file and process, as `require` did: every caller gets the same validators.
  let mod = loaded.get(url.href);
  if (!mod) {
    try {
      mod = loadBundle(url, { strict: false }) as unknown as StandaloneModule;
    } catch {
      return undefined;
    }
    loaded.set(url.href, mod);
  }
  return mod.SCHEMAS_FINGERPRINT === schemasFingerprint(STANDALONE_SALT) ? mod : undefined;
}

const loaded = new Map<string, StandaloneModule>();
