/**
 * Build step after `tsc` and bundle-vendor: what loading an SOP would otherwise redo in
 * every process, done once.
 *
 *   run by `node lib/tooling/postbuild.js` (`npm run build` / `prepare`)
 *
 * - lib/validate/schema-validators.cjs: the schemas as ajv standalone code (standalone-validators.ts);
 * - lib/model/shipped-profiles.json: the shipped checklist profiles, parsed (shipped-profiles.ts).
 *
 * Both are checked against the sources at run time. Validators of other schemas (schemas/
 * edited without a rebuild) or none: sopkit asks for `npm run build`. A profile whose
 * template changed since the build is parsed instead (as an SOP's own profile always is).
 */
import path from 'node:path';
import { writeShippedProfiles } from './shipped-profiles.js';
import { writeStandaloneValidators } from './standalone-validators.js';

export async function writeLoaderAssets(): Promise<string[]> {
  const v = await writeStandaloneValidators();
  const p = await writeShippedProfiles();
  return [`${path.basename(v.file)}${v.bundled ? ' (bundled)' : ''}`, `${path.basename(p.file)} (${p.profiles.length} profile${p.profiles.length === 1 ? '' : 's'})`];
}
