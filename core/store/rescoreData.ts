import type { Buyer, ClassChange } from '../model';
import type { AggregateContext } from '../scoring/aggregate';
import type { BuyerTiersDB } from './db';
import { rebuildAggregates } from './orders';

/**
 * Meta row that exists while a full rescore (and, after a currency or time-zone change, the
 * rebuild of every aggregate before it) is owed. Written before the work starts and deleted when
 * it has finished, so a worker stopped mid-way (Chrome stops MV3 workers at will) finds it on
 * its next start and finishes the job: classes never stay half old, half new.
 */
export const RESCORE_PENDING_KEY = 'rescorePending';

export interface PendingRescore {
  since: number;
  rebuildAggregates: boolean;
}

/** Tolerant read: a marker written by an older version still counts as owed work. */
function pendingOf(value: unknown): PendingRescore | undefined {
  const v = value as Partial<PendingRescore> | undefined;
  return v ? { since: Number(v.since) || 0, rebuildAggregates: v.rebuildAggregates === true } : undefined;
}

/** The owed rescore, if a worker (this one or a stopped one) recorded one and did not finish it. */
export async function readRescorePending(db: BuyerTiersDB): Promise<PendingRescore | undefined> {
  return pendingOf((await db.meta.get(RESCORE_PENDING_KEY))?.value);
}

/**
 * Records that a full rescore (with an aggregate rebuild when `rebuild`) is owed. Run it inside
 * the transaction that makes the rescore necessary (it needs `db.meta`), so the change and the
 * marker are written together or not at all: a worker stopped between them cannot leave new
 * settings with nobody owing the rescore. An earlier marker keeps its `since` and its rebuild.
 */
export async function recordRescoreOwed(db: BuyerTiersDB, rebuild: boolean, at: number): Promise<void> {
  const prev = await readRescorePending(db);
  const value: PendingRescore = {
    since: prev?.since ?? at,
    rebuildAggregates: rebuild || (prev?.rebuildAggregates ?? false),
  };
  await db.meta.put({ key: RESCORE_PENDING_KEY, value });
}

/** `recordRescoreOwed` in a transaction of its own, for a rescore that nothing else wrote. */
export async function markRescoreOwed(db: BuyerTiersDB, rebuild: boolean, at: number): Promise<void> {
  await db.transaction('rw', db.meta, () => recordRescoreOwed(db, rebuild, at));
}

/** The owed rescore is done: the next worker start has nothing to finish. */
export async function clearRescoreOwed(db: BuyerTiersDB): Promise<void> {
  await db.meta.delete(RESCORE_PENDING_KEY);
}

/** Buyers as rescored, with the class changes that rescoring made. */
export interface RescoredBuyers {
  buyers: Buyer[];
  changes: ClassChange[];
}

/**
 * Rescores `keys` in one transaction over buyers and class changes. The buyers are re-read
 * inside it (a capture may have changed one since the caller's snapshot) and missing ones
 * skipped; `rescore` must be synchronous, as it runs inside the transaction.
 */
export async function writeRescoredBuyers(
  db: BuyerTiersDB,
  keys: readonly string[],
  rescore: (current: Buyer[]) => RescoredBuyers,
): Promise<void> {
  await db.transaction('rw', db.buyers, db.classChanges, async () => {
    const current = (await db.buyers.bulkGet([...keys])).filter((b): b is Buyer => b !== undefined);
    const { buyers, changes } = rescore(current);
    await db.buyers.bulkPut(buyers);
    if (changes.length > 0) await db.classChanges.bulkAdd(changes);
  });
}

/**
 * Rebuilds the aggregates of `keys` from their orders in one transaction. The rescorer calls it
 * chunk by chunk after a currency or time-zone change, so no transaction grows with the shop.
 */
export async function rebuildAggregatesOf(
  db: BuyerTiersDB,
  keys: readonly string[],
  ctx: AggregateContext,
  at: number,
): Promise<void> {
  await db.transaction('rw', db.orders, db.buyers, () => rebuildAggregates(db, keys, ctx, at));
}
