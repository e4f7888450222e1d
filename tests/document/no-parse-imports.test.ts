import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, `/`-separated and relative to the checkout. */
async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('one Markdown parser', () => {
  it('no module of src/ but src/document/parse.ts uses parseMarkdown (its home src/markdown/ aside)', async () => {
    const users: string[] = [];
    for (const file of await sources('src')) {
      if (file.startsWith('src/markdown/') || file === 'src/document/parse.ts') continue;
      if (/\bparseMarkdown\b/.test(await readFile(file, 'utf8'))) users.push(file);
    }
    expect(users).toEqual([]);
  });

  it('src/document/parse.ts is where it is used (the test above looks at the right name)', async () => {
    expect(await readFile('src/document/parse.ts', 'utf8')).toMatch(/import \{ parseMarkdown \} from '\.\.\/markdown\/index\.js'/);
  });
});
