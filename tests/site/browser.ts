import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from '../../src/build/site.js';
import type { SopModel } from '../../src/model/index.js';
import { missingTool } from '../helpers/tools.js';
import { loadExample, tempDir } from './helpers.js';

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

/** The example site built into a temporary folder and one Chromium page that records its script errors. */
export interface OpenSite {
  ctx: BrowserContext;
  page: Page;
  /** Script errors and console errors seen so far (a test expects none). */
  errors: string[];
  /** The file:// address of a page of the site, `rel` relative to `site/`, with an optional `#hash`. */
  url(rel: string): string;
}

/** `olderVersions` makes the earlier versions the site also holds (the version switcher's). */
export async function openExampleSite(olderVersions: (model: SopModel) => SopModel[] = () => []): Promise<OpenSite> {
  const model = await loadExample();
  const out = await tempDir();
  await buildSite(model, out, { versions: olderVersions(model) });
  const site = path.join(out, 'site');
  const ctx = await launchChromium();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const url = (rel: string) => {
    const [file, hash] = rel.split('#');
    return pathToFileURL(path.join(site, file!)).href + (hash ? `#${hash}` : '');
  };
  return { ctx, page, errors, url };
}
