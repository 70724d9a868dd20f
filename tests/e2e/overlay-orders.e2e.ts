import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijing, esc, yuan } from '../demo/html';
import { type DemoServer, startDemoServer } from '../demo/server';
import { demoBuyerFacts } from './support/demo';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { badgesOf, extensionPage } from './support/overlay';

let demo: DemoServer;
let ext: ExtensionSession;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`${demo.url}/chat`);
  await page.waitForFunction(
    () => /order/.test(document.querySelector('buyer-tiers-badge')?.shadowRoot?.textContent ?? ''),
    undefined,
    { timeout: 90_000 },
  );
  await page.close();
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

const ordersText = (n: number) => (n === 0 ? 'no orders yet' : n === 1 ? '1 order' : `${n} orders`);

/** One order-list row for `buyerId`, in the demo's /orders DOM contract. */
function extraRow(orderId: string, buyerId: string, name: string, at: number, total: number): string {
  return `<tr class="order-row" data-order-id="${esc(orderId)}"><td class="col-order-id"><a href="/orders#${esc(orderId)}">${esc(orderId)}</a></td><td class="col-date"><time datetime="${new Date(at).toISOString()}">${beijing(at)}</time></td><td class="col-buyer"><span class="buyer-name" data-buyer-id="${esc(buyerId)}" title="${esc(name)}">${esc(name)}</span></td><td class="col-items"><ul class="items"><li class="item" data-sku="EXTRA-1" data-category="mugs"><span class="item-title">Extra mug</span> <span class="item-qty">×1</span> <span class="item-price">${yuan(total)}</span></li></ul></td><td class="col-total"><span class="total-amount">${yuan(total)}</span></td><td class="col-status"><span class="status status-paid" data-status="paid">已付款 Paid</span></td><td class="col-country">CN</td></tr>`;
}

describe('overlay on demo order lists', () => {
  it('badges every order row, and rows added by infinite scroll', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/orders?infinite=1`);
    const rows = () => page.locator('#order-rows tr.order-row').count();
    await expect
      .poll(async () => page.locator('buyer-tiers-mini').count(), { timeout: 10_000 })
      .toBe(await rows());
    await page.evaluate(() => (window as unknown as { demoLoadMore(): Promise<number> }).demoLoadMore());
    await page.evaluate(() => (window as unknown as { demoLoadMore(): Promise<number> }).demoLoadMore());
    expect(await rows()).toBe(150);
    await expect.poll(async () => page.locator('buyer-tiers-mini').count(), { timeout: 5_000 }).toBe(150);
    await expect
      .poll(() => page.locator('buyer-tiers-mini [data-known="true"]').count(), { timeout: 5_000 })
      .toBe(150);
    await page.close();
  });

  it('captures an order row not yet in the database; the buyer shows one more order in chat and list', async () => {
    const conv = demo.data.conversations.find((c) => demoBuyerFacts(demo.data, c.buyerId).paidOrders >= 1);
    if (!conv) throw new Error('no buyer with orders in chat');
    const buyer = demo.data.buyers.find((b) => b.id === conv.buyerId);
    const before = demoBuyerFacts(demo.data, conv.buyerId).paidOrders;
    const key = `demo:${conv.buyerId}`;

    // The seller has the chat open in one tab…
    const chat = await ext.context.newPage();
    await chat.goto(`${demo.url}/chat?buyer=${encodeURIComponent(conv.buyerId)}`);
    const chatBadge = chat.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect.poll(() => chatBadge.textContent(), { timeout: 10_000 }).toContain(ordersText(before));

    // …and opens an order list whose first row is an order the extension has never seen.
    const orders = await ext.context.newPage();
    await orders.route(`${demo.url}/orders?page=1`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(
        '<tbody id="order-rows">',
        `<tbody id="order-rows">${extraRow('EXTRA-0001', conv.buyerId, buyer?.name ?? conv.buyerId, Date.now() - 3_600_000, 12_300)}`,
      );
      await route.fulfill({ response: res, body: html });
    });
    await orders.goto(`${demo.url}/orders?page=1`);
    const mini = orders.locator(`tr[data-order-id="EXTRA-0001"] buyer-tiers-mini [data-testid="bt-mini"]`);
    await expect.poll(() => mini.textContent(), { timeout: 10_000 }).toContain(ordersText(before + 1));
    await expect.poll(() => chatBadge.textContent(), { timeout: 5_000 }).toContain(ordersText(before + 1));
    const admin = await extensionPage(ext);
    expect((await badgesOf(admin, [key]))[key].paidOrders).toBe(before + 1);

    // Capture is idempotent: reloading the list does not count the order twice.
    await orders.reload();
    await expect.poll(() => mini.textContent(), { timeout: 10_000 }).toContain(ordersText(before + 1));
    await orders.waitForTimeout(500);
    expect((await badgesOf(admin, [key]))[key].paidOrders).toBe(before + 1);
    await Promise.all([chat.close(), orders.close(), admin.close()]);
  });
});
