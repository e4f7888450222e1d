import { cp, mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/fs/index.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

// Posters fail on demand so the atomicity of a failed build can be observed.
const failPosters = { on: false };
vi.mock('../../src/posters/index.js', async (orig) => {
  const real = (await orig()) as typeof import('../../src/posters/index.js');
  return {
    ...real,
    buildPosters: async (...args: Parameters<typeof real.buildPosters>) => {
      if (failPosters.on) throw new Error('injected poster failure');
      return real.buildPosters(...args);
    },
  };
});

const { buildAll } = await import('../../src/build/index.js');

async function copyExample(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-build-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) && !src.includes(`${path.sep}releases`) });
  return dir;
}

describe('buildAll', () => {
  it('leaves the previous dist/ untouched and no staging folder when a build fails', async () => {
    const dir = await copyExample();
    const { model } = await loadSop(dir);
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'marker.txt'), 'previous build');
    // A dist/ sopkit made (issue 10: it replaces no other folder).
    await writeFile(path.join(dir, 'dist', OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    failPosters.on = true;
    await expect(buildAll(model, { targets: ['pdf', 'posters'] })).rejects.toThrow(/injected/);
    failPosters.on = false;
    expect(await readFile(path.join(dir, 'dist', 'marker.txt'), 'utf8')).toBe('previous build');
    expect((await readdir(dir)).filter((n) => n.includes('staging'))).toEqual([]);
  });

  it('keeps dist/report/ and reuses the PDFs of an unchanged frozen release', async () => {
    const dir = await copyExample();
    // A frozen release 2.0: the sources with another version and a release.json.
    const rel = path.join(dir, 'releases', '2.0');
    await cp(EXAMPLE, rel, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
    const sop = await readFile(path.join(rel, 'sop.yaml'), 'utf8');
    await writeFile(path.join(rel, 'sop.yaml'), sop.replace(/^version: .*$/m, 'version: "2.0"'));
    await writeFile(path.join(rel, 'release.json'), '{"version":"2.0"}\n');
    const { model } = await loadSop(dir);
    const released = (await loadSop(rel)).model;
    const progress: string[] = [];
    const first = await buildAll(model, { targets: ['pdf'], versions: [released], onProgress: (m) => progress.push(m) });
    expect(first.files).toContain('pdf/sop-v2.0-ar.pdf');
    expect(first.files).toContain('pdf/sop-v2.1-ar.pdf');
    expect(progress).toContain('PDFs of release 2.0');
    const before = await readFile(path.join(dir, 'dist', 'pdf', 'sop-v2.0-en.pdf'));

    await mkdir(path.join(dir, 'dist', 'report'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'report', 'changelog-2.1.md'), '# changes\n');
    progress.length = 0;
    const second = await buildAll(model, { targets: ['pdf'], versions: [released], onProgress: (m) => progress.push(m) });
    expect(progress).toContain('PDFs of release 2.0: unchanged, reused');
    expect(second.files).toContain('pdf/sop-v2.0-en.pdf');
    expect(Buffer.compare(before, await readFile(path.join(dir, 'dist', 'pdf', 'sop-v2.0-en.pdf')))).toBe(0);
    expect(await readFile(path.join(dir, 'dist', 'report', 'changelog-2.1.md'), 'utf8')).toBe('# changes\n');
  });
});
