/**
 * The store build, as sellers install it, on a WhatsApp page: every badge's and the card's shadow
 * root is closed, so the page's own scripts get `null` and cannot read the card (orders, note,
 * spend) or reach its buttons, while the seller's real click still opens the card. A click a page
 * script dispatches opens nothing. (The demo build keeps roots open for the other tests.)
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { openFixturePage } from './support/overlay';

const STORE_DIR = resolve(process.cwd(), '.output/e2e-store/chrome-mv3');
let ext: ExtensionSession;

beforeAll(async () => {
  execFileSync('npx', ['wxt', 'build', '-c', 'tests/e2e/support/store.wxt.config.ts'], {
    stdio: 'pipe',
    timeout: 150_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  ext = await launchWithExtension({ extensionDir: STORE_DIR });
}, 180_000);
afterAll(async () => {
  await ext?.close();
});

const openWhatsApp = () => openFixturePage(ext, 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/');

/** What the page's own scripts see of our hosts: how many, and whether any root is reachable. */
function pageView(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const hosts = [...document.querySelectorAll(sel)];
    return { hosts: hosts.length, open: hosts.filter((h) => h.shadowRoot !== null).length };
  }, selector);
}

describe('the store build on a marketplace page', () => {
  it('closes every shadow root to the page, and only a real click opens the card', async () => {
    const page = await openWhatsApp();
    await page.locator('buyer-tiers-badge').first().waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const badges = await pageView(page, 'buyer-tiers-badge, buyer-tiers-mini');
    expect(badges.hosts).toBeGreaterThan(1);
    expect(badges.open).toBe(0);
    const box = await page.locator('buyer-tiers-badge').first().boundingBox();
    // Rendered inside the closed root: the host has the badge's width.
    expect(box?.width ?? 0).toBeGreaterThan(20);

    // A page script "clicks" the badge: untrusted, nothing opens.
    await page.evaluate(() => (document.querySelector('buyer-tiers-badge') as HTMLElement).click());
    await page.waitForTimeout(800);
    expect(await page.locator('buyer-tiers-card').count()).toBe(0);

    // The seller clicks it (a real, trusted click after scrolling it into view): the card opens,
    // and its root is closed to the page too.
    await page.locator('buyer-tiers-badge').first().click();
    await page.locator('buyer-tiers-card').waitFor({ state: 'attached', timeout: 15_000 });
    expect(await pageView(page, 'buyer-tiers-card')).toEqual({ hosts: 1, open: 0 });
    const card = await page.locator('buyer-tiers-card').boundingBox();
    expect(card?.height ?? 0).toBeGreaterThan(100);
    await page.close();
  });
});
