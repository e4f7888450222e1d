import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from './helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} not found: browser tests skipped (install it with: apt-get install -y chromium)`;

/** Debian's Chromium with a fresh profile and no background traffic. */
export async function launchChromium(opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const userDataDir = await tempDir('sopkit-chromium-');
  return chromium.launchPersistentContext(path.join(userDataDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
