import { type BuyerAggregate, EMPTY_AGGREGATE, type Order } from '../model';
import { DayTally } from './dayTally';
import { epochDayInZoneFast } from './zoneDay';

export interface AggregateContext {
  shopCurrency: string;
  /** Shop-currency units per unit of the keyed currency. */
  currencyRates: Record<string, number>;
  timeZone: string;
}

/** Converts an amount to shop-currency minor units, or `undefined` when no rate is known. */
export function toShopMinor(amount: number, currency: string, ctx: AggregateContext): number | undefined {
  if (currency === ctx.shopCurrency) return amount;
  const rate = ctx.currencyRates[currency];
  return rate === undefined ? undefined : Math.round(amount * rate);
}

/**
 * Builds a buyer's aggregate from all of that buyer's orders. The store calls this for every
 * touched buyer inside the write transaction (a buyer has few orders, so recomputing is cheap
 * and makes updates such as paid → refunded exact, with no drift).
 *
 * Written for a million orders per import: counters live in locals, per-day / per-category /
 * per-country totals in small parallel arrays (a buyer has few distinct keys, so a linear scan
 * beats hashing), and the records are built once at the end with their keys in sorted order, so
 * aggregates with the same key set share one object shape and scoring's `for…in` stays fast.
 *
 * When two paid orders share the latest `placedAt`, the later one in `orders` gives
 * `lastItemTitle`; the store passes a buyer's orders in order-key order.
 */
export function aggregateOrders(orders: readonly Order[], ctx: AggregateContext): BuyerAggregate {
  return accumulate(undefined, orders, ctx).agg;
}

/**
 * Per-buyer aggregates of a list of orders: each buyer's orders in list order, buyers in the
 * order of their first order in the list.
 */
export function aggregateOrdersByBuyer(
  orders: readonly Order[],
  ctx: AggregateContext,
): Array<{ key: string; agg: BuyerAggregate }> {
  const byBuyer = new Map<string, Order[]>();
  for (const o of orders) {
    const list = byBuyer.get(o.buyerKey);
    if (list) list.push(o);
    else byBuyer.set(o.buyerKey, [o]);
  }
  return [...byBuyer].map(([key, list]) => ({ key, agg: aggregateOrders(list, ctx) }));
}

/**
 * Adds orders that are NEW for this buyer (none of them counted in `prev` yet) to a stored
 * aggregate, giving exactly what `aggregateOrders` gives over the buyer's old orders followed by
 * `newOrders` in order-key order (as the store reads them). Returns `undefined` when that cannot
 * be exact from `prev` alone — the caller then rebuilds from all orders:
 * - `prev` predates `unitPriceSum` (the mean unit price is rounded, so the sum is lost) or lacks
 *   per-day order counts;
 * - a new paid order ties the stored latest paid order's `placedAt` and would give the title
 *   (which of the two wins depends on order keys `prev` does not keep).
 * The rates and time zone in `ctx` must be those `prev` was built with.
 */
export function mergeIntoAggregate(
  prev: BuyerAggregate,
  newOrders: readonly Order[],
  ctx: AggregateContext,
): BuyerAggregate | undefined {
  if (prev.unitPriceSum === undefined && prev.itemCount > 0) return undefined;
  for (const d of prev.days) if (d[2] === undefined) return undefined;
  if (newOrders.length === 0) return prev;
  let sorted = newOrders;
  for (let i = 1; i < newOrders.length; i++) {
    if (newOrders[i - 1].key > newOrders[i].key) {
      sorted = [...newOrders].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      break;
    }
  }
  const { agg, lastPaid } = accumulate(prev, sorted, ctx);
  if (lastPaid !== undefined && lastPaid.placedAt === prev.lastOrderAt) return undefined;
  return agg;
}

/**
 * The one aggregation loop, optionally continuing from `seed` (an aggregate of other orders).
 * `lastPaid` is the latest paid order among `orders` when it became the aggregate's latest.
 */
function accumulate(
  seed: BuyerAggregate | undefined,
  orders: readonly Order[],
  ctx: AggregateContext,
): { agg: BuyerAggregate; lastPaid: Order | undefined } {
  let refundedOrders = seed?.refundedOrders ?? 0;
  let cancelledOrders = seed?.cancelledOrders ?? 0;
  let unconvertedOrders = seed?.unconvertedOrders ?? 0;
  let paidOrders = seed?.paidOrders ?? 0;
  let paidSpend = seed?.paidSpend ?? 0;
  let discountedOrders = seed?.discountedOrders ?? 0;
  let itemCount = seed?.itemCount ?? 0;
  let maxQtyPerLine = seed?.maxQtyPerLine ?? 0;
  let firstOrderAt: number | undefined = seed?.firstOrderAt;
  let lastOrderAt: number | undefined = seed?.lastOrderAt;
  let lastPaid: Order | undefined;
  let unitPriceSum = seed?.unitPriceSum ?? 0;
  // Every paid item's quantity counts once in both, so the seed's item count is its unit count.
  let unitPriceCount = seed?.itemCount ?? 0;
  // Per purchase day: spend and paid orders; orders per day let a windowed F count orders, not days.
  const { days: dayTally, catKeys, catSpend, countryKeys, countryOrders } = scratch;
  dayTally.reset();
  catKeys.length = 0;
  catSpend.length = 0;
  countryKeys.length = 0;
  countryOrders.length = 0;
  if (seed) {
    for (const [day, spend, count] of seed.days) dayTally.add(day, spend, count ?? 1);
    for (const k in seed.categorySpend) {
      catKeys.push(k);
      catSpend.push(seed.categorySpend[k]);
    }
    for (const k in seed.countries) {
      countryKeys.push(k);
      countryOrders.push(seed.countries[k]);
    }
  }
  const { timeZone } = ctx;
  for (let n = 0; n < orders.length; n++) {
    const o = orders[n];
    if (o.status === 'refunded') {
      refundedOrders++;
      continue;
    }
    if (o.status === 'cancelled') {
      cancelledOrders++;
      continue;
    }
    // A paid order in a currency without a rate still counts for frequency, recency and
    // lifecycle (it happened); only its spend is unknown, so it adds 0 and is counted in
    // `unconvertedOrders` ("N orders in XXX are left out of spend"). Its items stay out of the
    // item and unit-price figures, which are money-weighted.
    const converted = toShopMinor(o.total, o.currency, ctx);
    if (converted === undefined) unconvertedOrders++;
    const total = converted ?? 0;
    paidOrders++;
    paidSpend += total;
    const at = o.placedAt;
    if (firstOrderAt === undefined || at < firstOrderAt) firstOrderAt = at;
    if (lastOrderAt === undefined || at >= lastOrderAt) {
      lastOrderAt = at;
      lastPaid = o;
    }
    dayTally.add(epochDayInZoneFast(at, timeZone), total, 1);
    if (o.discount && o.discount > 0) discountedOrders++;
    if (o.shipCountry) addTo(countryKeys, countryOrders, o.shipCountry, 1);
    if (converted === undefined) continue;
    const items = o.items;
    if (items.length === 0) {
      addTo(catKeys, catSpend, '', total);
      continue;
    }
    let itemsValue = 0;
    for (let i = 0; i < items.length; i++) itemsValue += items[i].qty * items[i].unitPrice;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      itemCount += it.qty;
      if (it.qty > maxQtyPerLine) maxQtyPerLine = it.qty;
      const price = toShopMinor(it.unitPrice, o.currency, ctx) ?? 0;
      unitPriceSum += price * it.qty;
      unitPriceCount += it.qty;
      // Split the order total over categories by line value so category spend adds up to paid spend.
      const share = itemsValue > 0 ? (it.qty * it.unitPrice) / itemsValue : 1 / items.length;
      addTo(catKeys, catSpend, it.category ?? '', Math.round(total * share));
    }
  }
  const days = dayTally.sorted();
  const agg: BuyerAggregate = {
    ...EMPTY_AGGREGATE,
    orders: (seed?.orders ?? 0) + orders.length,
    paidOrders,
    refundedOrders,
    cancelledOrders,
    unconvertedOrders,
    paidSpend,
    days,
    discountedOrders,
    itemCount,
    maxQtyPerLine,
    categorySpend: sortedRecord(catKeys, catSpend),
    countries: sortedRecord(countryKeys, countryOrders),
    avgUnitPrice: unitPriceCount > 0 ? Math.round(unitPriceSum / unitPriceCount) : 0,
    unitPriceSum,
  };
  if (firstOrderAt !== undefined) agg.firstOrderAt = firstOrderAt;
  if (lastOrderAt !== undefined) agg.lastOrderAt = lastOrderAt;
  if (lastPaid) {
    if (lastPaid.items[0]) agg.lastItemTitle = lastPaid.items[0].title.slice(0, 500);
  } else if (seed?.lastItemTitle !== undefined) agg.lastItemTitle = seed.lastItemTitle;
  return { agg, lastPaid };
}

/**
 * Working arrays reused across calls (the function is synchronous, so never re-entered): an
 * import aggregates 100k buyers at once, and fresh ones per buyer were most of its garbage.
 */
const scratch = {
  days: new DayTally(),
  catKeys: [] as string[],
  catSpend: [] as number[],
  countryKeys: [] as string[],
  countryOrders: [] as number[],
};

/** Adds `v` to the value of `key` in parallel key/value arrays (appending a new key). */
function addTo(keys: string[], values: number[], key: string, v: number): void {
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === key) {
      values[i] += v;
      return;
    }
  }
  keys.push(key);
  values.push(v);
}

/** A record from parallel arrays, keys inserted in sorted order (see `aggregateOrders`). */
function sortedRecord(keys: string[], values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (keys.length === 0) return out;
  const idx = keys.map((_, i) => i).sort((i, j) => (keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : 0));
  for (const i of idx) out[keys[i]] = values[i];
  return out;
}
