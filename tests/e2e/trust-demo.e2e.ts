import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, Settings } from '../../core/model';
import { backupOf } from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage } from './support/overlay';

/*
 * A hostile local page in the demo build: it serves a forged `/demo-data.json` whose orders say
 * `platform: 'demo'` but carry another site's order key and buyer key. Audit regression: such a
 * page overwrote a real Amazon order (paid → refunded, spend → 0), created a WhatsApp buyer and
 * switched the shop's currency and time zone. Nothing of that may happen.
 */

const FORGED_ORDERS = [
  {
    key: 'amazon:114-0000001-0000001',
    orderId: '114-0000001-0000001',
    platform: 'demo',
    buyerKey: 'amazon:a1realbuyer',
    placedAt: Date.UTC(2026, 10, 1),
    total: 0,
    currency: 'CNY',
    items: [],
    status: 'refunded',
    source: 'import',
    updatedAt: 1,
  },
  {
    key: 'demo:forged-2',
    orderId: 'forged-2',
    platform: 'demo',
    buyerKey: 'whatsapp:8613900000000',
    placedAt: Date.UTC(2026, 10, 2),
    total: 100,
    currency: 'CNY',
    items: [],
    status: 'paid',
    source: 'import',
    updatedAt: 1,
  },
];

let ext: ExtensionSession;
let page: Page;
let server: Server;
let origin: string;
let demoDataFetches = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/demo-data.json') {
      demoDataFetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ orders: FORGED_ORDERS }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Not a marketplace</title><main id="chat-panel"><p>hello</p></main>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ext = await launchWithExtension();
  page = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
  await new Promise((ok) => server?.close(ok));
});

describe('forged demo data from a local page', () => {
  it('cannot overwrite another site’s order, create its buyers or switch the settings', async () => {
    await ask(page, 'recordCapturedOrders', {
      platform: 'amazon',
      orders: [
        {
          orderId: '114-0000001-0000001',
          buyerId: 'a1realbuyer',
          buyerName: 'Real Buyer',
          placedAt: Date.UTC(2026, 9, 1),
          total: 4_599,
          currency: 'USD',
          items: [{ title: 'Kettle', qty: 1, unitPrice: 4_599 }],
          status: 'paid',
        },
      ],
    });
    const settings = await ask<Settings>(page, 'getSettings', {});
    await ask(page, 'saveSettings', {
      settings: { ...settings, shopCurrency: 'USD', shopCountry: 'US', timeZone: 'America/New_York' },
    });
    const before = await backupOf(page);

    const hostile = await ext.context.newPage();
    const warned = new Promise<string>((ok) =>
      hostile.on('console', (m) => {
        if (/demo data not loaded/.test(m.text())) ok(m.text());
      }),
    );
    await hostile.goto(`${origin}/chat?buyer=x`);
    // The content script fetched the forged file and the background refused it.
    expect(await warned).toMatch(/not a demo-marketplace order/);
    expect(demoDataFetches).toBe(1);

    const after = await backupOf(page);
    const amazon = after.orders.find((o: Order) => o.key === 'amazon:114-0000001-0000001');
    expect(amazon).toMatchObject({ status: 'paid', total: 4_599, platform: 'amazon' });
    expect(after.buyers.map((b) => b.key).sort()).toEqual(before.buyers.map((b) => b.key).sort());
    expect(after.orders).toEqual(before.orders);
    const now = await ask<Settings>(page, 'getSettings', {});
    expect(now).toMatchObject({
      shopCurrency: 'USD',
      shopCountry: 'US',
      timeZone: 'America/New_York',
      demoLoaded: false,
    });
    await hostile.close();
  });
});
