import { describe, expect, it } from 'vitest';
import { seeBuyer, writeOrders } from '@/core/store';
import {
  clearRescoreOwed,
  markRescoreOwed,
  RESCORE_PENDING_KEY,
  readRescorePending,
  rebuildAggregatesOf,
  recordRescoreOwed,
  writeRescoredBuyers,
} from '@/core/store/rescoreData';
import { testBackgrounds } from '../../support/background';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);
const shops = testBackgrounds('rescoreData');
const freshDb = () => shops.database();

describe('the owed-rescore marker', () => {
  it('is absent until recorded, keeps its first time and any rebuild, and clears', async () => {
    const db = freshDb();
    expect(await readRescorePending(db)).toBeUndefined();
    await markRescoreOwed(db, true, T0);
    await markRescoreOwed(db, false, T0 + 5);
    expect(await readRescorePending(db)).toEqual({ since: T0, rebuildAggregates: true });
    await clearRescoreOwed(db);
    expect(await readRescorePending(db)).toBeUndefined();
  });

  it('recordRescoreOwed joins the caller’s transaction: a failure after it stores nothing', async () => {
    const db = freshDb();
    await expect(
      db.transaction('rw', db.meta, async () => {
        await recordRescoreOwed(db, false, T0);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await db.meta.get(RESCORE_PENDING_KEY)).toBeUndefined();
  });

  it('reads an older, partial marker as owed work without a rebuild', async () => {
    const db = freshDb();
    await db.meta.put({ key: RESCORE_PENDING_KEY, value: { since: 'x' } });
    expect(await readRescorePending(db)).toEqual({ since: 0, rebuildAggregates: false });
  });
});

describe('writeRescoredBuyers', () => {
  it('hands over the current rows (missing keys skipped) and writes buyers and changes', async () => {
    const db = freshDb();
    await seeBuyer(db, 'demo:a', 'Ann', T0);
    let seen: string[] = [];
    await writeRescoredBuyers(db, ['demo:a', 'demo:missing'], (buyers) => {
      seen = buyers.map((b) => b.key);
      return {
        buyers: buyers.map((b) => ({ ...b, segment: 'loyal', scoredAt: T0 })),
        changes: [{ buyerKey: 'demo:a', dimension: 'segment', from: 'unscored', to: 'loyal', at: T0 }],
      };
    });
    expect(seen).toEqual(['demo:a']);
    expect((await db.buyers.get('demo:a'))?.segment).toBe('loyal');
    expect(await db.buyers.get('demo:missing')).toBeUndefined();
    expect(await db.classChanges.count()).toBe(1);
  });
});

describe('rebuildAggregatesOf', () => {
  it('recomputes the aggregates of the given buyers from their orders', async () => {
    const db = freshDb();
    await writeOrders(db, [makeOrder({ orderId: '1' }), makeOrder({ orderId: '2' })], CNY_CTX, T0);
    const before = (await db.buyers.get('taobao:alice'))!;
    await db.buyers.put({ ...before, agg: { ...before.agg, orders: 99 } });
    await rebuildAggregatesOf(db, ['taobao:alice'], CNY_CTX, T0);
    expect((await db.buyers.get('taobao:alice'))?.agg).toEqual(before.agg);
  });
});
