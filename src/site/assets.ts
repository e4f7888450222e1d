import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readTemplate } from './template.js';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  // Font packages export only CSS; their package.json is always resolvable.
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The OFL fonts (same families as the PDF), only the subsets and weights the pages use. */
const FONTS: { pkg: string; files: string[] }[] = [
  { pkg: '@fontsource/noto-naskh-arabic', files: ['noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-700-normal.woff2'] },
  { pkg: '@fontsource/noto-sans', files: ['noto-sans-latin-400-normal.woff2', 'noto-sans-latin-700-normal.woff2'] },
];

/**
 * Drops block comments, indentation and the source-map line of a vendored script (MiniSearch's
 * UMD build is 60 % JSDoc). Safe for that file: it has no template literals or comment-like
 * strings; the browser test proves search still works.
 */
export function slimScript(js: string): string {
  const header = '/* MiniSearch (MIT License, Luca Ongaro), comments removed by sopkit */\n';
  return header + js
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\/\/# sourceMappingURL=.*$/m, '')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n') + '\n';
}

/** Comments and indentation out of the stylesheet (every byte counts on a phone plan). */
export function slimCss(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
}

/**
 * Comments and indentation out of sopkit's own page script (half its bytes). Safe for that
 * file: no string or regular expression in it holds a comment opener (the browser tests run it).
 */
export function slimSiteScript(js: string): string {
  return js.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
}

export interface Asset {
  /** Path under `site/`. */
  path: string;
  content: Buffer | string;
}

/** Everything under `site/assets/`, shared by every version and language. */
let cached: Asset[] | null = null;

export function siteAssets(): Asset[] {
  // Read once per process: `serve` rebuilds often and these never change while it runs.
  if (cached) return cached;
  const out: Asset[] = [
    { path: 'assets/site.css', content: slimCss(readTemplate('site.css')) },
    { path: 'assets/site.js', content: slimSiteScript(readTemplate('site.js')) },
    { path: 'assets/minisearch.js', content: slimScript(readFileSync(path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js'), 'utf8')) },
  ];
  for (const f of FONTS) {
    const dir = packageDir(f.pkg);
    for (const file of f.files) out.push({ path: `assets/fonts/${file}`, content: readFileSync(path.join(dir, 'files', file)) });
    out.push({ path: `assets/fonts/LICENSE-${f.pkg.split('/')[1]}.txt`, content: readFileSync(path.join(dir, 'LICENSE')) });
  }
  cached = out;
  return out;
}
