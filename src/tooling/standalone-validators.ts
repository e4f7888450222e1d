/**
 * Build step after `tsc` and bundle-vendor: generates ajv "standalone" validation code for
 * every schema in schemas/ into lib/validate/schema-validators.cjs.
 *
 *   run by `node lib/tooling/postbuild.js` (`npm run build` / `prepare`)
 *
 * Why: compiling the schemas with ajv cost every command ~120 ms (the example's sop.yaml,
 * profile, front-matter and five data files), plus ~17 ms to import ajv. The generated
 * code is what ajv would compile, written out once: same options (src/validate/compile.ts),
 * same formats (ajv-formats, full mode), the same error objects. It records a fingerprint
 * of schemas/; if the schemas change without a rebuild, sopkit asks for one
 * (src/validate/schemas.ts): it has no other way to validate.
 *
 * The code calls a few of ajv's run-time helpers (`require("ajv/dist/runtime/…")`, the
 * formats of ajv-formats); esbuild, when installed, bundles them into the file so it loads
 * as one module. Without esbuild the file keeps the require() calls, which resolve from
 * lib/validate/ to node_modules: same results.
 */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishCodeBundle } from './code-bundle.js';
import { PACKAGE_ROOT } from '../paths.js';
import * as ajvLib from '../vendor/ajv.js';
import { createAjv } from '../validate/compile.js';
import { readSchema, schemaNames, schemasFingerprint } from '../validate/schema-files.js';
import { STANDALONE_FILE, STANDALONE_SALT } from '../validate/standalone.js';

const VALIDATE_DIR = fileURLToPath(new URL('../validate/', import.meta.url));

type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;

/** CommonJS source that exports one validator per schema name, and the schemas' fingerprint. */
export function standaloneSource(): string {
  const m = ajvLib.standaloneCodeModule as unknown as { default?: unknown };
  const standaloneCode = (m.default ?? m) as StandaloneCode;
  // `formats` is how the generated code reaches each format ajv-formats added at compile
  // time (mode "full", the default of addFormats).
  const ajv = createAjv(ajvLib, { source: true, formats: ajvLib._`require("ajv-formats/dist/formats").fullFormats` });
  const refs: Record<string, string> = {};
  for (const name of schemaNames()) {
    ajv.addSchema(readSchema(name)!, `${name}.schema.json`);
    refs[name] = `${name}.schema.json`;
  }
  const code = standaloneCode(ajv, refs);
  return `${code}\nexports.SCHEMAS_FINGERPRINT = ${JSON.stringify(schemasFingerprint(STANDALONE_SALT))};\n`;
}

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: Array<{ text: string }> }>;
}

async function loadEsbuild(): Promise<EsbuildLike | undefined> {
  try {
    return (await import('esbuild')) as unknown as EsbuildLike;
  } catch {
    return undefined;
  }
}

/** Writes the validators to `dir`/schema-validators.cjs; returns the file and whether it is bundled. */
export async function writeStandaloneValidators(dir = VALIDATE_DIR): Promise<{ file: string; bundled: boolean }> {
  let code = standaloneSource();
  const esbuild = await loadEsbuild();
  if (esbuild) {
    const result = await esbuild.build({
      // From the package root, so the helpers resolve in node_modules wherever `dir` is.
      stdin: { contents: code, resolveDir: PACKAGE_ROOT, sourcefile: STANDALONE_FILE, loader: 'js' },
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      legalComments: 'inline',
      // Generated code nobody reads: minified, it loads in ~7 ms instead of ~11.
      minify: true,
    });
    const out = result.outputFiles?.[0];
    if (!out) throw new Error(`esbuild wrote nothing for ${STANDALONE_FILE}`);
    code = out.text;
  }
  const file = path.join(dir, STANDALONE_FILE);
  // Write beside, then rename: an interrupted build never leaves half a module. Its
  // first line keys its compiled code in the code cache (src/validate/standalone.ts).
  await writeFile(`${file}.tmp`, finishCodeBundle(code));
  await rename(`${file}.tmp`, file);
  return { file, bundled: Boolean(esbuild) };
}

