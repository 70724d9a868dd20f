import type { ClassChange } from '../model';
import type { BuyerTiersDB } from './db';

export async function recordClassChanges(db: BuyerTiersDB, changes: readonly ClassChange[]): Promise<void> {
  if (changes.length > 0) await db.classChanges.bulkAdd(changes.map(({ id: _id, ...c }) => c));
}

/** Class changes since `since`, newest first. */
export async function movers(db: BuyerTiersDB, since: number, limit = 500): Promise<ClassChange[]> {
  return db.classChanges.where('at').aboveOrEqual(since).reverse().limit(limit).toArray();
}

export async function historyOfBuyer(db: BuyerTiersDB, buyerKey: string): Promise<ClassChange[]> {
  const rows = await db.classChanges.where('buyerKey').equals(buyerKey).toArray();
  return rows.sort((a, b) => b.at - a.at);
}
