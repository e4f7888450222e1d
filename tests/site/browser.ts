import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { missingTool } from '../helpers/tools.js';
import { tempDir } from './helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Why the browser tests cannot run here (printed once; a failure in CI), or undefined. */
export const CHROMIUM_MISSING = missingTool('chromium');

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
