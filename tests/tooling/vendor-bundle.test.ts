/**
 * The compiled CLI loads its npm libraries from esbuild bundles in lib/vendor/ (see
 * src/vendor/index.ts), and so does the suite (vitest.config.ts maps src/ to lib/). These
 * tests prove the bundles are the façades' code: the same exports as the façades in src/
 * (imported by absolute path, so unbundled), and the same PDF bytes from the CLI process
 * (bin/sopkit.js, with its V8 flags) as from the engine called in-process.
 */
import { cp, readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { bundleVendor } from '../../src/tooling/bundle-vendor.js';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs } from '../../src/build/pdfs.js';
import { loadSop } from '../../src/model/index.js';
import { ROOT, ensureBuilt, sopkit } from '../cli/cli.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';
import { arabicParagraph, section } from '../layout/sop-fixture.js';

const LIB_VENDOR = path.join(ROOT, 'lib/vendor');
const FACADES = ['ajv', 'commander', 'diff', 'docx', 'front-matter', 'html', 'markdown', 'pdf-lib', 'unicode', 'word-import', 'yaml', 'zip'];

beforeAll(() => ensureBuilt());

describe('lib/vendor bundles', () => {
  it('bundling again what is already bundled leaves it as it is (postbuild run twice without tsc)', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sopkit-vendor-again-')), 'vendor');
    await cp(LIB_VENDOR, dir, { recursive: true });
    const before = await Promise.all((await readdir(dir)).sort().map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')]));
    expect(await bundleVendor(dir)).toEqual([]);
    const after = await Promise.all((await readdir(dir)).sort().map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it('has one bundle per façade in src/vendor', async () => {
    const src = (await readdir(path.join(ROOT, 'src/vendor'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => f.slice(0, -3));
    expect(src.filter((f) => f !== 'index' && f !== 'pako-native').sort()).toEqual(FACADES);
  });

  for (const name of FACADES) {
    it(`${name}: the bundle exports exactly what the façade exports`, async () => {
      const bundled = await import(pathToFileURL(path.join(LIB_VENDOR, `${name}.js`)).href);
      // By absolute path: the façade itself, not the lib/ bundle a relative import would load.
      const facade = await import(path.join(ROOT, 'src/vendor', `${name}.ts`));
      expect(Object.keys(bundled).sort()).toEqual(Object.keys(facade).sort());
      for (const k of Object.keys(facade)) expect(typeof bundled[k], k).toBe(typeof facade[k]);
    });
  }

  it('pdf-lib is bundled with Node zlib in place of pako', async () => {
    // The bundle runs through V8's code cache (lib/vendor/pdf-lib.cjs; pdf-lib.js is its shim).
    const code = await readFile(path.join(LIB_VENDOR, 'pdf-lib.cjs'), 'utf8');
    // A bundle has no bare imports left but Node built-ins (an unbundled façade would).
    const bare = [...code.matchAll(/(?:from|import)\s*["']([^"'.][^"']*)["']|require\(["']([^"'.][^"']*)["']\)/g)].map((m) => m[1] ?? m[2]);
    expect(bare.filter((s) => !s!.startsWith('node:') && !['zlib', 'fs', 'path', 'util'].includes(s!))).toEqual([]);
    expect(code).toContain('inflateSync');
    expect(code).not.toMatch(/function deflate\d*\(input, options\)/); // pako's own deflate
  });
});

describe('the CLI and the engine in-process write the same PDFs', () => {
  it('byte-identical SOP PDFs in Arabic and English, with an image', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const dir = await writeFixture({
      'sop.yaml': manifestYaml({ version: '"2.1"', date: '2026-11-22' }),
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف والنطاق', `## مقدمة\n\n${(arabicParagraph + '\n\n').repeat(8)}| أ | ب |\n|---|---|\n| ١ | ٢ |\n\n![نقطة](dot.png)\n`),
      'sections/ar/dot.png': png,
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose and scope', '## Intro\n\nSome text with a [link](#intro).\n\n![dot](dot.png)\n'),
      'sections/en/dot.png': png,
    });
    const cli = sopkit(['build', dir, '--only', 'pdf', '--quiet'], dir);
    expect(cli.code, cli.stderr).toBe(0);
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-vendor-'));
    await buildPdfs((await loadSop(dir)).model, out);
    for (const f of ['sop-v2.1-ar.pdf', 'sop-v2.1-en.pdf']) {
      const a = await readFile(path.join(dir, 'dist/pdf', f));
      const b = await readFile(path.join(out, 'pdf', f));
      expect(a.length, f).toBeGreaterThan(1000);
      expect(Buffer.compare(a, b), f).toBe(0);
    }
  });
});
