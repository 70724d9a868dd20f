import type { Page } from 'playwright-core';
import type { DemoServer } from '../demo/server';
import type { ExtensionSession } from './support/extension';

/** Visits the demo chat page so the extension loads the demo shop, and waits for the badge. */
export async function loadDemo(ext: ExtensionSession, demo: DemoServer): Promise<Page> {
  const page = await ext.context.newPage();
  const first = demo.data.conversations[0];
  await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(first.buyerId)}`);
  await page.locator('[data-testid="bt-badge"][data-buyer-key]').first().waitFor({ timeout: 90_000 });
  return page;
}

/** Collects uncaught page errors so a test can assert the page ran cleanly. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
