import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, listFiles, REPO, tempDir } from './helpers.js';
import { deadLinks } from './links.js';

const run = promisify(execFile);
const sopkit = (...args: string[]) => run(process.execPath, [path.join(REPO, 'bin', 'sopkit.js'), ...args], { cwd: REPO, maxBuffer: 1 << 24 });

/**
 * Issue 12: the site folder alone works (from a USB stick, a web server): every link of its
 * pages reaches a file inside it. A site built without the PDFs and posters links none of
 * them; a full build's site, copied away from dist/, has every PDF and poster it links.
 */
describe('download links of the site', () => {
  test('`build --only site`: no link to a download, no dead link', async () => {
    const out = path.join(await tempDir(), 'dist');
    await sopkit('build', EXAMPLE, '--only', 'site', '--quiet', '-o', out);
    const site = path.join(out, 'site');
    expect(await deadLinks(site)).toEqual([]);
    for (const f of (await listFiles(site)).filter((x) => x.endsWith('.html'))) {
      expect(await readFile(path.join(site, f), 'utf8'), f).not.toContain('downloads/');
    }
  });

  test('a full build: dist/site copied elsewhere has every PDF and poster its pages link', async () => {
    const out = path.join(await tempDir(), 'dist');
    await sopkit('build', EXAMPLE, '--quiet', '-o', out);
    const copy = path.join(await tempDir(), 'usb-stick');
    await cp(path.join(out, 'site'), copy, { recursive: true });
    expect(await deadLinks(copy)).toEqual([]);
    // …and the links are there (a page with no download links would pass the line above).
    const ar = await readFile(path.join(copy, '2.1', 'ar', 'index.html'), 'utf8');
    expect(ar).toContain('href="../../downloads/pdf/sop-v2.1-ar.pdf"');
    expect(ar).toContain('href="../../downloads/pdf/annex-1-v2.1-ar.pdf"');
    expect(ar).toContain('href="../../downloads/posters/eligibility-a3-ar.pdf"');
    expect(ar).toContain('href="../../downloads/posters/eligibility-a2-bilingual.pdf"');
    expect(ar).not.toContain('href="../../downloads/posters/eligibility-a3-en.pdf"');
    const posters = (await listFiles(path.join(copy, 'downloads', 'posters'))).filter((f) => f.endsWith('-ar.pdf') || f.endsWith('-bilingual.pdf'));
    expect(posters.length).toBeGreaterThan(5);
    for (const f of posters) expect(ar).toContain(`href="../../downloads/posters/${f}"`);
  });
});
