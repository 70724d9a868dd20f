/**
 * Fixtures with the real header rows and shapes of the exports in shared/evidence/exports.md
 * (checked 2026-12-03), with invented values: continuation lines, voided / pending / authorized /
 * partially refunded orders, phone-only buyers, CDN, UK wording, empty buyers, footers,
 * impossible dates, reports without buyers or prices.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../core/import/errors';
import { summariseFileMoney, unconvertedAgainst } from '../../../core/import/moneySummary';
import { type ImportTextOptions, type ImportTextResult, importText } from '../../../core/import/text';
import type { Order } from '../../../core/model';

const TODAY = Date.UTC(2024, 11, 31);
const OPTS = { timeZone: 'UTC', now: 1, today: TODAY } as const;

function load(name: string, extra: Partial<ImportTextOptions> = {}): ImportTextResult {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
  return importText(bytes, { ...OPTS, ...extra });
}
const byId = (r: ImportTextResult) => new Map(r.orders.map((o) => [o.orderId, o]));
const summary = (o: Order | undefined) => o && [o.buyerKey, o.status, o.total, o.currency, o.items.length];

describe('Shopify orders_export.csv', () => {
  const r = load('shopify-orders-export.csv');
  const o = byId(r);

  it('continuation lines inherit the first line; pending and authorized orders are skipped whole', () => {
    expect(r.preset).toBe('shopify');
    expect(summary(o.get('#1001'))).toEqual(['shopify:thandi@example.com', 'paid', 39500, 'ZAR', 2]);
    expect(o.has('#1003')).toBe(false);
    expect(o.has('#1008')).toBe(false);
    expect(r.rejects.filter((j) => j.field === 'status')).toEqual([
      { line: 5, field: 'status', reason: "order #1003 is not paid yet (status 'pending'); skipped" },
      { line: 12, field: 'status', reason: "order #1008 is not paid yet (status 'authorized'); skipped" },
    ]);
  });

  it('voided is cancelled, refunded is refunded, partially_paid is paid', () => {
    expect(o.get('#1002')?.status).toBe('cancelled');
    expect(o.get('#1009')?.status).toBe('refunded');
    expect(o.get('#1010')?.status).toBe('paid');
  });

  it('a partial refund stays paid with the refund subtracted, and the breakdown is kept', () => {
    expect(o.get('#1004')).toMatchObject({
      status: 'paid',
      total: 23000 - 10000,
      itemsTotal: 20000,
      shipping: 0,
      tax: 3000,
      refunded: 10000,
    });
    expect(o.get('#1001')).toMatchObject({ itemsTotal: 30000, shipping: 5000, tax: 4500 });
    expect(o.get('#1001')?.refunded).toBeUndefined();
  });

  it("phone-only buyers are keyed by the phone (leading ' removed), joined to the e-mail seen with it", () => {
    expect(o.get('#1007')?.buyerKey).toBe('shopify:27715550123');
    // #1005 shows lerato@example.com with 082 555 0199; #1006 has only the phone.
    expect(o.get('#1006')?.buyerKey).toBe('shopify:lerato@example.com');
    expect(r.rejects.find((j) => j.line === 15)?.reason).toBe(
      "the buyer (Email) is empty and so are 'Billing Phone', 'Shipping Phone', 'Phone': this line cannot be given to a buyer",
    );
  });

  it('paid spend is what the platform totals say, not the inflated line sum', () => {
    const paid = r.orders.filter((x) => x.status === 'paid').reduce((s, x) => s + x.total, 0);
    expect(paid).toBe(39500 + 13000 + 16500 + 28000 + 11500 + 51000);
  });
});

describe('Amazon order reports', () => {
  it('flat file: tab-separated, CDN read as CAD, spend = item + shipping + taxes − promotion per line', () => {
    const r = load('amazon-flat-file.txt');
    expect([r.preset, r.delimiter]).toEqual(['amazon', '\t']);
    const o = byId(r);
    expect(o.get('111-0000001-0000001')).toMatchObject({
      currency: 'USD',
      total: 2598 + 450 + 499 + 208 + 36 - 100,
      itemsTotal: 3048,
      shipping: 499,
      tax: 244,
      discount: 100,
    });
    expect(o.get('702-0000002-0000002')).toMatchObject({ currency: 'CAD', total: 1699 + 221 + 699 + 91 });
    const money = summariseFileMoney(r.orders);
    expect(money.byCurrency.map((c) => [c.currency, c.orders])).toEqual([
      ['CAD', 2],
      ['USD', 2],
    ]);
    expect(unconvertedAgainst(money, 'USD', {})).toMatchObject({ orders: 2, paidOrders: 2 });
  });

  it('shipping promotions come off spend as well', () => {
    const text = [
      'order-id\torder-item-id\tpurchase-date\tbuyer-email\tsku\tquantity-purchased\tcurrency\titem-price\tshipping-price\titem-promotion-discount\tship-promotion-discount',
      '111-1\t1\t2024-03-01T10:00:00+00:00\ta@example.com\tS1\t1\tUSD\t20.00\t5.99\t-2.00\t-5.99',
    ].join('\n');
    const [o] = importText(text, { ...OPTS, preset: 'amazon' }).orders;
    expect(o).toMatchObject({ total: 2000 + 599 - 200 - 599, discount: 799, shipping: 599 });
  });

  it('All Orders (no buyer) and Unshipped (no price) are named, with the report to download', () => {
    for (const [file, id] of [
      ['unusable/amazon-all-orders.txt', 'amazon-all-orders'],
      ['unusable/amazon-unshipped.txt', 'amazon-unshipped'],
    ] as const) {
      let error: unknown;
      try {
        load(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('unusable-report');
      expect((error as ImportError).report?.id).toBe(id);
      expect((error as ImportError).message).toMatch(/Order Reports/);
    }
  });
});

describe('Etsy', () => {
  it('Order Items, UK wording: "Full Name (username)" keyed by username; empty Buyer lines', () => {
    const r = load('etsy-order-items-uk.csv');
    expect([r.preset, r.layout]).toEqual(['etsy', 'Order items']);
    const o = byId(r);
    expect(o.get('4100001')).toMatchObject({
      buyerKey: 'etsy:hclarke',
      buyerName: 'Harriet Clarke',
      currency: 'GBP',
      shipCountry: 'GB',
      total: 2400 + 800 + 350,
      shipping: 350,
    });
    // An order's line with an empty Buyer belongs to its order; an order with no buyer at all is rejected.
    expect(o.get('4100003')?.items.length).toBe(2);
    expect(o.has('4100002')).toBe(false);
    expect(r.rejects).toEqual([
      {
        line: 4,
        field: 'buyerId',
        reason: 'the buyer (Buyer) is empty: this line cannot be given to a buyer',
      },
    ]);
  });

  it('Orders, lower-case headers: keyed by Buyer User ID, name-keyed rows joined where a row proves the name', () => {
    const r = load('etsy-orders.csv');
    expect([r.preset, r.layout]).toEqual(['etsy', 'Orders']);
    const o = byId(r);
    expect(o.get('5200001')).toMatchObject({ buyerKey: 'etsy:70011', total: 4860, tax: 360, shipping: 500 });
    // Empty Buyer User ID: the same name appears with an id before (5200002) or after (5200003).
    expect(o.get('5200002')?.buyerKey).toBe('etsy:70011');
    expect(o.get('5200003')?.buyerKey).toBe('etsy:70012');
  });

  it('Orders: impossible dates (before Etsy existed, far future) are rejected with the line', () => {
    const r = load('etsy-orders.csv');
    expect(r.rejects.map((j) => [j.line, j.field])).toEqual([
      [7, 'date'],
      [8, 'date'],
    ]);
    expect(r.rejects[0].reason).toMatch(/before 2005/);
  });
});

describe('eBay', () => {
  it('SalesHistory.csv: blank first line, tab before the header, Jan-18-16 dates, footers are not rejects', () => {
    const r = load('ebay-sales-history.csv');
    expect([r.preset, r.headerLine, r.rejects, r.footerLines]).toEqual(['ebay', 2, [], 2]);
    const o = byId(r);
    expect(o.get('2201')).toMatchObject({
      buyerKey: 'ebay:retro_finds',
      buyerName: 'Dana Wells',
      placedAt: Date.UTC(2016, 0, 18),
      total: 5300,
      shipping: 800,
    });
    expect(r.orders).toHaveLength(3);
  });
});

describe('eBay Seller Hub', () => {
  it('orders report: order row with the total, item rows under it, £ amounts, footers skipped', () => {
    const r = load('ebay-seller-hub.csv');
    expect([r.preset, r.headerLine, r.rejects, r.footerLines]).toEqual(['ebay', 2, [], 2]);
    const o = byId(r);
    expect(o.get('05-11111-22222')).toMatchObject({
      buyerKey: 'ebay:bookworm_uk',
      currency: 'GBP',
      total: 2749,
      shipping: 250,
      shipCountry: 'GB',
      placedAt: Date.UTC(2024, 1, 3),
    });
    expect(o.get('05-11111-22222')?.items.map((i) => [i.title, i.qty, i.unitPrice])).toEqual([
      ['Paperback novel', 2, 800],
      ['Hardback atlas', 1, 899],
    ]);
    expect(summary(o.get('05-11111-33333'))).toEqual(['ebay:tin_toys', 'paid', 1820, 'GBP', 1]);
  });
});

describe('Chinese platforms', () => {
  it('Tmall teaching set: recognised as a report without buyers', () => {
    let error: unknown;
    try {
      load('unusable/tmall-teaching-set.csv');
    } catch (e) {
      error = e;
    }
    expect((error as ImportError).report).toMatchObject({ id: 'tmall-teaching-set', lacks: 'buyer' });
  });

  it('1688: real header; 交易关闭 cancelled, 等待买家付款 skipped, goods + freight kept', () => {
    const r = load('1688-orders.csv');
    expect(r.preset).toBe('1688');
    const o = byId(r);
    expect(o.get('2001000001')).toMatchObject({
      buyerKey: '1688:hz_demo_trade',
      total: 52000,
      itemsTotal: 50000,
      shipping: 2000,
      status: 'paid',
    });
    expect(o.get('2001000003')?.status).toBe('cancelled');
    expect(o.get('2001000004')?.status).toBe('paid');
    expect(r.rejects).toEqual([
      {
        line: 3,
        field: 'status',
        reason: "order 2001000002 is not paid yet (status '等待买家付款'); skipped",
      },
    ]);
  });
});

describe('Online Retail invoice lines', () => {
  it('C invoices are refunds, lines without CustomerID and exact duplicates are rejected', () => {
    const r = load('online-retail-lines.csv');
    const o = byId(r);
    expect(summary(o.get('536365'))).toEqual(['online-retail:17850', 'paid', 6 * 255 + 6 * 339, 'GBP', 2]);
    expect(o.get('C536379')?.status).toBe('refunded');
    expect(r.rejects.map((j) => [j.line, j.field])).toEqual([
      [4, 'row'],
      [5, 'buyerId'],
      [6, 'buyerId'],
    ]);
  });
});

describe('generic layout', () => {
  it('order_id,buyer_id,date,total imports with no mapping', () => {
    const r = load('generic-plain.csv', { defaultCurrency: 'USD' });
    expect(r.preset).toBe('generic');
    expect(r.orders.map((x) => [x.orderId, x.buyerKey, x.total, x.currency])).toEqual([
      ['A-1', 'import:u100', 1990, 'USD'],
      ['A-2', 'import:u101', 500, 'USD'],
      ['A-3', 'import:u100', 725, 'USD'],
    ]);
  });

  it('Chinese headers and amounts (￥, ¥, 元, RMB) with statuses, ¥ read as yuan', () => {
    const r = load('generic-zh.csv');
    expect(r.orders.map((x) => [x.orderId, x.buyerKey, x.status, x.total, x.currency])).toEqual([
      ['Z001', 'import:小红', 'paid', 8800, 'CNY'],
      ['Z003', 'import:小红', 'cancelled', 6600, 'CNY'],
      ['Z004', 'import:阿明', 'paid', 3000, 'CNY'],
    ]);
    expect(r.rejects.map((j) => [j.line, j.field])).toEqual([[3, 'status']]);
  });

  it('a file that misses a required column says so in plain words', () => {
    let error: unknown;
    try {
      importText('order_id,date,total\n1,2024-01-01,5\n', { ...OPTS, preset: 'generic' });
    } catch (e) {
      error = e;
    }
    expect((error as ImportError).code).toBe('missing-columns');
    expect((error as ImportError).message).toMatch(/^line 1: Generic order list: no column for the buyer/);
  });

  it('a mapping without a buyer column is explained, not a schema message', () => {
    let error: unknown;
    try {
      importText('a,b\n1,2\n', { ...OPTS, mapping: { date: 'a', total: 'b' } as never });
    } catch (e) {
      error = e;
    }
    expect((error as ImportError).message).toBe(
      'mapping: choose the column that holds the buyer (id, username, e-mail or phone): it is required',
    );
  });
});
