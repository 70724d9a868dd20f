import { type Buyer, BuyerKey, EMPTY_AGGREGATE, splitBuyerKey } from '../model';
import type { BuyerTiersDB } from './db';

/**
 * Records a buyer seen on a page (e.g. a chat with no orders yet) so they are kept as a
 * prospect; an existing buyer only gets a fresher `lastSeenAt` and, if it had none, a name.
 */
export async function seeBuyer(
  db: BuyerTiersDB,
  key: string,
  name: string | undefined,
  now: number,
): Promise<Buyer> {
  // A handle made only of invisible characters normalises to an empty id: such a buyer would be
  // unreachable, fail the Buyer schema and make every later backup of the database invalid.
  BuyerKey.parse(key);
  return db.transaction('rw', db.buyers, async () => {
    const prev = await db.buyers.get(key);
    if (prev) {
      const next = { ...prev, lastSeenAt: Math.max(prev.lastSeenAt, now), name: prev.name ?? name };
      await db.buyers.put(next);
      return next;
    }
    const { platform, buyerId } = splitBuyerKey(key);
    const buyer: Buyer = {
      key,
      platform,
      buyerId,
      name,
      firstSeenAt: now,
      lastSeenAt: now,
      agg: { ...EMPTY_AGGREGATE, days: [], categorySpend: {}, countries: {} },
      lastOrderAt: 0,
      segment: 'prospect',
      tier: 'none',
      lifecycle: 'prospect',
    };
    await db.buyers.put(buyer);
    return buyer;
  });
}

/**
 * "Forget this buyer": removes the buyer, orders, tag links, note, needs and history at once,
 * and the copies of their orders kept to undo an import (else discarding that import would
 * bring the forgotten buyer's orders back).
 */
export async function forgetBuyer(db: BuyerTiersDB, key: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.buyers, db.orders, db.buyerTags, db.notes, db.classChanges, db.needs, db.importUndo],
    async () => {
      await Promise.all([
        db.buyers.delete(key),
        db.needs.delete(key),
        db.orders.where('buyerKey').equals(key).delete(),
        db.buyerTags.where('buyerKey').equals(key).delete(),
        db.notes.delete(key),
        db.classChanges.where('buyerKey').equals(key).delete(),
        db.importUndo.filter((u) => u.order?.buyerKey === key).delete(),
      ]);
    },
  );
}
