import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTiersDB, OrderValidationError, writeOrders } from '@/core/store';
import { CNY_CTX, makeOrder } from '../../support/orders';

let n = 0;
const dbs: BuyerTiersDB[] = [];
function freshDb() {
  const db = new BuyerTiersDB(`orders-test-${++n}-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('writeOrders', () => {
  it('is idempotent by order key: writing the same orders twice changes nothing', async () => {
    const db = freshDb();
    const orders = [makeOrder({ orderId: '1' }), makeOrder({ orderId: '2', placedAt: Date.UTC(2024, 1, 1) })];
    const first = await writeOrders(db, orders, CNY_CTX, 100);
    expect(first).toMatchObject({ new: 2, duplicate: 0, updated: 0 });
    const before = await db.buyers.get('taobao:alice');
    const second = await writeOrders(
      db,
      orders.map((o) => ({ ...o, updatedAt: 999 })),
      CNY_CTX,
      200,
    );
    expect(second).toMatchObject({ new: 0, duplicate: 2, updated: 0, touchedBuyers: [] });
    expect(await db.orders.count()).toBe(2);
    expect(await db.buyers.get('taobao:alice')).toEqual(before);
  });

  it('updates the aggregate in the same transaction, excluding refunds and cancellations', async () => {
    const db = freshDb();
    await writeOrders(
      db,
      [
        makeOrder({ orderId: 'a', total: 10_000, placedAt: Date.UTC(2024, 0, 1, 2) }),
        makeOrder({ orderId: 'b', total: 5_000, placedAt: Date.UTC(2024, 0, 1, 3), discount: 500 }),
        makeOrder({ orderId: 'c', total: 7_000, placedAt: Date.UTC(2024, 0, 5), status: 'refunded' }),
        makeOrder({ orderId: 'd', total: 1_000, placedAt: Date.UTC(2024, 0, 9), currency: 'USD' }),
        makeOrder({ orderId: 'e', total: 1_000, placedAt: Date.UTC(2024, 0, 9), currency: 'EUR' }),
      ],
      CNY_CTX,
      1,
    );
    const b = await db.buyers.get('taobao:alice');
    expect(b?.agg).toMatchObject({
      orders: 5,
      // The EUR order has no rate: it counts as a paid order (frequency, recency), without spend.
      paidOrders: 4,
      refundedOrders: 1,
      unconvertedOrders: 1,
      paidSpend: 10_000 + 5_000 + 7_000,
      discountedOrders: 1,
      firstOrderAt: Date.UTC(2024, 0, 1, 2),
      lastOrderAt: Date.UTC(2024, 0, 9),
    });
    // Two orders on one Shanghai calendar day are one purchase day.
    expect(b?.agg.days.map((d) => d[1])).toEqual([15_000, 7_000]);
    expect(b?.lastOrderAt).toBe(Date.UTC(2024, 0, 9));
  });

  it('applies a changed order (paid → refunded) exactly, with no drift', async () => {
    const db = freshDb();
    const o = makeOrder({ orderId: 'x', total: 3_000 });
    await writeOrders(db, [o], CNY_CTX, 1);
    const res = await writeOrders(db, [{ ...o, status: 'refunded' }], CNY_CTX, 2);
    expect(res).toMatchObject({ new: 0, updated: 1 });
    const b = await db.buyers.get('taobao:alice');
    expect(b?.agg).toMatchObject({ paidOrders: 0, paidSpend: 0, refundedOrders: 1 });
  });

  it('rejects an invalid order and leaves the database exactly as it was', async () => {
    const db = freshDb();
    await writeOrders(db, [makeOrder({ orderId: 'ok' })], CNY_CTX, 1);
    const bad = { ...makeOrder({ orderId: 'bad' }), total: 1.5 };
    await expect(writeOrders(db, [makeOrder({ orderId: 'new' }), bad], CNY_CTX, 2)).rejects.toBeInstanceOf(
      OrderValidationError,
    );
    await expect(writeOrders(db, [bad], CNY_CTX, 2)).rejects.toThrow(/order 1: total/);
    expect(await db.orders.count()).toBe(1);
    expect((await db.buyers.get('taobao:alice'))?.agg.orders).toBe(1);
  });

  it('rolls back the whole batch when the transaction fails midway', async () => {
    const db = freshDb();
    await writeOrders(db, [makeOrder({ orderId: 'keep' })], CNY_CTX, 1);
    const hook = (mods: object, prim: unknown) => {
      if (prim === 'taobao:bob') throw new Error('disk full');
      return mods;
    };
    db.buyers.hook('creating', (prim) => {
      if (prim === 'taobao:bob') throw new Error('disk full');
    });
    db.buyers.hook('updating', hook);
    await expect(
      writeOrders(db, [makeOrder({ orderId: 'n1' }), makeOrder({ orderId: 'n2', buyer: 'bob' })], CNY_CTX, 2),
    ).rejects.toThrow(/disk full/);
    expect((await db.orders.toCollection().primaryKeys()).sort()).toEqual(['taobao:keep']);
    expect((await db.buyers.get('taobao:alice'))?.agg.orders).toBe(1);
  });

  it('writes 10,000 orders in one transaction', async () => {
    const db = freshDb();
    const orders = Array.from({ length: 10_000 }, (_, i) =>
      makeOrder({ orderId: `o${i}`, buyer: `b${i % 1000}`, placedAt: Date.UTC(2024, 0, 1 + (i % 300)) }),
    );
    const res = await writeOrders(db, orders, CNY_CTX, 1);
    expect(res.new).toBe(10_000);
    expect(await db.buyers.count()).toBe(1000);
    expect((await db.buyers.get('taobao:b7'))?.agg.paidOrders).toBe(10);
    await expect(
      writeOrders(db, [...orders, makeOrder({ orderId: 'one-too-many' })], CNY_CTX, 1),
    ).rejects.toThrow(RangeError);
  });
});
