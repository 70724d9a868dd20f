// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitBuyerKey } from '../../../core/model';
import { demoAdapter } from '../../../core/sites/demo';
import { selectorHealth } from '../../../core/sites/health';
import { MAX_NAME_LENGTH } from '../../../core/sites/text';
import { httpGet } from '../../demo/httpGet';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { loadIntoDocument } from './harness';

// The demo adapter against the real demo server's HTML, not only hand-made fixtures.
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, seed: 7, asOf: new Date('2026-11-22T00:00:00Z') });
});
afterAll(() => server.close());

async function page(path: string): Promise<Document> {
  const res = await httpGet(server.url + path);
  expect(res.status).toBe(200);
  return loadIntoDocument(res.text);
}

describe('demo adapter on the live demo server', () => {
  it('reads the open conversation, its input and messages on /chat', async () => {
    const doc = await page('/chat');
    const first = server.data.conversations[0];
    const buyer = server.data.buyers.find((b) => b.id === first.buyerId)!;
    expect(demoAdapter.readChatBuyer?.(doc)).toMatchObject({ buyerId: buyer.id, name: buyer.name });
    expect(demoAdapter.findChatInput?.(doc)?.localName).toBe('textarea');
    expect(demoAdapter.readMessages?.(doc)).toEqual(first.messages);
    expect(demoAdapter.readListBuyers?.(doc)).toHaveLength(server.data.conversations.length);
    expect(selectorHealth(demoAdapter, doc, 'chat')).toMatchObject({ buyerFound: true, missing: [] });
  });

  it('opens a buyer from ?buyer= and shows nothing open for an unknown one', async () => {
    const conv = server.data.conversations[5];
    const doc = await page(`/chat?buyer=${encodeURIComponent(conv.buyerId)}`);
    expect(demoAdapter.readChatBuyer?.(doc)?.buyerId).toBe(conv.buyerId);
    const empty = await page('/chat?buyer=');
    expect(demoAdapter.readChatBuyer?.(empty)).toBeNull();
    expect(demoAdapter.findChatInput?.(empty)).toBeNull();
    expect(selectorHealth(demoAdapter, empty, 'chat')).toMatchObject({
      buyerFound: false,
      missing: ['chatBuyer', 'chatInput'],
    });
  });

  it('captures order rows on /orders exactly as in the data set', async () => {
    const sorted = [...server.data.orders].sort(
      (a, b) => b.placedAt - a.placedAt || b.orderId.localeCompare(a.orderId),
    );
    for (const p of [1, 2]) {
      const doc = await page(`/orders?page=${p}`);
      const rows = demoAdapter.readOrderRows?.(doc) ?? [];
      expect(rows).toHaveLength(50);
      const want = sorted.slice((p - 1) * 50, p * 50);
      rows.forEach((row, i) => {
        const o = want[i];
        expect(row).toMatchObject({
          orderId: o.orderId,
          buyerId: splitBuyerKey(o.buyerKey).buyerId,
          placedAt: o.placedAt,
          total: o.total,
          currency: 'CNY',
          status: o.status,
          shipCountry: o.shipCountry,
        });
        expect(row.items).toEqual(o.items);
      });
      expect(selectorHealth(demoAdapter, doc, 'orders')).toMatchObject({
        buyerFound: true,
        orderCount: 50,
        missing: [],
      });
    }
  });

  it('keeps the hostile buyers late in the lists and reads them safely', async () => {
    const doc = await page('/chat');
    const list = demoAdapter.readListBuyers?.(doc) ?? [];
    const hostile = ['eve_xss', 'mallory_rtl', 'longname_buyer'];
    expect(hostile).not.toContain(list[0].buyerId);
    const tail = list.slice(-3);
    expect(tail.map((b) => b.buyerId).sort()).toEqual([...hostile].sort());
    expect(tail.find((b) => b.buyerId === 'eve_xss')?.name).toBe('Eve<img src=x onerror=alert(1)>');
    expect(tail.find((b) => b.buyerId === 'mallory_rtl')?.name).not.toMatch(/\u202E/);
    expect(tail.find((b) => b.buyerId === 'longname_buyer')?.name.length).toBeLessThanOrEqual(
      MAX_NAME_LENGTH,
    );
    expect(doc.querySelector('#conversation-list img')).toBeNull();
  });
});
