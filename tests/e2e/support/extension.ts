import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The demo build (`wxt build --mode demo`): the store build has no demo marketplace to test on. */
export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3-demo');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page such as `dashboard.html` or `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(
  /** `extensionDir`: another build than the demo build (the store build, for what only it does). */
  opts: { headless?: boolean; locale?: string; extensionDir?: string } = {},
): Promise<ExtensionSession> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'bt-profile-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // headless is chosen by the flag below: only the new headless mode runs extensions
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
