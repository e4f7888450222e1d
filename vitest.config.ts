import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

const ROOT = fileURLToPath(new URL('./', import.meta.url));
const SRC = path.join(ROOT, 'src') + path.sep;
const LIB = path.join(ROOT, 'lib') + path.sep;

/**
 * The tests run the code users run: a relative import of `src/<x>.js` from outside src/
 * (a test, a helper, vi.mock) loads `lib/<x>.js`, the output of `npm run build`: tsc's
 * JavaScript with the vendor bundles, the generated validators and the parsed profiles
 * beside it. The global setup (tests/setup/built-lib.ts) rebuilds lib/ first when the
 * sources are newer; tests/setup/shipped.test.ts proves the mapping holds.
 *
 * A test that wants the sources themselves as a reference (the vendor bundles against
 * their façades) imports them by absolute path, which this leaves alone.
 */
function shippedLib(): Plugin {
  return {
    name: 'sopkit-shipped-lib',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || importer.startsWith(SRC)) return null;
      const abs = path.resolve(path.dirname(importer), source);
      if (!abs.startsWith(SRC)) return null;
      return path.join(LIB, abs.slice(SRC.length).replace(/\.(ts|js)$/, '.js'));
    },
  };
}

/**
 * Two lanes. `unit` is the fast loop (library calls on small inputs: no child processes,
 * no browser, no whole build of the example; under 60 s on a 2-core machine); `e2e`
 * drives the real CLI, Chromium, qpdf, poppler, the fuzz lane and the example end to
 * end. `npm test` runs both; `npm run test:unit` / `npm run test:e2e` run one.
 */
export const E2E = [
  'tests/bad-inputs/**/*.test.ts',
  'tests/build/**/*.test.ts',
  'tests/cache/code-cache.test.ts', // one node process per step (V8 keeps compiled scripts in memory)
  'tests/cli/**/*.test.ts',
  'tests/diagram/elk-memo.test.ts', // three node processes sharing a cache folder
  'tests/fuzz/**/*.test.ts',
  'tests/i18n/anchors.test.ts', // builds the example with the CLI
  'tests/layout/diagram.test.ts', // builds the example's PDFs, runs pdftotext
  'tests/posters/build.test.ts',
  'tests/posters/compose.test.ts', // composes every poster of the example
  'tests/posters/fit-example.test.ts', // composes every poster of four copies of the example
  'tests/posters/legibility.test.ts', // builds every poster of the example, reads them with pdf.js
  'tests/release/diff-pdf.test.ts',
  'tests/release/release-memo.test.ts', // two `sopkit release` processes with their builds
  'tests/release/lock.test.ts', // runs three `sopkit release` processes at once
  'tests/release/release-e2e.test.ts',
  'tests/render-pdf/links.test.ts', // runs pdftotext
  'tests/render-pdf/stamp-cli.test.ts',
  'tests/site/dark-mode.test.ts',
  'tests/site/downloads.test.ts', // builds the example with the CLI (site alone, then all)
  'tests/site/e2e.test.ts',
  'tests/site/phone.test.ts',
  'tests/site/serve.test.ts',
  'tests/site/serve-pdf.test.ts', // lays out the example's PDFs, Chromium
  'tests/tooling/**/*.test.ts',
  'tests/validate/standalone.test.ts',
  'tests/verify/built-pdf.test.ts',
  'tests/verify/tags-example.test.ts', // builds the example's PDFs
  'tests/verify/cli.test.ts',
  'tests/word/export.test.ts', // builds the example's Word files with the CLI
  'tests/word/comments.test.ts',
  'tests/word/import.test.ts',
  'tests/word/libreoffice.test.ts', // LibreOffice headless, when installed
];

export default defineConfig({
  plugins: [shippedLib()],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: keep workers modest so PDF and browser tests do not starve.
    maxWorkers: 2,
    globalSetup: ['tests/setup/built-lib.ts'],
    // The CLI processes the tests start keep their build cache (docs/cache.md) in a folder
    // of the test run's own, not in the user's ~/.cache.
    env: { SOPKIT_CACHE_DIR: path.join(os.tmpdir(), 'sopkit-test-cache') },
    // The vendor bundles are loaded by Node itself, as the CLI loads them (vite would only
    // re-parse 2.5 MB of generated JavaScript per test file); the rest of lib/ goes through
    // vite so that vi.mock can replace a module.
    server: { deps: { external: [new RegExp(`^${(LIB + 'vendor' + path.sep).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E],
          // The files of a worker share its loaded modules (HarfBuzz, fonts, the libraries):
          // loading them once per file was over half of this lane's time (76 → 24 s at load 4
          // on the 2-core machine, with the moves above). So a unit test must not depend on fresh module state (read a
          // counter as a difference) and must undo what it changes in `process`; spies are
          // restored after each test.
          isolate: false,
          restoreMocks: true,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
