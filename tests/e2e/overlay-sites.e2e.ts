import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage } from './support/overlay';

/*
 * Every built-in adapter's saved fixture pages, served at their real URLs (context.route), with
 * the built extension: the overlay must badge what the adapter reads and capture order rows.
 */
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/sites');

interface Expected {
  url: string;
  pageKind: string;
  chatBuyer?: { buyerId: string; name: string } | null;
  listBuyers: Array<{ buyerId: string; name: string }>;
  orderRows?: unknown[];
}

function expectedOf(site: string): Record<string, Expected> {
  return JSON.parse(readFileSync(resolve(FIXTURES, site, 'expected.json'), 'utf8'));
}

let ext: ExtensionSession;

beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function openFixture(site: string, file: string, url: string) {
  const page = await ext.context.newPage();
  const html = readFileSync(resolve(FIXTURES, site, file), 'utf8');
  const origin = new URL(url).origin;
  await page.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(url);
  return page;
}

const CASES = ['amazon', 'etsy', 'qianniu', 'whatsapp'].flatMap((site) =>
  Object.entries(expectedOf(site)).map(([file, exp]) => ({ site, file, exp })),
);

describe('built-in adapters at their real URLs', () => {
  for (const { site, file, exp } of CASES) {
    it(`${site}/${file}: badges every listed buyer${exp.chatBuyer ? ' and the open chat' : ''}`, async () => {
      const page = await openFixture(site, file, exp.url);
      // Rows that show only an order id (Amazon) get a badge once the order is known, not before.
      const named = exp.listBuyers.filter((b) => b.buyerId !== '');
      const listed = named.length;
      const ordered = new Set((exp.orderRows ?? []).map((r) => (r as { buyerId: string }).buyerId));
      const withOrders = named.filter((b) => ordered.has(b.buyerId)).length;
      if (exp.chatBuyer) {
        const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
        await expect
          .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 10_000 })
          .toBe(`${site}:${exp.chatBuyer.buyerId}`);
      }
      // Mini badges: one per list anchor, except the open chat's own header anchor.
      await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 10_000 }).toBe(listed);
      if ((exp.orderRows?.length ?? 0) > 0) {
        // Captured rows turn "new" mini badges into known buyers with orders.
        await expect
          .poll(() => page.locator('buyer-tiers-mini [data-known="true"]').count(), { timeout: 10_000 })
          .toBe(withOrders);
      }
      await page.close();
    });
  }

  it("shows the can't-find-the-buyer chip when the chat header disappears, and reports it", async () => {
    const exp = expectedOf('whatsapp')['chat-open.html'];
    const page = await openFixture('whatsapp', 'chat-open.html', exp.url);
    await expect.poll(() => page.locator('buyer-tiers-badge').count(), { timeout: 10_000 }).toBe(1);
    // A redesign: the open chat's header is gone, the reply box is still there.
    await page.evaluate(() => document.querySelector('#main header')?.remove());
    await expect.poll(() => page.locator('buyer-tiers-badge').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid="bt-health-chip"]').count(), { timeout: 6_000 })
      .toBe(1);
    const admin = await extensionPage(ext);
    await expect
      .poll(async () => {
        const rows = await ask<Array<{ site: string; misses: number; hits: number }>>(
          admin,
          'getSelectorHealth',
          {},
        );
        return rows.find((r) => r.site === 'whatsapp')?.misses ?? 0;
      })
      .toBeGreaterThan(0);
    await Promise.all([page.close(), admin.close()]);
  });

  it('inserts a reply into a contenteditable chat box without sending', async () => {
    const exp = expectedOf('whatsapp')['chat-open.html'];
    const page = await openFixture('whatsapp', 'chat-open.html', exp.url);
    // The fixture has no layout CSS: list rows overlap the header, so press the badge with the
    // keyboard (a synthetic dispatchEvent click is untrusted, and the overlay ignores those).
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="bt-card"]').count(), { timeout: 10_000 }).toBe(1);
    // A chat-only buyer has no orders: the card still offers no-order actions or none at all.
    await expect
      .poll(() => page.locator('[data-testid="bt-card-summary"]').textContent(), { timeout: 10_000 })
      .toContain('no orders yet');
    const box = page.locator('#main footer [contenteditable="true"][data-tab]');
    const sent = await page.evaluate(() => {
      (window as unknown as { btKeys: number }).btKeys = 0;
      document.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') (window as unknown as { btKeys: number }).btKeys++;
      });
      return 0;
    });
    const inserted = await page.evaluate(() => {
      const el = document.querySelector('#main footer [contenteditable="true"][data-tab]') as HTMLElement;
      return el.isContentEditable;
    });
    expect(inserted).toBe(true);
    const actions = await page.locator('[data-testid="bt-insert"]').count();
    if (actions > 0) {
      const reply = (await page.locator('.bt-action p').first().textContent()) ?? '';
      await page.locator('[data-testid="bt-insert"]').first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => box.textContent()).toContain(reply.slice(0, 20));
    }
    expect(await page.evaluate(() => (window as unknown as { btKeys: number }).btKeys)).toBe(sent);
    await page.close();
  });
});
