import type { Buyer, Tag } from '../model';
import type { BuyerTiersDB } from './db';

/*
 * The control room's reads and bulk writes that need the tables directly: the buyer table's tag
 * names, tagging every matching buyer, the movers' names, the overview and delete-everything.
 */

/** Tag links written per bulkPut when tagging every matching buyer. */
const TAG_CHUNK = 5000;

/** Every tag, without counts: the buyer table only needs names and colours. */
export async function allTags(db: BuyerTiersDB): Promise<Tag[]> {
  return db.tags.toArray();
}

export async function tagExists(db: BuyerTiersDB, tagId: string): Promise<boolean> {
  return (await db.tags.get(tagId)) !== undefined;
}

/**
 * Links every key to the tag, `TAG_CHUNK` links per write, each write on its own (no enclosing
 * transaction). A link already there is simply rewritten, so repeating a partial run is harmless.
 */
export async function linkBuyersToTag(
  db: BuyerTiersDB,
  buyerKeys: readonly string[],
  tagId: string,
  at: number,
): Promise<void> {
  for (let i = 0; i < buyerKeys.length; i += TAG_CHUNK) {
    await db.buyerTags.bulkPut(
      buyerKeys.slice(i, i + TAG_CHUNK).map((buyerKey) => ({ buyerKey, tagId, at })),
    );
  }
}

/** Names of the stored buyers among `keys` (a forgotten buyer is absent from the map). */
export async function buyerNames(
  db: BuyerTiersDB,
  keys: readonly string[],
): Promise<Map<string, Buyer['name']>> {
  const buyers = await db.buyers.bulkGet([...new Set(keys)]);
  return new Map(buyers.flatMap((b) => (b ? [[b.key, b.name] as const] : [])));
}

export interface ShopOverview {
  buyers: number;
  orders: number;
  /** Paid spend of every buyer, in the shop currency's minor units. */
  revenue: number;
  /** Buyers whose last order is at or after `since`. */
  active90d: number;
}

/** The popup's headline numbers; `since` is the start of the "active" window. */
export async function shopOverview(db: BuyerTiersDB, since: number): Promise<ShopOverview> {
  let revenue = 0;
  await db.buyers.each((b) => {
    revenue += b.agg.paidSpend;
  });
  return {
    buyers: await db.buyers.count(),
    orders: await db.orders.count(),
    revenue,
    active90d: await db.buyers.where('lastOrderAt').aboveOrEqual(since).count(),
  };
}

/** Empties every table in one transaction: "Delete everything" leaves nothing half-deleted. */
export async function clearEverything(db: BuyerTiersDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
