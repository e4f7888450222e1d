/**
 * Build step after bundle-vendor: the whole CLI (lib/cli/start.js and every lib/ module it
 * imports, the lazily imported commands, layout and writers included) as one CommonJS
 * file, lib/cli/bundle.cjs, which lib/cli/launch.cjs (src/cli/launch.ts) runs through V8's code cache
 * (src/cache/code-cache.ts).
 *
 *   run by `node lib/tooling/postbuild.js` (`npm run build` / `prepare`)
 *
 * Why: Node 20 compiles every ES module on every run and keeps nothing (its compile cache
 * is Node 22). `check` loaded ~120 modules of lib/; as one script whose compiled code is
 * read back, that work is gone (docs/cache.md, "Compiled code"). One file for every
 * command, not one per command: a process runs a single copy of each module (the layout
 * that `check` may call shares the SOP model, the memo store and the error classes with
 * it), and the lazy `import()`s become lazy initialisers inside the bundle, so `check`
 * still runs no layout code. The code cache is kept per command instead.
 *
 * What stays outside: the vendor bundles other than the four code-cached ones (already
 * single files; Node loads them on first use, `require` of an ES module as Node 20.19+
 * allows), pdf.js, elkjs, and harfbuzzjs, whose module ends with a top-level `await` (no
 * CommonJS file can `require` it): it is imported before any `import()` of a module that
 * needs it resolves, and the bundle reads it from there. lib/ keeps its ES modules: the
 * tests, the build's worker threads and SOPKIT_DEBUG/SOPKIT_BUNDLE=0 runs use them.
 *
 * Each module of the bundle records its lib/ path in a list when it runs (one array push),
 * so tests can see what a command ran (tests/helpers/module-log.mjs), as they see ES modules.
 * No source maps: the bundle is not minified and esbuild heads each module with its lib/
 * path; SOPKIT_DEBUG runs the ES modules, whose stack frames name lib/ files and lines.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHED, ESBUILD_BASE, type EsbuildLike } from './bundle-vendor.js';
import { finishCodeBundle } from './code-bundle.js';

const LIB = fileURLToPath(new URL('../', import.meta.url));
const HB = 'sopkit-harfbuzzjs';
/** Where the bundle keeps the list of the modules that ran, and the preloaded harfbuzzjs. */
export const MODULES_KEY = 'sopkit.bundle.modules';
const HB_KEY = 'sopkit.bundle.harfbuzzjs';
/**
 * lib/ modules that stay ES modules, loaded by Node from lib/: the site's search ships
 * three of its functions to the browser as their own source text (`fn.toString()`), which
 * esbuild would print anew (and might rename). Neither keeps state nor imports other lib/
 * modules, so a copy outside the bundle is the only copy. (The byte comparison of the
 * example's outputs catches a module missing here: its search-index.js changes.)
 */
const KEEP_SOURCE = ['site/normalize.js', 'site/search.js'];
/**
 * The lib/ folders of the layout, the writers and the site: the start-up paths (`check`, a
 * `build` with nothing to do) run none of them, and the bundle's code cache is only kept
 * from a run that did not (the bundle's `startUpOnly()`): one that laid out a document
 * would keep ~2× the compiled code, which every later start-up would read back.
 */
const HEAVY = ['layout/', 'pdf/', 'text/', 'frame/', 'posters/', 'diagram/', 'site/', 'word/'];
/** npm packages loaded by Node at run time (see above), and test-only ones. */
const EXTERNAL = ['pdfjs-dist', 'elkjs', 'playwright-core', 'axe-core'];

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}
interface PluginBuild {
  onResolve(o: { filter: RegExp; namespace?: string }, cb: (a: { path: string; importer: string; kind: string }) => unknown): void;
  onLoad(o: { filter: RegExp; namespace?: string }, cb: (a: { path: string }) => unknown): void;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const DYNAMIC_IMPORT = /\bimport\((['"])([^'"]+)\1\)/g;
/**
 * How the bundle imports an ES module: through lib/cli/launch.cjs or main.js (same folder, so relative
 * specifiers mean the same), since `import()` in a `vm.Script` needs Node's experimental
 * USE_MAIN_CONTEXT_DEFAULT_LOADER (and its warning on stderr).
 */
export const IMPORT_KEY = 'sopkit.bundle.import';

/**
 * The plugin shared by both passes: vendor bundles and harfbuzzjs resolved as above, and
 * each lib/ module's `import.meta.url` made its own file's URL again (a bundle has one
 * URL: the modules find templates, schemas and fonts beside themselves with it).
 * `needsHb` (second pass): the modules whose static imports reach harfbuzzjs.
 */
function plugin(lib: string, outDir: string, needsHb: Set<string> = new Set()) {
  const vendor = path.join(lib, 'vendor') + path.sep;
  const kept = new Set(KEEP_SOURCE.map((m) => path.join(lib, m)));
  /** A lib/ file Node loads itself: a vendor bundle not run through the code cache, or one of KEEP_SOURCE. */
  const outside = (file: string) => kept.has(file) || (file.startsWith(vendor) && !CODE_CACHED.has(path.basename(file, '.js')));
  return {
    name: 'sopkit-cli-bundle',
    setup(build: PluginBuild) {
      build.onResolve({ filter: /^harfbuzzjs$/ }, () => ({ path: HB, namespace: HB }));
      build.onLoad({ filter: /.*/, namespace: HB }, () => ({
        contents: `const hb = globalThis[Symbol.for(${JSON.stringify(HB_KEY)})];\nif (!hb) throw new Error('sopkit: harfbuzzjs was not imported before the module that needs it (src/tooling/bundle-cli.ts)');\nmodule.exports = hb;\n`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (a) => {
        const file = path.resolve(path.dirname(a.importer), a.path);
        if (!outside(file)) return undefined;
        return { path: toPosix(path.relative(outDir, file)), external: true };
      });
      build.onLoad({ filter: /\.js$/ }, async (a) => {
        if (!a.path.startsWith(lib)) return undefined;
        const rel = toPosix(path.relative(lib, a.path));
        let code = await readFile(a.path, 'utf8');
        code = code.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(toPosix(path.relative(outDir, a.path)))}, __importMetaUrl).href`);
        code = code.replace(DYNAMIC_IMPORT, (whole, _q: string, spec: string) => {
          if (!spec.startsWith('.')) return `__sopkitImport(${JSON.stringify(spec)})`;
          const target = path.resolve(path.dirname(a.path), spec);
          if (outside(target)) return `__sopkitImport(${JSON.stringify(toPosix(path.relative(outDir, target)))})`;
          return needsHb.has(target) ? `__sopkitHarfBuzz().then(() => ${whole})` : whole;
        });
        return { contents: `__sopkitModules.push(${JSON.stringify(rel)});\n${code}`, loader: 'js' };
      });
    },
  };
}

/** The modules (absolute paths) whose static imports reach the harfbuzzjs stand-in, from esbuild's metafile. */
function reachingHb(meta: Metafile, cwd: string): Set<string> {
  const reaches = new Map<string, boolean>();
  const visit = (input: string, seen: Set<string>): boolean => {
    if (input === `${HB}:${HB}`) return true;
    const known = reaches.get(input);
    if (known !== undefined) return known;
    if (seen.has(input)) return false;
    seen.add(input);
    const r = (meta.inputs[input]?.imports ?? []).some((i) => i.kind !== 'dynamic-import' && !i.external && visit(i.path, seen));
    reaches.set(input, r);
    return r;
  };
  const out = new Set<string>();
  for (const input of Object.keys(meta.inputs)) if (visit(input, new Set())) out.add(path.resolve(cwd, input));
  return out;
}

/** Writes lib/cli/bundle.cjs; false (and nothing written) when esbuild is missing. */
export async function bundleCli(esbuild: EsbuildLike | undefined, lib = LIB): Promise<boolean> {
  if (!esbuild) return false;
  const outDir = path.join(lib, 'cli');
  const entry = path.join(outDir, 'start.js');
  const banner =
    `const __sopkitModules = globalThis[Symbol.for(${JSON.stringify(MODULES_KEY)})] = [];\n` +
    `const __sopkitImport = (spec) => globalThis[Symbol.for(${JSON.stringify(IMPORT_KEY)})](spec);\n` +
    `let __sopkitHb;\n` +
    `const __sopkitHarfBuzz = () => (__sopkitHb ??= __sopkitImport('harfbuzzjs').then((ns) => { globalThis[Symbol.for(${JSON.stringify(HB_KEY)})] = ns; }));`;
  const options = {
    ...ESBUILD_BASE,
    entryPoints: [entry],
    format: 'cjs',
    external: EXTERNAL,
    absWorkingDir: lib,
    banner: { js: banner },
    footer: { js: `module.exports.startUpOnly = () => !__sopkitModules.some((m) => ${JSON.stringify(HEAVY)}.some((h) => m.startsWith(h)));` },
  };
  const first = await esbuild.build({ ...options, metafile: true, plugins: [plugin(lib, outDir)] });
  const needsHb = reachingHb(first.metafile as unknown as Metafile, lib);
  // The start-up path must not need it: it would be imported before every command.
  if (needsHb.has(entry)) throw new Error('bundle-cli: lib/cli/start.js reaches harfbuzzjs through static imports');
  const result = await esbuild.build({ ...options, plugins: [plugin(lib, outDir, needsHb)] });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild wrote no CLI bundle');
  const file = path.join(outDir, 'bundle.cjs');
  await writeFile(`${file}.tmp`, finishCodeBundle(out.contents));
  await rename(`${file}.tmp`, file);
  await bundleLauncher(esbuild, lib);
  return true;
}

/**
 * Writes lib/cli/launch.cjs: lib/cli/launch.js (V8's flags, the code cache, the bundle's
 * start) and the few modules it imports as one CommonJS file, which bin/sopkit.js (a
 * CommonJS file) requires: a command then starts without Node's ES module loader. Its own
 * copies of code-cache.js, memo.js and store.js hold no state the bundle's copies share
 * (each keeps the compiled code of the bundles it loaded). Not run through the code cache:
 * it is 10 KB, and it is what loads that cache.
 */
async function bundleLauncher(esbuild: EsbuildLike, lib: string): Promise<void> {
  const outDir = path.join(lib, 'cli');
  const result = await esbuild.build({
    ...ESBUILD_BASE,
    entryPoints: [path.join(outDir, 'launch.js')],
    format: 'cjs',
    absWorkingDir: lib,
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild wrote no CLI launcher');
  const file = path.join(outDir, 'launch.cjs');
  await writeFile(`${file}.tmp`, out.contents);
  await rename(`${file}.tmp`, file);
}
