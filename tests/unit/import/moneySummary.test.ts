import { describe, expect, it } from 'vitest';
import { summariseFileMoney, unconvertedAgainst } from '../../../core/import/moneySummary';
import { importText } from '../../../core/import/text';
import type { Order } from '../../../core/model';

function order(n: number, currency: string, total: number, status: Order['status'] = 'paid'): Order {
  return {
    key: `x:${n}`,
    orderId: String(n),
    platform: 'x',
    buyerKey: `x:b${n % 3}`,
    placedAt: 1_700_000_000_000 + n,
    total,
    currency,
    items: [],
    status,
    source: 'import',
    updatedAt: 1,
  };
}

describe('summariseFileMoney', () => {
  it('counts orders per currency, paid spend, and names the dominant currency', () => {
    const s = summariseFileMoney([
      order(1, 'USD', 1000),
      order(2, 'CAD', 500),
      order(3, 'USD', 250, 'refunded'),
      order(4, 'CAD', 700),
      order(5, 'USD', 300),
    ]);
    expect(s).toEqual({
      orders: 5,
      dominant: 'USD',
      byCurrency: [
        { currency: 'USD', orders: 3, paidOrders: 2, paidSpend: 1300 },
        { currency: 'CAD', orders: 2, paidOrders: 2, paidSpend: 1200 },
      ],
    });
  });

  it('breaks a tie alphabetically and has no dominant currency for an empty file', () => {
    expect(summariseFileMoney([order(1, 'GBP', 1), order(2, 'EUR', 1)]).dominant).toBe('EUR');
    expect(summariseFileMoney([])).toEqual({ orders: 0, byCurrency: [] });
  });

  it('says how many orders a shop would leave unconverted', () => {
    const s = summariseFileMoney([order(1, 'USD', 1), order(2, 'CAD', 1), order(3, 'GBP', 1, 'cancelled')]);
    expect(unconvertedAgainst(s, 'USD', {})).toEqual({
      orders: 2,
      paidOrders: 1,
      byCurrency: [
        { currency: 'CAD', orders: 1, paidOrders: 1, paidSpend: 1 },
        { currency: 'GBP', orders: 1, paidOrders: 0, paidSpend: 0 },
      ],
    });
    expect(unconvertedAgainst(s, 'USD', { CAD: 0.73, GBP: 1.27 }).orders).toBe(0);
    expect(unconvertedAgainst(s, 'GBP', { CAD: 0.58 }).byCurrency.map((c) => c.currency)).toEqual(['USD']);
  });

  it("reads Amazon's CDN as CAD in a file that mixes USD and CDN orders", () => {
    const text = [
      'order-id\torder-item-id\tpurchase-date\tbuyer-email\tsku\tquantity-purchased\tcurrency\titem-price',
      '111-1\t1\t2024-03-01T10:00:00+00:00\ta@example.com\tS1\t1\tUSD\t10.00',
      '111-2\t2\t2024-03-02T10:00:00+00:00\tb@example.com\tS1\t1\tCDN\t13.50',
      '111-3\t3\t2024-03-03T10:00:00+00:00\tc@example.com\tS1\t1\tUSD\t11.00',
    ].join('\n');
    const r = importText(text, { timeZone: 'UTC', now: 1, preset: 'amazon' });
    const s = summariseFileMoney(r.orders);
    expect(s.dominant).toBe('USD');
    expect(s.byCurrency.map((c) => [c.currency, c.orders, c.paidSpend])).toEqual([
      ['USD', 2, 2100],
      ['CAD', 1, 1350],
    ]);
    expect(unconvertedAgainst(s, 'USD', {}).orders).toBe(1);
  });
});
