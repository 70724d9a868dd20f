import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { demoBuyerFacts, formatCny } from './support/demo';
import { type ExtensionSession, launchWithExtension } from './support/extension';

let demo: DemoServer;
let ext: ExtensionSession;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('demo chat page in a real browser', () => {
  it('loads the demo data on first run and shows a live badge that follows conversation switches', async () => {
    const [first, second] = demo.data.conversations;
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(first.buyerId)}`);

    const facts = demoBuyerFacts(demo.data, first.buyerId);
    const badge = page.locator('[data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 60_000 })
      .toBe(`demo:${first.buyerId}`);
    await expect
      .poll(async () => badge.textContent(), { timeout: 60_000 })
      .toContain(`${facts.paidOrders} orders`);
    expect(await badge.textContent()).toContain(formatCny(facts.spend));
    // The badge lives in a shadow root beside the buyer's name, not in the page's own DOM.
    const host = page.locator('#chat-header buyer-tiers-badge');
    await expect.poll(() => host.count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid="bt-badge"]').length)).toBe(0);

    await page.click(`#conversation-list li.conversation[data-buyer-id="${second.buyerId}"] a`);
    const facts2 = demoBuyerFacts(demo.data, second.buyerId);
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 10_000 })
      .toBe(`demo:${second.buyerId}`);
    await expect
      .poll(async () => badge.textContent(), { timeout: 10_000 })
      .toContain(
        facts2.paidOrders === 1
          ? '1 order'
          : facts2.paidOrders === 0
            ? 'no orders yet'
            : `${facts2.paidOrders} orders`,
      );
    expect(await page.locator('buyer-tiers-badge').count()).toBe(1);
  });
});
