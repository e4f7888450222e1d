/**
 * The CLI's ES module entry. bin/sopkit.js runs the bundle through lib/cli/launch.cjs
 * without it (./launch.ts); it comes here when that file is missing or the bundle is not
 * wanted (SOPKIT_BUNDLE=0, SOPKIT_DEBUG): then the ES modules of lib/ run (./start.ts).
 */
import { bundleWanted, runBundle } from './launch.js';

if (bundleWanted()) {
  await runBundle();
} else {
  const { main } = await import('./start.js');
  await main();
}
