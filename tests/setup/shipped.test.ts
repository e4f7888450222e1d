/**
 * The suite runs what `npm run build` ships (vitest.config.ts maps imports of src/ to
 * lib/). If that mapping broke, every other test would quietly test src/ again, with ajv
 * compiling the schemas and npm's unbundled libraries: these tests would fail instead.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { shippedProfileValue } from '../../src/model/shipped-profiles.js';
import { validatorFor } from '../../src/validate/schemas.js';
import { loadStandaloneValidators } from '../../src/validate/standalone.js';
import * as pdfLib from '../../src/vendor/pdf-lib.js';
import * as yaml from '../../src/vendor/yaml.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIB = path.join(ROOT, 'lib');

describe('the suite runs lib/', () => {
  it('sopkit modules are lib/’s JavaScript, not src/’s TypeScript', async () => {
    // The same module instance as importing lib/ by name: one module graph, lib/'s.
    const fromLib = (await import(path.join(LIB, 'validate/schemas.js'))) as { validatorFor: unknown };
    expect(fromLib.validatorFor).toBe(validatorFor);
    // An error made inside sopkit says where its code runs from.
    const err = (await loadSop(path.join(ROOT, 'no-such-sop-folder')).catch((e: unknown) => e)) as Error;
    expect(err.stack).toMatch(new RegExp(`${LIB.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[\\\\/]\\S+\\.js`));
    expect(err.stack).not.toMatch(/[\\/]src[\\/]\S+\.ts/);
  });

  it('the libraries are lib/vendor’s esbuild bundles, not the npm packages', async () => {
    const bundle = (await import(pathToFileURL(path.join(LIB, 'vendor/pdf-lib.js')).href)) as typeof pdfLib;
    expect(pdfLib.PDFDocument).toBe(bundle.PDFDocument);
    expect(pdfLib.PDFDocument).not.toBe((await import('pdf-lib')).PDFDocument);
    expect(yaml.parseDocument).not.toBe((await import('yaml')).parseDocument);
    // A bundle, not tsc's re-export of the npm package.
    expect(await readFile(path.join(LIB, 'vendor/pdf-lib.js'), 'utf8')).not.toMatch(/from ['"]pdf-lib['"]/);
  });

  it('schemas are checked by the validators generated at build time, not compiled by ajv', () => {
    const generated = loadStandaloneValidators();
    expect(generated, 'lib/validate/schema-validators.cjs is missing or out of date').toBeDefined();
    for (const name of ['sop', 'section', 'profile', 'eligibility']) expect(validatorFor(name), name).toBe(generated![name]);
  });

  it('the shipped profile is the one parsed at build time', async () => {
    const rel = 'profiles/cpcm-interagency.yaml';
    const text = (await readFile(path.join(ROOT, 'templates', rel), 'utf8')).replace(/\r\n?/g, '\n');
    expect(shippedProfileValue(rel, text)).toBeDefined();
  });
});
