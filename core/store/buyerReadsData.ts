import type { Buyer } from '../model';
import type { BuyerTiersDB } from './db';

/*
 * Plain reads of the buyers table that the rescorer, the badges and the buyer index share.
 */

/** Every buyer, for a full rescore's snapshot or the shop context behind an explanation. */
export function allBuyers(db: BuyerTiersDB): Promise<Buyer[]> {
  return db.buyers.toArray();
}

/** Every buyer key, without loading the rows (an aggregate rebuild reads them chunk by chunk). */
export async function allBuyerKeys(db: BuyerTiersDB): Promise<string[]> {
  return (await db.buyers.toCollection().primaryKeys()) as string[];
}

/** The buyers of `keys` in the same order, undefined where there is none. */
export function buyersByKeys(db: BuyerTiersDB, keys: readonly string[]): Promise<(Buyer | undefined)[]> {
  return db.buyers.bulkGet([...keys]);
}

/** Buyers an interrupted import left without classes (counted on the segment index). */
export function countUnscoredBuyers(db: BuyerTiersDB): Promise<number> {
  return db.buyers.where('segment').equals('unscored').count();
}

/** Visits every buyer without holding them all in one array (the index keeps its own copy). */
export async function eachBuyer(db: BuyerTiersDB, visit: (b: Buyer) => void): Promise<void> {
  await db.buyers.each(visit);
}
