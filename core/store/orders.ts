import {
  type Buyer,
  type BuyerAggregate,
  EMPTY_AGGREGATE,
  isCertainlyValidOrder,
  type Order,
  Order as OrderSchema,
  splitBuyerKey,
} from '../model';
import { type AggregateContext, aggregateOrders, mergeIntoAggregate } from '../scoring/aggregate';
import { rowsWhereAnyOf } from './anyOf';
import type { BuyerTiersDB } from './db';

/** The most orders written in one transaction; callers split larger sets into batches this size. */
export const MAX_ORDERS_PER_TRANSACTION = 10_000;

export interface WriteOrdersResult {
  new: number;
  duplicate: number;
  updated: number;
  /** Buyers whose aggregate changed, for incremental rescoring. */
  touchedBuyers: string[];
  /** Their aggregates before this write (absent for buyers the write created). */
  previous: Map<string, BuyerAggregate>;
}

export class OrderValidationError extends Error {
  constructor(
    readonly index: number,
    readonly field: string,
    detail: string,
  ) {
    super(`order ${index + 1}: ${field}: ${detail}`);
    this.name = 'OrderValidationError';
  }
}

/** Fields that make two writes of one order key "the same order" (timestamps and provenance aside). */
function sameContent(a: Order, b: Order): boolean {
  return (
    a.buyerKey === b.buyerKey &&
    a.placedAt === b.placedAt &&
    a.total === b.total &&
    a.currency === b.currency &&
    a.status === b.status &&
    (a.discount ?? 0) === (b.discount ?? 0) &&
    a.shipCountry === b.shipCountry &&
    JSON.stringify(a.items) === JSON.stringify(b.items)
  );
}

/** Validates every order before anything is written, so a bad record cannot leave a half batch. */
export function validateOrders(orders: readonly unknown[]): Order[] {
  return orders.map((o, i) => {
    // The fast check says yes to nearly every order; the rest get the schema's verdict.
    if (isCertainlyValidOrder(o)) return o;
    const r = OrderSchema.safeParse(o);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new OrderValidationError(i, issue.path.join('.') || '(order)', issue.message);
    }
    return r.data;
  });
}

/**
 * Writes orders idempotently by key and, in the same transaction, updates the aggregate of every
 * buyer they touch (DESIGN: aggregate-on-write). An identical re-write counts as a duplicate and
 * writes nothing; a changed order (e.g. paid → refunded) replaces the stored one.
 *
 * A buyer whose every written order is new has those orders merged into the stored aggregate
 * (`mergeIntoAggregate`: exactly what a rebuild gives, without reading the buyer's orders back);
 * a buyer with a changed order, or whose stored aggregate cannot be merged into exactly, is
 * rebuilt from all of its orders.
 */
export async function writeOrders(
  db: BuyerTiersDB,
  input: readonly unknown[],
  ctx: AggregateContext,
  now: number,
  /**
   * The stored orders under these keys, when the caller (inside its own transaction) has just
   * read them: IndexedDB reads are paid per record, so an import batch reads its keys once.
   */
  stored?: ReadonlyMap<string, Order>,
): Promise<WriteOrdersResult> {
  if (input.length > MAX_ORDERS_PER_TRANSACTION) {
    throw new RangeError(`at most ${MAX_ORDERS_PER_TRANSACTION} orders per write, got ${input.length}`);
  }
  const orders = validateOrders(input);
  // Within one batch the last write of a key wins, as it would across batches.
  const byKey = new Map<string, Order>();
  for (const o of orders) byKey.set(o.key, o);
  const unique = [...byKey.values()];

  return db.transaction('rw', db.orders, db.buyers, async () => {
    const existing = stored
      ? unique.map((o) => stored.get(o.key))
      : await db.orders.bulkGet(unique.map((o) => o.key));
    const toPut: Order[] = [];
    /** New orders per touched buyer, for the incremental path. */
    const fresh = new Map<string, Order[]>();
    /** Buyers with a changed order (on either side of a move): rebuilt from all their orders. */
    const changed = new Set<string>();
    const touched = new Set<string>();
    let created = 0;
    let duplicate = 0;
    let updated = 0;
    unique.forEach((o, i) => {
      const prev = existing[i];
      if (!prev) {
        created++;
        const list = fresh.get(o.buyerKey);
        if (list) list.push(o);
        else fresh.set(o.buyerKey, [o]);
      } else if (sameContent(prev, o)) {
        duplicate++;
        return;
      } else {
        updated++;
        // An order moved to another buyer changes both buyers' aggregates.
        changed.add(prev.buyerKey);
        changed.add(o.buyerKey);
        touched.add(prev.buyerKey);
      }
      toPut.push(o);
      touched.add(o.buyerKey);
    });
    if (toPut.length > 0) await db.orders.bulkPut(toPut);
    const touchedBuyers = [...touched];
    const previous =
      touchedBuyers.length > 0
        ? await updateAggregates(db, touchedBuyers, fresh, changed, ctx, now, toPut)
        : new Map<string, BuyerAggregate>();
    return { new: created, duplicate, updated, touchedBuyers, previous };
  });
}

/**
 * The aggregate step of `writeOrders`: merges the new orders of unchanged buyers into their
 * stored aggregates and rebuilds the rest (`changed`, or aggregates that cannot be merged into).
 */
async function updateAggregates(
  db: BuyerTiersDB,
  keys: readonly string[],
  fresh: ReadonlyMap<string, readonly Order[]>,
  changed: ReadonlySet<string>,
  ctx: AggregateContext,
  now: number,
  justWritten: readonly Order[],
): Promise<Map<string, BuyerAggregate>> {
  const buyers = await db.buyers.bulkGet([...keys]);
  const aggs: Array<BuyerAggregate | undefined> = new Array(keys.length);
  const rebuild: string[] = [];
  keys.forEach((key, i) => {
    const added = fresh.get(key);
    // A buyer row is written with its first order, so no row means no stored orders.
    const merged =
      changed.has(key) || !added
        ? undefined
        : mergeIntoAggregate(buyers[i]?.agg ?? EMPTY_AGGREGATE, added, ctx);
    if (merged) aggs[i] = merged;
    else rebuild.push(key);
  });
  if (rebuild.length > 0) {
    const rebuilt = await aggregatesFromOrders(db, rebuild, ctx);
    keys.forEach((key, i) => {
      aggs[i] ??= rebuilt.get(key);
    });
  }
  return putBuyers(db, keys, buyers, aggs as BuyerAggregate[], now, justWritten);
}

/** Aggregates of `keys` computed from all their stored orders (in order-key order). */
async function aggregatesFromOrders(
  db: BuyerTiersDB,
  keys: readonly string[],
  ctx: AggregateContext,
): Promise<Map<string, BuyerAggregate>> {
  const allOrders = await rowsWhereAnyOf(db.orders, 'buyerKey', keys);
  const ordersByBuyer = new Map<string, Order[]>();
  for (const o of allOrders) {
    const list = ordersByBuyer.get(o.buyerKey);
    if (list) list.push(o);
    else ordersByBuyer.set(o.buyerKey, [o]);
  }
  const out = new Map<string, BuyerAggregate>();
  for (const key of keys) out.set(key, aggregateOrders(ordersByBuyer.get(key) ?? [], ctx));
  return out;
}

/**
 * Recomputes the aggregates of `keys` from their stored orders; call inside a rw transaction.
 * Returns the aggregates as they were before, for buyers that existed.
 */
export async function rebuildAggregates(
  db: BuyerTiersDB,
  keys: readonly string[],
  ctx: AggregateContext,
  now: number,
  justWritten: readonly Order[] = [],
): Promise<Map<string, BuyerAggregate>> {
  const [aggs, buyers] = await Promise.all([
    aggregatesFromOrders(db, keys, ctx),
    db.buyers.bulkGet([...keys]),
  ]);
  return putBuyers(
    db,
    keys,
    buyers,
    keys.map((k) => aggs.get(k)!),
    now,
    justWritten,
  );
}

/** Writes each buyer with its new aggregate; returns the aggregates they had before. */
async function putBuyers(
  db: BuyerTiersDB,
  keys: readonly string[],
  buyers: ReadonlyArray<Buyer | undefined>,
  aggs: readonly BuyerAggregate[],
  now: number,
  justWritten: readonly Order[],
): Promise<Map<string, BuyerAggregate>> {
  const nameFromOrders = new Map<string, string>();
  for (const o of justWritten) if (o.buyerName) nameFromOrders.set(o.buyerKey, o.buyerName);

  const next: Buyer[] = keys.map((key, i) => {
    const prev = buyers[i];
    const agg = aggs[i];
    const { platform, buyerId } = splitBuyerKey(key);
    const seenAt = agg.lastOrderAt ?? now;
    return {
      key,
      platform,
      buyerId,
      name: nameFromOrders.get(key) ?? prev?.name,
      firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, agg.firstOrderAt ?? seenAt),
      lastSeenAt: Math.max(prev?.lastSeenAt ?? 0, seenAt),
      agg,
      lastOrderAt: agg.lastOrderAt ?? 0,
      // Classes are refreshed by the rescore that follows every write.
      segment: prev?.segment ?? 'unscored',
      tier: prev?.tier ?? 'none',
      lifecycle: prev?.lifecycle ?? (agg.paidOrders > 0 ? 'new' : 'prospect'),
      classes: prev?.classes,
      scoredAt: prev?.scoredAt,
    };
  });
  await db.buyers.bulkPut(next);
  const previous = new Map<string, BuyerAggregate>();
  buyers.forEach((b) => {
    if (b) previous.set(b.key, b.agg);
  });
  return previous;
}

/** Orders of one buyer, newest first. */
export function ordersOfBuyer(db: BuyerTiersDB, buyerKey: string, limit = 50): Promise<Order[]> {
  return db.orders
    .where('[buyerKey+placedAt]')
    .between([buyerKey, -Infinity], [buyerKey, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}
