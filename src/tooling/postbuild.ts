/**
 * Everything `npm run build` does after `tsc`, in order (the package.json scripts call
 * only this file):
 *
 *   1. bundle-vendor: lib/vendor/*.js become esbuild bundles of the npm libraries;
 *   2. bundle-cli: the whole CLI as one CommonJS file, lib/cli/bundle.cjs (run through V8's code cache);
 *   3. loader-assets: the schemas as ajv standalone code and the shipped profiles parsed.
 *
 * The CLI and the tests run the result (vitest.config.ts maps src/ to lib/): the bundles,
 * the validators (required: sopkit has no other way to validate) and the parsed profiles
 * (see docs/loading.md and src/vendor/index.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from './bundle-cli.js';
import { bundleVendor, loadEsbuild } from './bundle-vendor.js';
import { writeLoaderAssets } from './loader-assets.js';

export async function postbuild(): Promise<void> {
  const bundled = await bundleVendor();
  if (bundled.length) process.stdout.write(`sopkit build: bundled lib/vendor/ (${bundled.join(', ')})\n`);
  if (await bundleCli(await loadEsbuild())) process.stdout.write('sopkit build: bundled the CLI (lib/cli/bundle.cjs)\n');
  const assets = await writeLoaderAssets();
  process.stdout.write(`sopkit build: generated ${assets.join(', ')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await postbuild();
