/**
 * Incremental aggregation: merging new orders into a stored aggregate must give exactly what a
 * full rebuild from all of the buyer's orders gives (the store reads them in order-key order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BuyerAggregate, EMPTY_AGGREGATE, type Order } from '@/core/model';
import { type AggregateContext, aggregateOrders, mergeIntoAggregate } from '@/core/scoring/aggregate';

const BASE = Date.UTC(2024, 2, 10, 15, 0, 0);
const HOUR = 3_600_000;

const byKey = (orders: readonly Order[]): Order[] =>
  [...orders].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const itemArb = fc.record(
  {
    title: fc.constantFrom('Tea cup', '茶杯', 'Pot', ''),
    qty: fc.integer({ min: 1, max: 7 }),
    unitPrice: fc.integer({ min: 0, max: 99_999 }),
    category: fc.constantFrom('home', 'tea', '', '42', 'Zebra'),
  },
  { requiredKeys: ['title', 'qty', 'unitPrice'] },
);

/** One order body; keys are assigned per set so they are unique but arrive in random order. */
const orderBodyArb = fc.record({
  // Few distinct instants, some within an hour of shop midnight: ties and same-day orders.
  placedAt: fc.integer({ min: 0, max: 40 }).map((h) => BASE + h * HOUR),
  total: fc.integer({ min: 0, max: 500_000 }),
  currency: fc.constantFrom('CNY', 'CNY', 'USD', 'EUR', 'JPY'),
  status: fc.constantFrom<Order['status']>('paid', 'paid', 'paid', 'refunded', 'cancelled'),
  items: fc.array(itemArb, { maxLength: 3 }),
  discount: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  shipCountry: fc.option(fc.constantFrom('CN', 'US', 'DE'), { nil: undefined }),
});

const orderSetArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 25 })
  .chain((ids) =>
    fc.tuple(fc.constant(ids), fc.array(orderBodyArb, { minLength: ids.length, maxLength: ids.length })),
  )
  .map(([ids, bodies]) =>
    bodies.map((b, i): Order => {
      const { discount, shipCountry, ...rest } = b;
      return {
        key: `t:${ids[i].toString(36)}`,
        orderId: String(ids[i]),
        platform: 't',
        buyerKey: 't:b',
        ...rest,
        ...(discount === undefined ? {} : { discount }),
        ...(shipCountry === undefined ? {} : { shipCountry }),
        source: 'import',
        updatedAt: 0,
      };
    }),
  );

const ctxArb = fc.record({
  shopCurrency: fc.constant('CNY'),
  // EUR never has a rate (unconverted); JPY sometimes.
  currencyRates: fc.record(
    {
      USD: fc.double({ min: 0.01, max: 20, noNaN: true }),
      JPY: fc.double({ min: 0.001, max: 1, noNaN: true }),
    },
    { requiredKeys: ['USD'] },
  ),
  timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
});

/** Random batch sizes covering the set (each at least 1). */
const splitArb = (n: number) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, n) }), { minLength: 1, maxLength: 8 });

function batches<T>(list: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; at < list.length; i++) {
    const size = sizes[i % sizes.length];
    out.push(list.slice(at, at + size));
    at += size;
  }
  return out;
}

/** What the store does per batch: merge when exact, otherwise rebuild from everything so far. */
function incremental(
  batchList: readonly Order[][],
  ctx: AggregateContext,
  check?: (agg: BuyerAggregate, soFar: readonly Order[]) => void,
): { agg: BuyerAggregate; merged: number; rebuilt: number } {
  let agg: BuyerAggregate = EMPTY_AGGREGATE;
  const soFar: Order[] = [];
  let merged = 0;
  let rebuilt = 0;
  for (const batch of batchList) {
    soFar.push(...batch);
    const m = mergeIntoAggregate(agg, batch, ctx);
    if (m) merged++;
    else rebuilt++;
    agg = m ?? aggregateOrders(byKey(soFar), ctx);
    check?.(agg, soFar);
  }
  return { agg, merged, rebuilt };
}

describe('mergeIntoAggregate', () => {
  it('equals a full rebuild for random orders in random batches (rates, refunds, ties, same days)', () => {
    let merged = 0;
    let rebuilt = 0;
    fc.assert(
      fc.property(
        orderSetArb.chain((orders) => fc.tuple(fc.constant(orders), splitArb(orders.length), ctxArb)),
        ([orders, sizes, ctx]) => {
          const r = incremental(batches(orders, sizes), ctx, (agg, soFar) => {
            expect(agg).toEqual(aggregateOrders(byKey(soFar), ctx));
          });
          merged += r.merged;
          rebuilt += r.rebuilt;
        },
      ),
      { numRuns: 400 },
    );
    // The property must mostly exercise the merge, not its fallback.
    expect(merged).toBeGreaterThan(rebuilt * 3);
  });

  it('keeps record keys in sorted order, as a rebuild does', () => {
    const ctx = { shopCurrency: 'CNY', currencyRates: {}, timeZone: 'UTC' };
    const mk = (id: string, cat: string, country: string, h: number): Order => ({
      key: `t:${id}`,
      orderId: id,
      platform: 't',
      buyerKey: 't:b',
      placedAt: BASE + h * HOUR,
      total: 100,
      currency: 'CNY',
      items: [{ title: id, qty: 1, unitPrice: 100, category: cat }],
      status: 'paid',
      source: 'import',
      updatedAt: 0,
      shipCountry: country,
    });
    const first = aggregateOrders([mk('1', 'zeta', 'US', 0)], ctx);
    const merged = mergeIntoAggregate(first, [mk('2', 'alpha', 'CN', 48)], ctx)!;
    expect(Object.keys(merged.categorySpend)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(merged.countries)).toEqual(['CN', 'US']);
    expect(merged.days.map((d) => d[0])).toEqual([...merged.days.map((d) => d[0])].sort((a, b) => a - b));
  });

  it('declines (so the store rebuilds) when the stored aggregate lacks raw sums or day counts, or on a title tie', () => {
    const ctx = { shopCurrency: 'CNY', currencyRates: {}, timeZone: 'UTC' };
    const o = (id: string, h: number): Order => ({
      key: `t:${id}`,
      orderId: id,
      platform: 't',
      buyerKey: 't:b',
      placedAt: BASE + h * HOUR,
      total: 100,
      currency: 'CNY',
      items: [{ title: `title ${id}`, qty: 1, unitPrice: 100 }],
      status: 'paid',
      source: 'import',
      updatedAt: 0,
    });
    const stored = aggregateOrders([o('5', 1)], ctx);
    const { unitPriceSum: _drop, ...legacy } = stored;
    expect(mergeIntoAggregate(legacy, [o('6', 2)], ctx)).toBeUndefined();
    expect(
      mergeIntoAggregate({ ...stored, days: [[stored.days[0][0], 100]] }, [o('6', 2)], ctx),
    ).toBeUndefined();
    // Same instant as the stored latest paid order: which title wins depends on order keys.
    expect(mergeIntoAggregate(stored, [o('1', 1)], ctx)).toBeUndefined();
    // A legacy aggregate with no items at all still merges (its sum is 0).
    expect(mergeIntoAggregate(EMPTY_AGGREGATE, [o('6', 2)], ctx)).toEqual(aggregateOrders([o('6', 2)], ctx));
    expect(mergeIntoAggregate(stored, [o('6', 2)], ctx)).toEqual(
      aggregateOrders([o('5', 1), o('6', 2)], ctx),
    );
  });
});
