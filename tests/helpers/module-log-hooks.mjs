// Module loader hook (see module-log.mjs): one line per loaded module URL. Runs on Node's
// hooks thread, so it writes synchronously; the log is read after the process has exited.
import { appendFileSync } from 'node:fs';

const log = process.env.SOPKIT_TEST_MODULE_LOG;

export async function load(url, context, next) {
  if (log) appendFileSync(log, `${url}\n`);
  return next(url, context);
}
