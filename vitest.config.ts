import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two lanes. `unit` is the fast loop (library calls, no child processes, no browser);
 * `e2e` drives the real CLI, Chromium, qpdf and the fuzz lane. `npm test` runs both;
 * `npm run test:unit` / `npm run test:e2e` run one.
 */
export const E2E = [
  'tests/bad-inputs/**/*.test.ts',
  'tests/build/**/*.test.ts',
  'tests/cli/**/*.test.ts',
  'tests/fuzz/**/*.test.ts',
  'tests/posters/build.test.ts',
  'tests/release/diff-pdf.test.ts',
  'tests/release/release-e2e.test.ts',
  'tests/render-pdf/stamp-cli.test.ts',
  'tests/site/e2e.test.ts',
  'tests/site/serve.test.ts',
  'tests/tooling/**/*.test.ts',
  'tests/validate/standalone.test.ts',
  'tests/verify/built-pdf.test.ts',
  'tests/verify/cli.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: keep workers modest so PDF and browser tests do not starve.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...E2E] } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
