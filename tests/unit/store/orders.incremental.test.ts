/**
 * writeOrders merges NEW orders into stored aggregates and rebuilds buyers with changed orders:
 * whatever path a buyer takes, its stored aggregate equals a rebuild from all of its orders.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '@/core/model';
import { aggregateOrders } from '@/core/scoring/aggregate';
import { BuyerTiersDB, rebuildAggregates, writeOrders } from '@/core/store';
import { CNY_CTX, makeOrder } from '../../support/orders';

let n = 0;
const dbs: BuyerTiersDB[] = [];
function freshDb() {
  const db = new BuyerTiersDB(`orders-incr-${++n}-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const T = Date.UTC(2024, 0, 2, 15, 30);
const HOUR = 3_600_000;

/** Every buyer's stored aggregate equals a rebuild from its stored orders (in key order). */
async function expectConsistent(db: BuyerTiersDB): Promise<void> {
  const orders = await db.orders.orderBy('key').toArray();
  const byBuyer = new Map<string, Order[]>();
  for (const o of orders) byBuyer.set(o.buyerKey, [...(byBuyer.get(o.buyerKey) ?? []), o]);
  for (const b of await db.buyers.toArray()) {
    expect(b.agg, b.key).toEqual(aggregateOrders(byBuyer.get(b.key) ?? [], CNY_CTX));
    expect(b.lastOrderAt).toBe(b.agg.lastOrderAt ?? 0);
  }
}

const writeArb = fc.record({
  id: fc.integer({ min: 0, max: 40 }),
  buyer: fc.constantFrom('ann', 'bob', 'cy'),
  hour: fc.integer({ min: 0, max: 30 }),
  total: fc.integer({ min: 0, max: 90_000 }),
  currency: fc.constantFrom('CNY', 'USD', 'EUR'),
  status: fc.constantFrom<Order['status']>('paid', 'paid', 'refunded', 'cancelled'),
  qty: fc.integer({ min: 1, max: 4 }),
  category: fc.constantFrom('home', 'tea'),
  country: fc.constantFrom('CN', 'US'),
});

describe('writeOrders, incremental aggregates', () => {
  it('random batches of new, duplicate and changed orders keep every aggregate equal to a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(writeArb, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        async (batches) => {
          const db = freshDb();
          for (const [i, batch] of batches.entries()) {
            const orders = batch.map((w) =>
              makeOrder({
                orderId: String(w.id),
                buyer: w.buyer,
                placedAt: T + w.hour * HOUR,
                total: w.total,
                currency: w.currency,
                status: w.status,
                shipCountry: w.country,
                items: [{ title: `t${w.id}`, qty: w.qty, unitPrice: w.total, category: w.category }],
              }),
            );
            await writeOrders(db, orders, CNY_CTX, 1000 + i);
            await expectConsistent(db);
          }
          await db.delete();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('merges new orders without reading the buyer’s orders back; changed orders are rebuilt', async () => {
    const db = freshDb();
    await writeOrders(db, [makeOrder({ orderId: '1', total: 1000, placedAt: T })], CNY_CTX, 1);
    // Remove the stored order behind the aggregate's back: only a merge still counts it.
    await db.orders.delete('taobao:1');
    await writeOrders(db, [makeOrder({ orderId: '2', total: 500, placedAt: T + HOUR })], CNY_CTX, 2);
    expect((await db.buyers.get('taobao:alice'))?.agg).toMatchObject({ orders: 2, paidSpend: 1500 });
    // A changed order (paid → refunded) rebuilds from the stored orders: order 1 is gone now.
    await writeOrders(
      db,
      [makeOrder({ orderId: '2', total: 500, placedAt: T + HOUR, status: 'refunded' })],
      CNY_CTX,
      3,
    );
    expect((await db.buyers.get('taobao:alice'))?.agg).toMatchObject({
      orders: 1,
      paidSpend: 0,
      refundedOrders: 1,
    });
  });

  it('an order moving to another buyer rebuilds both; a legacy aggregate without raw sums is rebuilt', async () => {
    const db = freshDb();
    await writeOrders(
      db,
      [makeOrder({ orderId: '1', buyer: 'ann' }), makeOrder({ orderId: '2', buyer: 'ann', placedAt: T })],
      CNY_CTX,
      1,
    );
    const res = await writeOrders(db, [makeOrder({ orderId: '2', buyer: 'bob', placedAt: T })], CNY_CTX, 2);
    expect(res.touchedBuyers.sort()).toEqual(['taobao:ann', 'taobao:bob']);
    await expectConsistent(db);
    // Stored before `unitPriceSum` existed: the next new order rebuilds (and stores the sum).
    const ann = (await db.buyers.get('taobao:ann'))!;
    const { unitPriceSum: _s, ...legacy } = ann.agg;
    await db.buyers.put({ ...ann, agg: legacy });
    await writeOrders(db, [makeOrder({ orderId: '3', buyer: 'ann', placedAt: T + HOUR })], CNY_CTX, 3);
    expect((await db.buyers.get('taobao:ann'))?.agg.unitPriceSum).toBe(20_000);
    await expectConsistent(db);
    // rebuildAggregates (used by discard, restore and rate changes) writes the same aggregates.
    const before = await db.buyers.toArray();
    await db.transaction('rw', db.orders, db.buyers, () =>
      rebuildAggregates(
        db,
        before.map((b) => b.key),
        CNY_CTX,
        4,
      ),
    );
    expect(await db.buyers.toArray()).toEqual(before);
  });
});
