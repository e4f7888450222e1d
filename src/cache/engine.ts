import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

async function hashTree(hash: ReturnType<typeof createHash>, dir: string, rel = ''): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return; // e.g. no templates/ beside an unusual install: nothing to hash.
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) await hashTree(hash, dir, r);
    else if (e.isFile()) hash.update(`${r}\0`).update(await readFile(path.join(dir, r))).update('\0');
  }
}

let engine: Promise<string> | undefined;

/**
 * A fingerprint of the code that renders the outputs: every file of the compiled tree
 * this module runs from (lib/, for the CLI and the tests alike), the templates and package.json.
 * A cached output is only reused by the same engine, so an upgrade (or any code change)
 * rebuilds the older releases once instead of publishing pages an up-to-date build would
 * not write. Computed once per process (~200 small files).
 */
export function engineFingerprint(): Promise<string> {
  engine ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url)); // <tree>/cache
    const tree = path.dirname(here);
    const pkg = path.dirname(tree);
    const hash = createHash('sha256');
    await hashTree(hash, tree);
    hash.update('\0templates\0');
    await hashTree(hash, path.join(pkg, 'templates'));
    hash.update('\0package.json\0').update(await readFile(path.join(pkg, 'package.json')).catch(() => Buffer.from('')));
    return hash.digest('hex');
  })();
  return engine;
}

