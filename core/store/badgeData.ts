import type { ClassChange } from '../model';
import { rowsWhereAnyOf } from './anyOf';
import type { BuyerTiersDB } from './db';

/**
 * Segment changes of `keys` at or after `since`, possibly with older ones of theirs (the caller
 * filters by time). Usually few changes are recent, so one range read over the `[dimension+at]`
 * index beats one query per buyer (a screenful of 200 badges would otherwise cost 200 round
 * trips); after a mass reclassification it falls back to per-buyer queries.
 */
export async function recentSegmentChanges(
  db: BuyerTiersDB,
  keys: readonly string[],
  since: number,
): Promise<ClassChange[]> {
  const recent = db.classChanges
    .where('[dimension+at]')
    .between(['segment', since], ['segment', Number.POSITIVE_INFINITY], true, true);
  if ((await recent.count()) > 4 * keys.length) return rowsWhereAnyOf(db.classChanges, 'buyerKey', keys);
  const wanted = new Set(keys);
  return (await recent.toArray()).filter((c) => wanted.has(c.buyerKey));
}

/** The buyer key of each known order among `orderKeys` (one bulk read); unknown orders are absent. */
export async function buyerKeysOfOrders(
  db: BuyerTiersDB,
  orderKeys: readonly string[],
): Promise<Map<string, string>> {
  const orders = await db.orders.bulkGet([...orderKeys]);
  const buyerOf = new Map<string, string>();
  orders.forEach((o, i) => {
    if (o) buyerOf.set(orderKeys[i], o.buyerKey);
  });
  return buyerOf;
}
