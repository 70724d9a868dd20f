// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qianniuAdapter } from '../../../core/sites/qianniu';
import { PAGE_ORDERS_CHANNEL, PAGE_ORDERS_VERSION } from '../../../core/sites/qianniu/bridge';
import { ordersFromSoldJson, parseResponseText, SOLD_ORDER_URL } from '../../../core/sites/qianniu/json';
import { FIXTURES_DIR, fixtureHtml, loadIntoDocument } from './harness';

const sample = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'qianniu/json/asyncSold-response.json'), 'utf8'),
) as unknown;
const NOW = Date.parse('2026-12-03T00:00:00Z');

describe('sold-orders JSON (page-world path)', () => {
  it('reads the complete, paid orders of an asyncSold.htm response and skips unpaid ones', () => {
    const orders = ordersFromSoldJson(sample);
    expect(orders).toEqual([
      {
        orderId: '3912345678901234567',
        buyerId: 'json_buyer_01',
        buyerName: 'json_buyer_01',
        placedAt: Date.parse('2026-11-21T02:15:00Z'),
        total: 7650,
        currency: 'CNY',
        status: 'paid',
        items: [{ title: '竹编收纳篮 中号', qty: 2, unitPrice: 3500, sku: 'BSK-M' }],
      },
      {
        orderId: '3912345678901234568',
        buyerId: '小雨点',
        buyerName: '小雨点',
        placedAt: Date.parse('2026-11-21T03:02:33Z'),
        total: 4500,
        currency: 'CNY',
        status: 'paid',
        items: [{ title: '粗陶花瓶 小号', qty: 1, unitPrice: 4500 }],
      },
    ]);
  });

  it('finds the orders inside an mtop JSONP envelope', () => {
    const text = `mtopjsonp3(${JSON.stringify({ api: 'mtop.taobao.qianniu.order.sold.list', data: { result: sample } })})`;
    expect(ordersFromSoldJson(parseResponseText(text))).toHaveLength(2);
    expect(parseResponseText('<html>')).toBeUndefined();
  });

  it('observes only the sold-orders endpoints', () => {
    expect(
      SOLD_ORDER_URL.test('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1'),
    ).toBe(true);
    expect(
      SOLD_ORDER_URL.test('https://h5api.m.taobao.com/h5/mtop.taobao.qianniu.order.sold.list/1.0/'),
    ).toBe(true);
    expect(SOLD_ORDER_URL.test('https://myseller.taobao.com/api/shop/info.json')).toBe(false);
  });
});

describe('page-orders message check', () => {
  const good = { ...ordersFromSoldJson(sample)[0], platform: 'taobao' };
  const message = (orders: unknown[], nonce = 'n1') => ({
    channel: PAGE_ORDERS_CHANNEL,
    v: PAGE_ORDERS_VERSION,
    nonce,
    orders,
  });
  const read = (data: unknown) => qianniuAdapter.ordersFromPageData?.(data, 'n1', NOW) ?? [];

  it('forwards a well-formed taobao order', () => {
    expect(read(message([good]))).toHaveLength(1);
  });

  it('drops an order forged for another platform, or with a wrong nonce or channel', () => {
    expect(read(message([{ ...good, platform: 'amazon', orderId: '113-4827361-9182736' }]))).toEqual([]);
    expect(read(message([{ ...good, platform: 'amazon' }]))).toEqual([]);
    expect(read(message([good], 'other'))).toEqual([]);
    expect(read({ ...message([good]), channel: 'x' })).toEqual([]);
    expect(read(null)).toEqual([]);
  });

  it('drops orders with impossible fields instead of repairing them', () => {
    const bad = [
      { ...good, orderId: 'abc' },
      { ...good, currency: 'USD' },
      { ...good, total: -5 },
      { ...good, total: 1.5 },
      { ...good, placedAt: NOW + 10 * 86_400_000 },
      { ...good, status: 'shipped' },
      { ...good, buyerId: '\u202E\u200B' },
      { ...good, items: [{ title: 'x', qty: 0, unitPrice: 1 }] },
      { ...good, items: 'many' },
    ];
    expect(read(message(bad))).toEqual([]);
    expect(read(message([...bad, good]))).toHaveLength(1);
  });

  it('keeps page text inert and bounded', () => {
    const [o] = read(message([{ ...good, buyerId: `<img src=x onerror=alert(1)>${'a'.repeat(1000)}` }]));
    expect(o.buyerId.length).toBeLessThanOrEqual(256);
    expect(o.buyerId.startsWith('<img')).toBe(true);
  });
});

describe('Qianniu DOM reading when classes change', () => {
  it('still reads orders by labels and columns when every hashed class is renamed', () => {
    const html = fixtureHtml('qianniu', 'sold-orders.html').replace(/class="[^"]*--[^"]*"/g, 'class="x"');
    const doc = loadIntoDocument(html);
    const rows = qianniuAdapter.readOrderRows?.(doc) ?? [];
    expect(rows.map((r) => [r.orderId, r.buyerId, r.total, r.status])).toEqual([
      ['3901234567890123456', '小雨点', 15800, 'paid'],
      ['3898765432109876543', 'tb_lemon88', 8800, 'refunded'],
    ]);
  });
});
