import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../core/import/encoding';
import { BUILT_IN_PRESETS } from '../../../core/import/presets';
import { detectPreset } from '../../../core/import/resolve';
import { importText } from '../../../core/import/text';
import type { Order } from '../../../core/model';
import { encodeGbk } from './gbk';
import { ALI1688_TEXT, TAOBAO_TEXT } from './makeFixtures';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const OPTS = { timeZone: 'Asia/Shanghai', now: 1, importId: 'fx' } as const;

type Spec = Omit<Order, 'source' | 'importId' | 'updatedAt' | 'key' | 'platform' | 'placedAt'> & {
  placedAt: string;
};
function orders(platform: string, specs: Spec[]): Order[] {
  return specs.map((s) => ({
    ...s,
    key: `${platform}:${s.orderId}`,
    platform,
    placedAt: Date.parse(s.placedAt),
    source: 'import',
    importId: 'fx',
    updatedAt: 1,
  }));
}

describe('preset fixtures (auto-detected)', () => {
  it('taobao: GBK bytes, preamble lines, ="…" ids, full-width nick, unpaid row rejected', () => {
    const bytes = fixture('taobao.csv');
    expect(decodeBytes(bytes).text).toBe(TAOBAO_TEXT);
    expect(bytes).toEqual(encodeGbk(TAOBAO_TEXT));
    const r = importText(bytes, OPTS);
    expect([r.preset, r.encoding, r.headerLine, r.rowsRead]).toEqual(['taobao', 'gb18030', 3, 5]);
    const item = (title: string, qty: number, unitPrice: number) => ({ title, qty, unitPrice });
    expect(r.orders).toEqual(
      orders('taobao', [
        {
          orderId: '3012345678901234',
          buyerKey: 'taobao:小明的店',
          buyerName: '王小明',
          placedAt: '2024-01-02T05:04:05Z',
          total: 11850,
          currency: 'CNY',
          items: [item('夏季T恤, 纯棉', 2, 5925)],
          status: 'paid',
        },
        {
          orderId: '3012345678901235',
          buyerKey: 'taobao:abc买家',
          buyerName: '李四',
          placedAt: '2024-01-05T01:30:00Z',
          total: 5990,
          currency: 'CNY',
          items: [item('帆布鞋', 1, 5990)],
          status: 'paid',
        },
        {
          orderId: '3012345678901236',
          buyerKey: 'taobao:小明的店',
          buyerName: '王小明',
          placedAt: '2024-01-06T12:00:00Z',
          total: 3000,
          currency: 'CNY',
          items: [item('袜子', 3, 1000)],
          status: 'cancelled',
        },
        {
          orderId: '3012345678901237',
          buyerKey: 'taobao:退款哥',
          buyerName: '赵六',
          placedAt: '2024-01-07T00:00:00Z',
          total: 8800,
          currency: 'CNY',
          items: [item('帽子', 1, 8800)],
          status: 'refunded',
        },
      ]),
    );
    expect(r.rejects).toEqual([
      {
        line: 8,
        field: 'status',
        reason: "order 3012345678901238 is not paid yet (status '等待买家付款'); skipped",
      },
    ]);
    // The platform can be overridden for Tmall shops using the same layout.
    expect(importText(bytes, { ...OPTS, preset: 'taobao', platform: 'tmall' }).orders[0].key).toBe(
      'tmall:3012345678901234',
    );
  });

  it('1688: GBK line items grouped, total taken once', () => {
    const r = importText(fixture('1688.csv'), OPTS);
    expect(decodeBytes(fixture('1688.csv')).text).toBe(ALI1688_TEXT);
    expect(r.preset).toBe('1688');
    expect(r.orders).toEqual(
      orders('1688', [
        {
          orderId: '1001',
          buyerKey: '1688:yiwu_buyer',
          buyerName: '义乌小商品公司',
          placedAt: '2024-02-01T02:00:00Z',
          total: 11000,
          itemsTotal: 10000,
          shipping: 1000,
          currency: 'CNY',
          status: 'paid',
          items: [
            { title: '发夹', sku: 'FJ-01', category: '饰品', qty: 20, unitPrice: 250 },
            { title: '头绳', sku: 'TS-02', category: '饰品', qty: 50, unitPrice: 100 },
          ],
        },
        {
          orderId: '1002',
          buyerKey: '1688:gz_trade',
          buyerName: '广州贸易',
          placedAt: '2024-02-03T07:30:00Z',
          total: 20000,
          itemsTotal: 20000,
          shipping: 0,
          currency: 'CNY',
          status: 'paid',
          items: [{ title: '围巾', sku: 'WJ-03', category: '服装', qty: 10, unitPrice: 2000 }],
        },
      ]),
    );
    expect(r.rejects).toEqual([]);
  });

  it('alibaba: symbols and currency column, country names', () => {
    const r = importText(fixture('alibaba.csv'), OPTS);
    expect(r.preset).toBe('alibaba');
    expect(r.orders).toEqual(
      orders('alibaba', [
        {
          orderId: 'AL-9001',
          buyerKey: 'alibaba:john_wholesale',
          buyerName: 'John Trading LLC',
          placedAt: '2024-02-10T00:15:00Z',
          total: 125000,
          currency: 'USD',
          items: [{ title: 'LED Strip', qty: 500, unitPrice: 250 }],
          status: 'paid',
          shipCountry: 'US',
        },
        {
          orderId: 'AL-9002',
          buyerKey: 'alibaba:maria_b2b',
          buyerName: 'Maria SA',
          placedAt: '2024-02-12T03:00:00Z',
          total: 83000,
          currency: 'EUR',
          items: [{ title: 'USB Cable', qty: 1000, unitPrice: 83 }],
          status: 'cancelled',
          shipCountry: 'ES',
        },
      ]),
    );
  });

  it('aliexpress', () => {
    const r = importText(fixture('aliexpress.csv'), OPTS);
    expect(r.preset).toBe('aliexpress');
    expect(r.orders).toEqual(
      orders('aliexpress', [
        {
          orderId: '8123456789',
          buyerKey: 'aliexpress:br1234567',
          buyerName: 'Ana Souza',
          placedAt: '2024-03-01T02:00:00Z',
          total: 1599,
          currency: 'USD',
          items: [{ title: 'Phone case', qty: 1, unitPrice: 1599 }],
          status: 'paid',
          shipCountry: 'BR',
        },
        {
          orderId: '8123456790',
          buyerKey: 'aliexpress:fr7654321',
          buyerName: 'Luc Martin',
          placedAt: '2024-03-02T10:45:00Z',
          total: 3198,
          currency: 'USD',
          items: [{ title: 'Phone case', qty: 2, unitPrice: 1599 }],
          status: 'paid',
          shipCountry: 'FR',
        },
      ]),
    );
  });

  it('amazon: tab-separated, item-price summed per order, e-mail lower-cased', () => {
    const r = importText(fixture('amazon.csv'), OPTS);
    expect([r.preset, r.delimiter]).toEqual(['amazon', '\t']);
    expect(r.orders).toEqual(
      orders('amazon', [
        {
          orderId: '111-1111111-1111111',
          buyerKey: 'amazon:alice@example.com',
          buyerName: 'Alice A',
          placedAt: '2024-01-02T13:04:05Z',
          total: 3048,
          currency: 'USD',
          discount: 0,
          status: 'paid',
          shipCountry: 'US',
          items: [
            { title: 'Mug', sku: 'SKU-1', qty: 2, unitPrice: 1299 },
            { title: 'Coaster', sku: 'SKU-2', qty: 1, unitPrice: 450 },
          ],
        },
        {
          orderId: '222-2222222-2222222',
          buyerKey: 'amazon:bob@example.com',
          buyerName: 'Bob B',
          placedAt: '2024-01-03T17:00:00Z',
          // item-price 12.99 less the 1.00 item-promotion-discount.
          total: 1199,
          currency: 'USD',
          discount: 100,
          status: 'cancelled',
          shipCountry: 'CA',
          items: [{ title: 'Mug', sku: 'SKU-1', qty: 1, unitPrice: 1299 }],
        },
      ]),
    );
  });

  it('ebay: blank first line, order row plus item rows, record-count trailer skipped (not a reject)', () => {
    const r = importText(fixture('ebay.csv'), OPTS);
    expect([r.preset, r.headerLine]).toEqual(['ebay', 2]);
    expect(r.orders).toEqual(
      orders('ebay', [
        {
          orderId: '12-34567-89012',
          buyerKey: 'ebay:vintage_fan',
          buyerName: 'Carol C',
          placedAt: '2024-03-14T16:00:00Z',
          total: 4500,
          currency: 'USD',
          status: 'paid',
          shipCountry: 'US',
          items: [
            { title: 'Vinyl record', sku: 'VR-1', qty: 1, unitPrice: 3000 },
            { title: 'Record sleeve', sku: 'RS-2', qty: 3, unitPrice: 500 },
          ],
        },
        {
          orderId: '12-34567-89013',
          buyerKey: 'ebay:collector99',
          buyerName: 'Dan D',
          placedAt: '2024-03-15T16:00:00Z',
          total: 999,
          currency: 'USD',
          status: 'paid',
          shipCountry: 'GB',
          items: [{ title: 'Cassette', sku: 'CS-1', qty: 1, unitPrice: 999 }],
        },
      ]),
    );
    expect(r.rejects).toEqual([]);
    expect(r.footerLines).toBe(1);
  });

  it('etsy: Orders keyed by Buyer User ID (Order Value kept as items total), Order Items by the Buyer handle', () => {
    const a = importText(fixture('etsy.csv'), OPTS);
    const b = importText(fixture('etsy-items.csv'), OPTS);
    expect([a.preset, a.layout, b.preset, b.layout]).toEqual(['etsy', 'Orders', 'etsy', 'Order items']);
    expect(a.orders).toEqual(
      orders('etsy', [
        {
          orderId: '3012001',
          buyerKey: 'etsy:88001',
          buyerName: 'Erin E',
          placedAt: '2024-03-14T16:00:00Z',
          total: 3600,
          itemsTotal: 4000,
          currency: 'USD',
          discount: 400,
          items: [],
          status: 'paid',
          shipCountry: 'US',
        },
        {
          orderId: '3012002',
          buyerKey: 'etsy:88002',
          buyerName: 'Frank F',
          placedAt: '2024-03-15T16:00:00Z',
          total: 2500,
          itemsTotal: 2500,
          currency: 'EUR',
          discount: 0,
          items: [],
          status: 'paid',
          shipCountry: 'DE',
        },
      ]),
    );
    expect(b.orders).toEqual(
      orders('etsy', [
        {
          orderId: '3012001',
          buyerKey: 'etsy:erin_e',
          buyerName: 'Erin E',
          placedAt: '2024-03-14T16:00:00Z',
          total: 3600,
          currency: 'USD',
          discount: 200,
          status: 'paid',
          shipCountry: 'US',
          items: [
            { title: 'Handmade mug', sku: 'MUG-B', qty: 1, unitPrice: 2000 },
            { title: 'Tea towel', sku: 'TT-1', qty: 1, unitPrice: 2000 },
          ],
        },
      ]),
    );
  });

  it('shopee: needs the file currency; unpaid rows reported', () => {
    const none = importText(fixture('shopee.csv'), OPTS);
    expect(none.orders).toEqual([]);
    expect(none.rejects[0]).toEqual({
      line: 2,
      field: 'currencyColumn',
      reason: 'order 240301ABCD has no currency: choose the currency of this file',
    });
    const r = importText(fixture('shopee.csv'), { ...OPTS, currency: 'SGD' });
    expect(r.preset).toBe('shopee');
    expect(r.orders).toEqual(
      orders('shopee', [
        {
          orderId: '240301ABCD',
          buyerKey: 'shopee:shopper_sg',
          buyerName: 'Gina G',
          placedAt: '2024-03-01T04:00:00Z',
          total: 3080,
          currency: 'SGD',
          status: 'paid',
          shipCountry: 'SG',
          items: [
            { title: 'Phone stand', sku: 'PS-1', qty: 2, unitPrice: 1290 },
            { title: 'Cable', sku: 'CB-2', qty: 1, unitPrice: 500 },
          ],
        },
      ]),
    );
    expect(r.rejects).toEqual([
      { line: 4, field: 'status', reason: "order 240302EFGH is not paid yet (status 'Unpaid'); skipped" },
    ]);
  });

  it('lazada: one row per unit, Paid Price summed, RM amounts, returned → refunded', () => {
    const r = importText(fixture('lazada.csv'), OPTS);
    expect(r.preset).toBe('lazada');
    expect(r.orders).toEqual(
      orders('lazada', [
        {
          orderId: '300001',
          buyerKey: 'lazada:Ivy Tan',
          buyerName: 'Ivy Tan',
          placedAt: '2024-01-02T05:04:00Z',
          total: 9800,
          currency: 'MYR',
          status: 'paid',
          shipCountry: 'MY',
          items: [
            { title: 'Tote bag', sku: 'BAG-1', qty: 1, unitPrice: 5900 },
            { title: 'Tote bag', sku: 'BAG-1', qty: 1, unitPrice: 5900 },
          ],
        },
        {
          orderId: '300002',
          buyerKey: 'lazada:Jay Lim',
          buyerName: 'Jay Lim',
          placedAt: '2024-01-03T02:00:00Z',
          total: 2000,
          currency: 'MYR',
          status: 'refunded',
          shipCountry: 'MY',
          items: [{ title: 'Hat', sku: 'HAT-1', qty: 1, unitPrice: 2000 }],
        },
      ]),
    );
  });

  it('shopify: order fields on the first row only; voided/cancelled and refunded', () => {
    const r = importText(fixture('shopify.csv'), OPTS);
    expect(r.preset).toBe('shopify');
    expect(r.rejects).toEqual([]);
    expect(r.orders).toEqual(
      orders('shopify', [
        {
          orderId: '#1001',
          buyerKey: 'shopify:kim@example.com',
          buyerName: 'Kim K',
          placedAt: '2024-01-02T05:04:05Z',
          total: 28000,
          currency: 'CNY',
          discount: 2000,
          status: 'paid',
          shipCountry: 'CN',
          items: [
            { title: 'Green tea', sku: 'GT-1', qty: 2, unitPrice: 10000 },
            { title: 'Teapot', sku: 'TP-1', qty: 1, unitPrice: 10000 },
          ],
        },
        {
          orderId: '#1002',
          buyerKey: 'shopify:lee@example.com',
          buyerName: 'Lee L',
          placedAt: '2024-01-03T01:59:00Z',
          total: 5000,
          currency: 'CNY',
          discount: 0,
          status: 'refunded',
          shipCountry: 'HK',
          items: [{ title: 'Cup', sku: 'CUP-1', qty: 1, unitPrice: 5000 }],
        },
        {
          orderId: '#1003',
          buyerKey: 'shopify:kim@example.com',
          buyerName: 'Kim K',
          placedAt: '2024-01-04T01:00:00Z',
          total: 1000,
          currency: 'CNY',
          discount: 0,
          status: 'cancelled',
          shipCountry: 'CN',
          items: [{ title: 'Coaster', sku: 'CO-1', qty: 1, unitPrice: 1000 }],
        },
      ]),
    );
  });

  it('woocommerce: order-export layout; pending rows reported', () => {
    const r = importText(fixture('woocommerce.csv'), OPTS);
    expect([r.preset, r.layout]).toEqual(['woocommerce', 'Order export']);
    expect(r.orders).toEqual(
      orders('woocommerce', [
        {
          orderId: '501',
          buyerKey: 'woocommerce:mia@example.com',
          buyerName: 'Mia',
          placedAt: '2024-02-01T02:00:00Z',
          total: 6600,
          currency: 'AUD',
          discount: 0,
          status: 'paid',
          shipCountry: 'AU',
          items: [{ title: 'Lavender soap', sku: 'SOAP-1', qty: 3, unitPrice: 2000 }],
        },
        {
          orderId: '503',
          buyerKey: 'woocommerce:ned@example.com',
          buyerName: 'Ned',
          placedAt: '2024-02-03T04:00:00Z',
          total: 3500,
          currency: 'AUD',
          discount: 500,
          status: 'paid',
          shipCountry: 'AU',
          items: [{ title: 'Rose soap', sku: 'SOAP-2', qty: 2, unitPrice: 2000 }],
        },
      ]),
    );
    expect(r.rejects).toEqual([
      { line: 3, field: 'status', reason: "order 502 is not paid yet (status 'pending'); skipped" },
    ]);
  });

  it('online retail: C invoices and negative quantities are refunds', () => {
    const r = importText(fixture('online-retail.csv'), OPTS);
    expect(r.preset).toBe('online-retail');
    expect(r.orders).toEqual(
      orders('online-retail', [
        {
          orderId: '536365',
          buyerKey: 'online-retail:17850',
          placedAt: '2010-12-01T00:26:00Z',
          total: 3564,
          currency: 'GBP',
          status: 'paid',
          shipCountry: 'GB',
          items: [
            { title: 'WHITE HANGING HEART T-LIGHT HOLDER', sku: '85123A', qty: 6, unitPrice: 255 },
            { title: 'WHITE METAL LANTERN', sku: '71053', qty: 6, unitPrice: 339 },
          ],
        },
        {
          orderId: 'C536379',
          buyerKey: 'online-retail:14527',
          placedAt: '2010-12-01T01:41:00Z',
          total: 2750,
          currency: 'GBP',
          status: 'refunded',
          shipCountry: 'GB',
          items: [{ title: 'Discount', sku: 'D', qty: 1, unitPrice: 2750 }],
        },
        {
          orderId: '536370',
          buyerKey: 'online-retail:12583',
          placedAt: '2010-12-01T00:45:00Z',
          total: 9000,
          currency: 'GBP',
          status: 'paid',
          shipCountry: 'FR',
          items: [{ title: 'ALARM CLOCK BAKELIKE PINK', sku: '22728', qty: 24, unitPrice: 375 }],
        },
      ]),
    );
  });
});

describe('preset detection', () => {
  it('detects each fixture by its header, even with stray spaces and a BOM in header cells', () => {
    const expected: Record<string, string> = {
      'alibaba.csv': 'alibaba',
      'aliexpress.csv': 'aliexpress',
      'amazon.csv': 'amazon',
      'etsy.csv': 'etsy',
      'etsy-items.csv': 'etsy',
      'shopee.csv': 'shopee',
      'lazada.csv': 'lazada',
      'shopify.csv': 'shopify',
      'woocommerce.csv': 'woocommerce',
      'online-retail.csv': 'online-retail',
      '1688.csv': '1688',
    };
    for (const [file, id] of Object.entries(expected)) {
      const text = decodeBytes(fixture(file)).text;
      const firstLine = text.split(/\r?\n/)[0];
      const header = firstLine
        .split(file === 'amazon.csv' ? '\t' : ',')
        .map((c, i) => (i === 0 ? `\uFEFF ${c}  ` : ` ${c} `));
      expect(detectPreset(header, BUILT_IN_PRESETS)?.preset.id, file).toBe(id);
    }
  });

  it('every preset has buyer, date and an amount in each layout', () => {
    for (const p of BUILT_IN_PRESETS) {
      for (const l of p.layouts) {
        expect(l.columns.buyerId?.length, `${p.id}/${l.name}`).toBeGreaterThan(0);
        expect(l.columns.date?.length, `${p.id}/${l.name}`).toBeGreaterThan(0);
        expect(Boolean(l.columns.total || l.columns.lineTotal || l.columns.unitPrice)).toBe(true);
      }
    }
  });
});
