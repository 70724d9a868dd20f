import { afterEach, describe, expect, it } from 'vitest';
import { type Buyer, EMPTY_AGGREGATE, type Order } from '@/core/model';
import { BuyerTiersDB, createTag, seeBuyer } from '@/core/store';
import {
  allTags,
  buyerNames,
  clearEverything,
  linkBuyersToTag,
  shopOverview,
  tagExists,
} from '@/core/store/adminQueries';

const dbs: BuyerTiersDB[] = [];
function freshDb() {
  const db = new BuyerTiersDB(`admin-queries-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function buyer(key: string, paidSpend: number, lastOrderAt: number, name?: string): Buyer {
  const [platform, buyerId] = key.split(':');
  return {
    key,
    platform,
    buyerId,
    name,
    firstSeenAt: 1,
    lastSeenAt: 1,
    agg: { ...EMPTY_AGGREGATE, paidSpend, days: [], categorySpend: {}, countries: {} },
    lastOrderAt,
    segment: 'prospect',
    tier: 'none',
    lifecycle: 'prospect',
  };
}

describe('admin queries', () => {
  it('finds tags and links many buyers to one in chunks', async () => {
    const db = freshDb();
    const tag = await createTag(db, 'VIP', undefined, 1);
    expect(await tagExists(db, tag.id)).toBe(true);
    expect(await tagExists(db, 'nope')).toBe(false);
    expect((await allTags(db)).map((t) => t.name)).toEqual(['VIP']);
    const keys = Array.from({ length: 12_001 }, (_, i) => `etsy:b${i}`);
    await linkBuyersToTag(db, keys, tag.id, 7);
    await linkBuyersToTag(db, keys.slice(0, 3), tag.id, 8);
    expect(await db.buyerTags.count()).toBe(12_001);
    expect(await db.buyerTags.get(['etsy:b0', tag.id])).toEqual({
      buyerKey: 'etsy:b0',
      tagId: tag.id,
      at: 8,
    });
    expect(await db.buyerTags.get(['etsy:b12000', tag.id])).toEqual({
      buyerKey: 'etsy:b12000',
      tagId: tag.id,
      at: 7,
    });
  });

  it('names only the stored buyers among the keys asked for', async () => {
    const db = freshDb();
    await seeBuyer(db, 'etsy:ann', 'Ann', 1);
    await seeBuyer(db, 'etsy:bob', undefined, 1);
    const names = await buyerNames(db, ['etsy:ann', 'etsy:ann', 'etsy:bob', 'etsy:gone']);
    expect([...names]).toEqual([
      ['etsy:ann', 'Ann'],
      ['etsy:bob', undefined],
    ]);
  });

  it('sums the overview and counts buyers active since a time', async () => {
    const db = freshDb();
    await db.buyers.bulkPut([buyer('etsy:a', 1000, 50), buyer('etsy:b', 250, 100), buyer('etsy:c', 0, 0)]);
    expect(await shopOverview(db, 100)).toEqual({ buyers: 3, orders: 0, revenue: 1250, active90d: 1 });
    expect(await shopOverview(freshDb(), 0)).toEqual({ buyers: 0, orders: 0, revenue: 0, active90d: 0 });
  });

  it('empties every table', async () => {
    const db = freshDb();
    const tag = await createTag(db, 'VIP', undefined, 1);
    await db.buyers.put(buyer('etsy:a', 1, 1));
    await db.orders.put({ key: 'etsy:o1', buyerKey: 'etsy:a' } as unknown as Order);
    await linkBuyersToTag(db, ['etsy:a'], tag.id, 1);
    await db.meta.put({ key: 'x', value: 1 });
    await clearEverything(db);
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    expect(counts.every((n) => n === 0)).toBe(true);
  });
});
