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
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishCodeBundle } from './code-bundle.js';

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
/**
 * Node built-ins a bundled library requires when it loads but uses only on a path sopkit
 * never takes: the bundle's `require` hands back a stand-in that loads the module on its
 * first property read. commander requires `child_process` (with net, dgram, streams: 9
 * more built-ins, ~10 ms of every command's start under load) for executable subcommands,
 * which sopkit has none of.
 */
const LAZY: Record<string, string[]> = { 'commander.js': ['node:child_process'] };
/**
 * gray-matter builds its default YAML engine from js-yaml 3 when it loads (~40 % of the
 * front-matter bundle's start); sopkit always passes its own engine (src/model/front-matter.ts),
 * so in the bundle gray-matter gets a stand-in whose functions load js-yaml on first call.
 */
const DEFERRED_JS_YAML = {
  name: 'deferred-js-yaml',
  setup(build: PluginSetup) {
    // The stand-in's name is a label (no machine path in the bundle); it resolves js-yaml from gray-matter's folder.
    build.onResolve({ filter: /^js-yaml$/ }, (a) =>
      a.namespace === 'deferred-js-yaml' || !/gray-matter[\\/]lib[\\/]engines\.js$/.test(a.importer) ? undefined : { path: 'js-yaml', namespace: 'deferred-js-yaml', pluginData: path.dirname(a.importer) },
    );
    build.onLoad({ filter: /.*/, namespace: 'deferred-js-yaml' }, (a) => ({
      resolveDir: a.pluginData,
      loader: 'js',
      contents:
        "let real;\nconst yaml = () => (real ??= require('js-yaml'));\n" +
        'module.exports = { safeLoad: (...a) => yaml().safeLoad(...a), safeDump: (...a) => yaml().safeDump(...a) };\n',
    }));
  },
};
interface PluginSetup {
  onResolve(o: { filter: RegExp }, cb: (a: { path: string; importer: string; namespace: string }) => { path: string; namespace: string; pluginData: string } | undefined): void;
  onLoad(o: { filter: RegExp; namespace: string }, cb: (a: { pluginData: string }) => { contents: string; loader: string; resolveDir: string }): void;
}
/**
 * The bundles every command starts with, and the two every PDF starts with (pdf-lib's
 * 0.7 MB, whose functions were compiled again by every PDF build, and bidi + line
 * breaking), run through V8's code cache (src/cache/code-cache.ts):
 * written as CommonJS (./<name>.cjs) with an ES module of the same exports in <name>.js.
 */
export const CODE_CACHED = new Set(['commander', 'yaml', 'front-matter', 'markdown', 'pdf-lib', 'unicode']);
/** The esbuild options every sopkit bundle shares (the vendor bundles here, the CLI's in bundle-cli.ts). */
export const ESBUILD_BASE = {
  bundle: true,
  write: false,
  platform: 'node',
  target: 'node20',
  // ES module builds first (pdf-lib's es/, not its 400 CommonJS files), so `export *`
  // re-exports are static.
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  logLevel: 'warning',
  legalComments: 'inline',
};
/** Not bundles: the façade's documentation module and the pako stand-in (bundled into pdf-lib). */
const SKIP = new Set(['index.js', 'pako-native.js']);

export interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: Array<{ contents: Uint8Array }>; warnings: unknown[]; metafile?: { outputs: Record<string, { exports: string[] }> } }>;
}

export async function loadEsbuild(): Promise<EsbuildLike | undefined> {
  try {
    return (await import('esbuild')) as unknown as EsbuildLike;
  } catch {
    return undefined;
  }
}

/** First words of what this step writes (a code-cache stand-in, an ES module bundle): never bundled again. */
const SHIM_MARK = '// Written by `npm run build` (src/tooling/bundle-vendor.ts)';
const ESM_BANNER = 'import { createRequire as __sopkitCreateRequire }';

/**
 * The `require` a bundle gets: Node's, except for the `absent` packages (not found) and the
 * `lazy` built-ins (loaded on first use). An ES module
 * bundle makes one from its import.meta.url; a CommonJS one has Node's as a parameter
 * (src/cache/code-cache.ts) and only wraps it when some package is absent or lazy.
 */
function requireBanner(absent: string[], lazy: string[], format: 'esm' | 'cjs'): string {
  const wrap = absent.length || lazy.length
    ? `const __sopkitAbsent = new Set(${JSON.stringify(absent)});\n` +
      `const __sopkitLazy = new Set(${JSON.stringify(lazy)});\n` +
      `${format === 'esm' ? 'const require =' : 'require ='} ((r) => Object.assign((id) => {\n` +
      `  if (__sopkitAbsent.has(id)) throw Object.assign(new Error(\`Cannot find module '\${id}'\`), { code: 'MODULE_NOT_FOUND' });\n` +
      `  if (__sopkitLazy.has(id)) { let m; return new Proxy({}, { get: (_, k) => (m ??= r(id))[k] }); }\n` +
      `  return r(id);\n` +
      `}, r))(${format === 'esm' ? '__sopkitCreateRequire(import.meta.url)' : 'require'});`
    : '';
  if (format === 'cjs') return wrap;
  return `${ESM_BANNER} from 'node:module';\n${wrap || 'const require = __sopkitCreateRequire(import.meta.url);'}`;
}

/**
 * Bundles whose every export is a function, loaded on the first call of one instead of
 * on import: `check` with every file's view cached (src/check/view.ts) parses no
 * Markdown, and loading the parser's bundle was ~9 ms of its start. Each export is a
 * function that calls the bundle's with the same `this` (unified calls plugins so).
 */
const LOADED_ON_FIRST_CALL = new Set(['markdown']);

/**
 * The ES module that stands in lib/vendor/<name>.js for a bundle loaded through the code
 * cache: the same exports, taken from ./<name>.cjs.
 */
function codeCachedShim(name: string, exports: string[]): string {
  const lines = [
    `${SHIM_MARK}: the bundle is ./${name}.cjs, run`,
    '// through V8\'s code cache (src/cache/code-cache.ts). Same exports as src/vendor/' + name + '.ts.',
    "import { loadBundle } from '../cache/code-cache.js';",
  ];
  if (LOADED_ON_FIRST_CALL.has(name)) {
    lines.push('// Loaded on the first call of an export (LOADED_ON_FIRST_CALL in bundle-vendor.ts).');
    lines.push(`let bundle;
const load = () => (bundle ??= loadBundle(new URL('./${name}.cjs', import.meta.url)));`);
    // Reflect.apply: unified's processor is a callable object without Function.prototype.apply.
    exports.forEach((e, i) => lines.push(`function e${i}(...a) { return Reflect.apply(load()[${JSON.stringify(e)}], this, a); }`));
  } else {
    lines.push(`const bundle = loadBundle(new URL('./${name}.cjs', import.meta.url));`);
    exports.forEach((e, i) => lines.push(`const e${i} = bundle[${JSON.stringify(e)}];`));
  }
  lines.push(`export { ${exports.map((e, i) => `e${i} as ${/^[A-Za-z_$][\w$]*$/.test(e) ? e : JSON.stringify(e)}`).join(', ')} };`);
  return `${lines.join('\n')}\n`;
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
    const name = f.slice(0, -3);
    // Already a bundle or a code-cache stand-in (postbuild run a second time without tsc):
    // bundling it again would make the stand-in load itself (commander then recursed until
    // the stack overflowed). Left as it is; `npm run build` compiles and bundles afresh.
    const head = (await readFile(file, 'utf8')).slice(0, 200);
    if (head.startsWith(SHIM_MARK) || head.startsWith(ESM_BANNER)) continue;
    const cjs = CODE_CACHED.has(name);
    const options = {
      ...ESBUILD_BASE,
      entryPoints: [file],
      // Only pdf-lib's pako is swapped: JSZip (the Word bridge) streams through pako's
      // Deflate/Inflate classes, which the stand-in does not have.
      plugins: f === 'front-matter.js' ? [DEFERRED_JS_YAML] : f !== 'pdf-lib.js' ? [] : [
        {
          name: 'pako-native',
          setup(build: { onResolve(o: { filter: RegExp }, cb: () => { path: string }): void }) {
            build.onResolve({ filter: /^pako$/ }, () => ({ path: pakoNative }));
          },
        },
      ],
    };
    // CommonJS packages inside an ES module bundle still call require() for Node's
    // built-ins; give them a real one.
    const result = await esbuild.build({ ...options, format: 'esm', metafile: cjs, banner: { js: requireBanner(ABSENT[f] ?? [], LAZY[f] ?? [], 'esm') } });
    const out = result.outputFiles?.[0];
    if (!out) throw new Error(`esbuild wrote nothing for ${f}`);
    let contents: Uint8Array | string = out.contents;
    if (cjs) {
      // The same code as a CommonJS bundle (./<name>.cjs) and, in <name>.js, an ES module
      // that runs it through the code cache with the exports the ES module bundle has.
      const exports = Object.values(result.metafile?.outputs ?? {})[0]?.exports ?? [];
      const code = await esbuild.build({ ...options, format: 'cjs', define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: requireBanner(ABSENT[f] ?? [], LAZY[f] ?? [], 'cjs') } });
      const bundle = code.outputFiles?.[0];
      if (!bundle || !exports.length) throw new Error(`esbuild wrote no CommonJS bundle or no exports for ${f}`);
      await writeFile(path.join(dir, `${name}.cjs.tmp`), finishCodeBundle(bundle.contents));
      await rename(path.join(dir, `${name}.cjs.tmp`), path.join(dir, `${name}.cjs`));
      contents = codeCachedShim(name, exports);
    }
    // Write beside, then rename: an interrupted build never leaves half a module.
    await writeFile(`${file}.tmp`, contents);
    await rename(`${file}.tmp`, file);
    done.push(f);
  }
  return done;
}
