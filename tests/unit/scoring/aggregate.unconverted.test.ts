/**
 * Issue 12: a paid order in a currency the shop cannot convert must still count for frequency,
 * recency and lifecycle; only its spend is left out (and counted as unconverted).
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '@/core/model';
import { aggregateOrders, mergeIntoAggregate } from '@/core/scoring/aggregate';
import { hasPaidPurchase, rfmValues } from '@/core/scoring/features';

const CTX = { shopCurrency: 'USD', currencyRates: {}, timeZone: 'UTC' };
const DAY = 86_400_000;

function order(
  id: string,
  day: number,
  currency: string,
  total: number,
  status: Order['status'] = 'paid',
): Order {
  return {
    key: `amazon:${id}`,
    orderId: id,
    platform: 'amazon',
    buyerKey: 'amazon:b@example.com',
    placedAt: Date.UTC(2024, 0, 1) + day * DAY,
    total,
    currency,
    items: [{ title: 'Mug', qty: 2, unitPrice: total / 2 }],
    status,
    shipCountry: 'CA',
    source: 'import',
    updatedAt: 1,
  };
}

describe('unconverted paid orders', () => {
  it('count for F and R but not for spend, items or unit prices', () => {
    const agg = aggregateOrders([order('1', 0, 'USD', 1000), order('2', 30, 'CAD', 5000)], CTX);
    expect(agg).toMatchObject({
      orders: 2,
      paidOrders: 2,
      unconvertedOrders: 1,
      paidSpend: 1000,
      itemCount: 2,
      firstOrderAt: Date.UTC(2024, 0, 1),
      lastOrderAt: Date.UTC(2024, 0, 31),
      countries: { CA: 2 },
    });
    expect(agg.days.map((d) => [d[1], d[2]])).toEqual([
      [1000, 1],
      [0, 1],
    ]);
    const asOf = Math.floor(Date.UTC(2024, 1, 10) / DAY);
    expect(rfmValues(agg, asOf, 0)).toMatchObject({ frequency: 2, recencyDays: 10, monetary: 1000 });
  });

  it('a buyer with only unconverted orders is a buyer with purchases, not a prospect', () => {
    const agg = aggregateOrders([order('1', 0, 'GBP', 2500)], CTX);
    expect(agg).toMatchObject({ paidOrders: 1, unconvertedOrders: 1, paidSpend: 0 });
    expect(hasPaidPurchase(agg)).toBe(true);
  });

  it('refunded and cancelled orders in another currency are still only refunds and cancellations', () => {
    const agg = aggregateOrders(
      [order('1', 0, 'CAD', 100, 'refunded'), order('2', 1, 'CAD', 100, 'cancelled')],
      CTX,
    );
    expect(agg).toMatchObject({ paidOrders: 0, unconvertedOrders: 0, refundedOrders: 1, cancelledOrders: 1 });
    expect(hasPaidPurchase(agg)).toBe(false);
  });

  it('aggregate-on-write (merge) gives what a rebuild gives', () => {
    const first = [order('1', 0, 'USD', 1000)];
    const later = [order('2', 5, 'CAD', 700), order('3', 9, 'USD', 300)];
    const merged = mergeIntoAggregate(aggregateOrders(first, CTX), later, CTX);
    expect(merged).toEqual(aggregateOrders([...first, ...later], CTX));
    expect(merged).toMatchObject({ paidOrders: 3, unconvertedOrders: 1, paidSpend: 1300 });
  });
});
