import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedsDto } from '../../core/needs';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, badgesOf, extensionPage, openFixturePage } from './support/overlay';

/*
 * Amazon, Etsy and Qianniu fixtures at their real URLs with the built extension: German rows are
 * captured, order-id-only rows are badged once the order is known, Etsy's reply box is filled
 * without sending and needs count only the buyer's messages, and the Taobao page-world JSON path
 * captures orders while a forged order for another platform goes nowhere.
 */
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/sites');
let ext: ExtensionSession;
let admin: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  admin = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
});

const open = (site: string, file: string, url: string, json?: { path: RegExp; body: string }) =>
  openFixturePage(ext, site, file, url, json);

const minis = (page: Page) => page.locator('buyer-tiers-mini [data-testid="bt-mini"]');

describe('Amazon Seller Central', () => {
  it('.de: badges every named row and captures the German-labelled orders', async () => {
    const page = await open(
      'amazon',
      'orders-de.html',
      'https://sellercentral.amazon.de/orders-v3/mfn/unshipped',
    );
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => {
        const b = await badgesOf(admin, ['amazon:Lena Hoffmann', 'amazon:Jonas Weber']);
        return [b['amazon:Lena Hoffmann']?.orders, b['amazon:Jonas Weber']?.orders];
      })
      .toEqual([2, 1]);
    await page.close();
  });

  it('badges a row that shows only an order id once that order is known', async () => {
    const page = await open(
      'amazon',
      'orders-de.html',
      'https://sellercentral.amazon.de/orders-v3/mfn/unshipped',
    );
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(3);
    // The order becomes known (an import or the order page would do this).
    await ask(admin, 'recordCapturedOrders', {
      platform: 'amazon',
      orders: [
        {
          orderId: '303-5656565-7878787',
          buyerId: 'Greta Sommer',
          buyerName: 'Greta Sommer',
          placedAt: Date.parse('2026-11-21T09:00:00Z'),
          total: 4500,
          currency: 'EUR',
          status: 'paid',
          items: [{ title: 'Wollschal, Grau', qty: 1, unitPrice: 4500 }],
        },
      ],
    });
    const greta = page.locator('buyer-tiers-mini [data-buyer-key="amazon:Greta Sommer"]');
    await expect.poll(() => greta.count(), { timeout: 10_000 }).toBe(1);
    // The thread about that order, whose header shows only the order id, is badged too.
    const thread = await open(
      'amazon',
      'messaging-order-only.html',
      'https://sellercentral.amazon.de/messaging/inbox?orderId=303-5656565-7878787',
    );
    await expect
      .poll(() => thread.locator('buyer-tiers-mini [data-buyer-key="amazon:Greta Sommer"]').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await Promise.all([page.close(), thread.close()]);
  });

  it('.co.jp: yen amounts without minor units reach the buyer list', async () => {
    const page = await open(
      'amazon',
      'orders-co-jp.html',
      'https://sellercentral.amazon.co.jp/orders-v3/mfn/unshipped',
    );
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(2);
    await expect
      .poll(async () => (await badgesOf(admin, ['amazon:佐藤 花子']))['amazon:佐藤 花子']?.orders)
      .toBe(1);
    await page.close();
  });
});

describe('Etsy', () => {
  it('pages the adapter does not read get no overlay, even with order markup on them', async () => {
    // The Etsy script is injected on every www.etsy.com/your/ page (a rule may cover any of them).
    const page = await open('etsy', 'sold-orders.html', 'https://www.etsy.com/your/shops/me/tools/listings');
    await page.waitForTimeout(2_000);
    expect(await page.locator('buyer-tiers-mini, buyer-tiers-badge').count()).toBe(0);
    await page.close();
  });

  it('sold orders: every row badged, orders in several currencies captured', async () => {
    const page = await open(
      'etsy',
      'sold-orders.html',
      'https://www.etsy.com/your/orders/sold?ref=seller-platform-mcnav',
    );
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(4);
    await expect
      .poll(() => page.locator('buyer-tiers-mini [data-known="true"]').count(), { timeout: 10_000 })
      .toBe(4);
    await page.close();
  });

  it("messages: insert-reply fills the reply box without sending; needs count the buyer's messages only", async () => {
    const page = await open('etsy', 'messages.html', 'https://www.etsy.com/messages/1234567890');
    await page.evaluate(() => {
      const w = window as unknown as { btSent: number };
      w.btSent = 0;
      document.querySelector('form')?.addEventListener('submit', (e) => {
        e.preventDefault();
        w.btSent++;
      });
      document.querySelector('form button')?.addEventListener('click', () => w.btSent++);
    });
    const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 10_000 })
      .toBe('etsy:Emma Clarke');
    // The seller's own message mentions quality (genuine, durable); the buyer's mention price.
    await expect
      .poll(
        async () => {
          const n = await ask<NeedsDto>(admin, 'getNeeds', { buyerKey: 'etsy:Emma Clarke' });
          return [n.perNeed.price.chats > 0, n.perNeed.quality.chats];
        },
        { timeout: 10_000 },
      )
      .toEqual([true, 0]);
    await badge.click();
    await expect.poll(() => page.locator('[data-testid="bt-card"]').count(), { timeout: 10_000 }).toBe(1);
    const insert = page.locator('[data-testid="bt-insert"]').first();
    await expect.poll(() => insert.count(), { timeout: 10_000 }).toBe(1);
    await insert.click();
    const box = page.locator('textarea.new-message-textarea-min-height');
    await expect.poll(async () => (await box.inputValue()).length).toBeGreaterThan(10);
    expect(await page.evaluate(() => (window as unknown as { btSent: number }).btSent)).toBe(0);
    await page.close();
  });
});

describe('Qianniu / Taobao', () => {
  const json = readFileSync(resolve(FIXTURES, 'qianniu/json/asyncSold-response.json'), 'utf8');

  it('new sold-orders page: rows badged by nick and orders captured from the DOM', async () => {
    const page = await open(
      'qianniu',
      'sold-orders.html',
      'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    );
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => (await badgesOf(admin, ['taobao:tb_lemon88']))['taobao:tb_lemon88']?.orders)
      .toBe(1);
    await page.close();
  });

  it('captures orders from the page JSON and drops an order forged for another platform', async () => {
    const page = await ext.context.newPage();
    // A hostile page script that listens for the content script's hello and forges orders.
    await page.addInitScript(() => {
      window.addEventListener('message', (e) => {
        const d = e.data as { channel?: string; nonce?: string };
        if (d?.channel !== 'buyer-tiers:page-orders-hello') return;
        const base = {
          buyerId: 'forger',
          buyerName: 'forger',
          placedAt: Date.parse('2026-11-21T00:00:00Z'),
          total: 100,
          status: 'paid',
          items: [],
        };
        window.postMessage(
          {
            channel: 'buyer-tiers:page-orders',
            v: 1,
            nonce: d.nonce,
            orders: [
              { ...base, platform: 'amazon', orderId: '113-0000000-0000001', currency: 'USD' },
              { ...base, platform: 'amazon', orderId: '3900000000000000001', currency: 'CNY' },
            ],
          },
          location.origin,
        );
      });
    });
    const html = readFileSync(resolve(FIXTURES, 'qianniu', 'sold-orders-classic.html'), 'utf8');
    await page.route('https://trade.taobao.com/**', (route) => {
      const req = route.request();
      if (req.resourceType() === 'document')
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (/asyncSold\.htm/.test(req.url()))
        return route.fulfill({ status: 200, contentType: 'application/json', body: json });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto('https://trade.taobao.com/trade/itemlist/list_sold_items.htm');
    await expect.poll(() => minis(page).count(), { timeout: 10_000 }).toBe(2);
    // The page loads its next orders as JSON, as the live page does.
    await page.evaluate(() =>
      fetch('/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8', {
        method: 'POST',
      }).then((r) => r.text()),
    );
    await expect
      .poll(
        async () => {
          const b = await badgesOf(admin, ['taobao:json_buyer_01', 'taobao:unpaid_buyer']);
          return [b['taobao:json_buyer_01']?.orders, b['taobao:unpaid_buyer']];
        },
        { timeout: 10_000 },
      )
      .toEqual([1, undefined]);
    const forged = await badgesOf(admin, ['amazon:forger', 'taobao:forger']);
    expect(forged).toEqual({});
    await page.close();
  });
});
