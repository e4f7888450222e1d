// Preloaded into a sopkit process (NODE_OPTIONS=--require=<this file>) by
// tests/cli/startup-imports.test.ts: at exit, writes the Node built-ins the process loaded
// (process.moduleLoadList: "NativeModule <name>" lines) to SOPKIT_TEST_BUILTIN_LOG.
// CommonJS, so that preloading it loads no ES module loader of its own.
'use strict';
const log = process.env.SOPKIT_TEST_BUILTIN_LOG;
if (log) process.on('exit', () => require('node:fs').writeFileSync(log, process.moduleLoadList.join('\n')));
