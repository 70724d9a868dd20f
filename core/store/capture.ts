import type { Buyer } from '../model';
import type { BuyerTiersDB } from './db';

/*
 * The reads the page-facing handlers make around capture: whether a buyer is known yet (the
 * card, a chat visit, a note) and whether the install holds any data (the demo load decides
 * from that whether to adopt the demo shop's currency and calendar).
 */

/** The stored buyer, or undefined when none has been captured or seen under this key. */
export async function findBuyer(db: BuyerTiersDB, key: string): Promise<Buyer | undefined> {
  return db.buyers.get(key);
}

/** True when no order and no buyer is stored: a fresh install, or one just emptied. */
export async function isStoreEmpty(db: BuyerTiersDB): Promise<boolean> {
  return (await db.orders.count()) === 0 && (await db.buyers.count()) === 0;
}
