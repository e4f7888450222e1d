// Preloaded into a sopkit process (NODE_OPTIONS=--import=<this file>) by
// tests/cli/startup-imports.test.ts: registers the hook below, which appends the URL of
// every ES module the process loads to the file named by SOPKIT_TEST_MODULE_LOG, and at
// exit adds the lib/ modules that ran inside the CLI bundle (lib/cli/bundle.cjs keeps
// their lib/ paths in a list, src/tooling/bundle-cli.ts), as `bundle:<URL of lib/<path>>`.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const log = process.env.SOPKIT_TEST_MODULE_LOG;
if (log) {
  register(new URL('./module-log-hooks.mjs', import.meta.url));
  const lib = new URL('../../lib/', import.meta.url);
  process.on('exit', () => {
    const ran = globalThis[Symbol.for('sopkit.bundle.modules')] ?? [];
    appendFileSync(log, ran.map((m) => `bundle:${new URL(m, lib).href}\n`).join(''));
  });
}
