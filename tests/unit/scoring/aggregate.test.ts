import { describe, expect, it } from 'vitest';
import type { Order } from '../../../core/model';
import { aggregateOrders } from '../../../core/scoring/aggregate';

const order = (id: string, at: string, total: number, status: Order['status'] = 'paid'): Order => ({
  key: `t:${id}`,
  orderId: id,
  platform: 't',
  buyerKey: 't:b',
  placedAt: Date.parse(at),
  total,
  currency: 'CNY',
  items: [{ title: `item ${id}`, qty: 1, unitPrice: total }],
  status,
  source: 'import',
  updatedAt: 0,
});

describe('aggregateOrders per-day order counts', () => {
  it('merges same-day paid orders into one day with its spend and order count (shop time zone)', () => {
    // 2025-03-01 23:30 and 2025-03-02 00:30 in Shanghai are two days; 15:30Z and 16:30Z straddle midnight.
    const agg = aggregateOrders(
      [
        order('1', '2025-03-01T01:00:00Z', 100),
        order('2', '2025-03-01T15:30:00Z', 200),
        order('3', '2025-03-01T16:30:00Z', 400),
        order('4', '2025-03-01T17:00:00Z', 800, 'refunded'),
      ],
      { shopCurrency: 'CNY', currencyRates: {}, timeZone: 'Asia/Shanghai' },
    );
    const day1 = Date.UTC(2025, 2, 1) / 86_400_000;
    expect(agg.days).toEqual([
      [day1, 300, 2],
      [day1 + 1, 400, 1],
    ]);
    expect(agg.paidOrders).toBe(3);
  });
});
