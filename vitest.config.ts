import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: keep workers modest so PDF and browser tests do not starve.
    maxWorkers: 2,
  },
});
