#!/usr/bin/env node
// CommonJS (bin/package.json), so that a command starts without Node's ES module loader:
// lib/cli/launch.cjs runs the CLI's one-file bundle (src/cli/launch.ts). Without it (no
// esbuild at build time), or when the bundle is not wanted (SOPKIT_BUNDLE=0,
// SOPKIT_DEBUG), the ES modules of lib/ run from lib/cli/main.js.
// The compiled CLI lives in lib/ (built by `npm install` through the "prepare" script).
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'lib', 'cli');
const launcher = path.join(cli, 'launch.cjs');
const launch = existsSync(launcher) ? require(launcher) : undefined;
if (launch && launch.bundleWanted()) {
  launch.runBundle();
} else if (existsSync(path.join(cli, 'main.js'))) {
  import(require('node:url').pathToFileURL(path.join(cli, 'main.js')).href);
} else {
  process.stderr.write(
    'sopkit: the compiled program is missing (lib/cli/main.js).\n' +
      'hint: run `npm install` (or `npm run build`) in the sopkit folder first.\n',
  );
  process.exit(2);
}
