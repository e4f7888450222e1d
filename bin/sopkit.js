#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` through the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'sopkit: the compiled program is missing (lib/cli/main.js).\n' +
      'hint: run `npm install` (or `npm run build`) in the sopkit folder first.\n',
  );
  process.exit(2);
}
await import(entry.href);
