import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, absolute. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Relative URLs a file refers to: `href`/`src` attributes of HTML, `url(…)` of CSS. */
function referencesOf(file: string, text: string): string[] {
  if (file.endsWith('.html')) return [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  if (file.endsWith('.css')) return [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
  return [];
}

async function isFile(p: string): Promise<boolean> {
  const s = await stat(p).catch(() => null);
  if (!s) return false;
  return s.isFile() || (s.isDirectory() && (await stat(path.join(p, 'index.html')).catch(() => null))?.isFile() === true);
}

/**
 * The links of a site folder that do not reach a file inside it, as `page → link`: a
 * relative `href`/`src`/`url()` that leaves the folder, or names a file (or a folder
 * without index.html: most web servers answer 403/404) that is not there. Absolute URLs
 * (`https:`, `mailto:`, `data:`) and in-page `#…` links are not checked.
 */
export async function deadLinks(siteDir: string): Promise<string[]> {
  const root = path.resolve(siteDir);
  const dead: string[] = [];
  for (const file of (await filesUnder(root)).sort()) {
    if (!/\.(html|css)$/.test(file)) continue;
    const text = await readFile(file, 'utf8');
    for (const ref of new Set(referencesOf(file, text))) {
      if (ref === '' || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue;
      const target = path.resolve(path.dirname(file), decodeURI(ref.replace(/[?#].*$/, '')));
      const inside = target === root || target.startsWith(root + path.sep);
      if (!inside || !(await isFile(target))) dead.push(`${path.relative(root, file).split(path.sep).join('/')} → ${ref}`);
    }
  }
  return dead;
}
