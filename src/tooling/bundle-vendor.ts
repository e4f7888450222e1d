/**
 * Build step after `tsc`: replaces each lib/vendor/<name>.js (a re-export of npm
 * packages, see src/vendor/index.ts) by an esbuild bundle of the same exports.
 *
 *   run by `node lib/tooling/postbuild.js` (`npm run build` / `prepare`)
 *
 * Why: Node's ES module loader resolves and compiles every file on its own; the PDF build
 * pulled in ~600 files of node_modules and spent ~0.4 s of a 1.4 s run just loading them.
 * Bundled, the same libraries load in ~0.15 s. Nothing else changes: same code, same
 * exports; the tests load these bundles too (vitest.config.ts maps src/ to lib/).
 *
 * If esbuild is missing (an install without devDependencies), the tsc output is kept:
 * sopkit works the same, it only starts slower. The step says so and succeeds.
 */
import { readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VENDOR_DIR = fileURLToPath(new URL('../vendor/', import.meta.url));
/** Loaded at run time from node_modules: they read files beside themselves or are one file already. */
const EXTERNAL = ['harfbuzzjs', 'pdfjs-dist', 'elkjs', 'minisearch', 'playwright-core', 'axe-core'];
/**
 * Optional packages a bundled library asks for with a run-time `require` inside a
 * try/catch, and that sopkit never needs: the bundle's `require` answers "not found", as
 * in an install without them. gray-matter's js-yaml 3 loads esprima (280 KB, ~20 ms of
 * every command that reads front-matter) only for `!!js/function` tags, and sopkit parses
 * the front-matter with `yaml`, never with js-yaml.
 */
const ABSENT: Record<string, string[]> = { 'front-matter.js': ['esprima'] };
/** Not bundles: the façade's documentation module and the pako stand-in (bundled into pdf-lib). */
const SKIP = new Set(['index.js', 'pako-native.js']);

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: Array<{ contents: Uint8Array }>; warnings: unknown[] }>;
}

async function loadEsbuild(): Promise<EsbuildLike | undefined> {
  try {
    return (await import('esbuild')) as unknown as EsbuildLike;
  } catch {
    return undefined;
  }
}

/** The `require` a bundle gets: Node's, except for the `absent` packages. */
function requireBanner(absent: string[]): string {
  const node = "import { createRequire as __sopkitCreateRequire } from 'node:module';\n";
  if (!absent.length) return `${node}const require = __sopkitCreateRequire(import.meta.url);`;
  return (
    `${node}const __sopkitRequire = __sopkitCreateRequire(import.meta.url);\n` +
    `const __sopkitAbsent = new Set(${JSON.stringify(absent)});\n` +
    'const require = Object.assign((id) => { if (__sopkitAbsent.has(id)) throw Object.assign(new Error(`Cannot find module \'${id}\'`), { code: \'MODULE_NOT_FOUND\' }); return __sopkitRequire(id); }, __sopkitRequire);'
  );
}

export async function bundleVendor(dir = VENDOR_DIR): Promise<string[]> {
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    process.stderr.write('sopkit build: esbuild is not installed; lib/vendor/ keeps plain re-exports (slower start-up, same results).\n');
    return [];
  }
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js') && !SKIP.has(f)).sort();
  const pakoNative = path.join(dir, 'pako-native.js');
  const done: string[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // ES module builds first (pdf-lib's es/, not its 400 CommonJS files), so `export *`
      // re-exports are static.
      mainFields: ['module', 'main'],
      external: EXTERNAL,
      logLevel: 'warning',
      legalComments: 'inline',
      // CommonJS packages inside an ES module bundle still call require() for Node's
      // built-ins; give them a real one.
      banner: { js: requireBanner(ABSENT[f] ?? []) },
      // Only pdf-lib's pako is swapped: JSZip (the Word bridge) streams through pako's
      // Deflate/Inflate classes, which the stand-in does not have.
      plugins: f !== 'pdf-lib.js' ? [] : [
        {
          name: 'pako-native',
          setup(build: { onResolve(o: { filter: RegExp }, cb: () => { path: string }): void }) {
            build.onResolve({ filter: /^pako$/ }, () => ({ path: pakoNative }));
          },
        },
      ],
    });
    const out = result.outputFiles?.[0];
    if (!out) throw new Error(`esbuild wrote nothing for ${f}`);
    // Write beside, then rename: an interrupted build never leaves half a module.
    await writeFile(`${file}.tmp`, out.contents);
    await rename(`${file}.tmp`, file);
    done.push(f);
  }
  return done;
}
