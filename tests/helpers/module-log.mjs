// Preloaded into a sopkit process (NODE_OPTIONS=--import=<this file>) by
// tests/cli/startup-imports.test.ts: registers the hook below, which appends the URL of
// every module the process loads to the file named by SOPKIT_TEST_MODULE_LOG.
import { register } from 'node:module';

if (process.env.SOPKIT_TEST_MODULE_LOG) register(new URL('./module-log-hooks.mjs', import.meta.url));
