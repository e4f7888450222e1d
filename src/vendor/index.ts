/**
 * Third-party libraries, each re-exported from one module per job.
 *
 * Why: the code imports its npm dependencies only through these files, and `npm run
 * build` replaces each compiled file in lib/vendor/ by one esbuild bundle of what it
 * re-exports (src/tooling/bundle-vendor.ts). Node then reads a handful of files instead
 * of ~600 (pdf-lib alone is 400 CommonJS files); that halves the start-up of every
 * command (bench/pdf.mjs, docs/bench.md). The tests load the same bundles (vitest.config.ts
 * maps src/ to lib/; tests/setup/shipped.test.ts checks it).
 *
 * Not bundled: harfbuzzjs (it loads its .wasm beside itself), pdfjs-dist, elkjs and
 * minisearch (each already ships as a single file), playwright-core and axe-core (tests).
 */
export {};
