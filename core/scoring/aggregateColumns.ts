import { type BuyerAggregate, EMPTY_AGGREGATE } from '../model';
import { type OrderColumns, statusCode } from '../model/orderColumns';
import type { AggregateContext } from './aggregate';
import { DayTally } from './dayTally';
import { epochDayInZoneFast } from './zoneDay';

const PAID = statusCode('paid');
const REFUNDED = statusCode('refunded');

/** One buyer's aggregate, keyed like the store keys buyers. */
export interface KeyedAggregate {
  key: string;
  agg: BuyerAggregate;
}

/**
 * The orders of `c` placed on or before `lastDay` (an epoch day in `timeZone`), as row numbers
 * in file order; every row when `lastDay` is undefined.
 */
export function rowsUpToDay(c: OrderColumns, timeZone: string, lastDay: number | undefined): Int32Array {
  const rows = new Int32Array(c.count);
  let n = 0;
  for (let i = 0; i < c.count; i++) {
    if (lastDay === undefined || epochDayInZoneFast(c.placedAt[i], timeZone) <= lastDay) rows[n++] = i;
  }
  return rows.subarray(0, n);
}

/**
 * Per-buyer aggregates of the chosen rows of item-less order columns: exactly what grouping the
 * same orders by buyer (in file order) and calling `aggregateOrders` on each group gives, but
 * from typed arrays, with no order objects and no per-order garbage. Buyers come in the order of
 * their first chosen row, as a `Map` filled in file order would list them.
 *
 * Rows are grouped by a counting sort on the buyer index (stable, so each buyer's rows stay in
 * file order and sums are taken in the same order as `aggregateOrders` takes them).
 */
export function aggregateColumns(c: OrderColumns, rows: Int32Array, ctx: AggregateContext): KeyedAggregate[] {
  const buyerCount = c.buyerKeys.length;
  // First chosen row per buyer (−1: none) fixes the output order; counts size the groups.
  const first = new Int32Array(buyerCount).fill(-1);
  const start = new Int32Array(buyerCount + 1);
  for (let k = 0; k < rows.length; k++) {
    const b = c.buyer[rows[k]];
    if (first[b] < 0) first[b] = k;
    start[b + 1]++;
  }
  for (let b = 0; b < buyerCount; b++) start[b + 1] += start[b];
  const grouped = new Int32Array(rows.length);
  const fill = start.slice(0, buyerCount);
  for (let k = 0; k < rows.length; k++) grouped[fill[c.buyer[rows[k]]]++] = rows[k];

  const conversion = currencyConversion(c, ctx);
  const order = buyersByFirstRow(first);
  const out: KeyedAggregate[] = new Array(order.length);
  const scratch = new BuyerScratch();
  for (let n = 0; n < order.length; n++) {
    const b = order[n];
    out[n] = {
      key: c.buyerKeys[b],
      agg: scratch.aggregate(c, grouped, start[b], start[b + 1], conversion, ctx.timeZone),
    };
  }
  return out;
}

/** Buyer indexes with a chosen row, ordered by their first chosen row. */
function buyersByFirstRow(first: Int32Array): Int32Array {
  // First rows are distinct positions, so a table indexed by position sorts them in one pass.
  let maxRow = -1;
  for (let b = 0; b < first.length; b++) if (first[b] > maxRow) maxRow = first[b];
  const buyerAtRow = new Int32Array(maxRow + 1).fill(-1);
  let n = 0;
  for (let b = 0; b < first.length; b++) {
    if (first[b] < 0) continue;
    buyerAtRow[first[b]] = b;
    n++;
  }
  const byRow = new Int32Array(n);
  let k = 0;
  for (let r = 0; r <= maxRow; r++) if (buyerAtRow[r] >= 0) byRow[k++] = buyerAtRow[r];
  return byRow;
}

const SAME = 0;
const BY_RATE = 1;
const NO_RATE = 2;

/** How each currency of the columns reaches shop minor units (`toShopMinor`, once per currency). */
interface Conversion {
  kind: Uint8Array;
  rate: Float64Array;
}

function currencyConversion(c: OrderColumns, ctx: AggregateContext): Conversion {
  const kind = new Uint8Array(c.currencies.length);
  const rate = new Float64Array(c.currencies.length);
  for (let i = 0; i < c.currencies.length; i++) {
    const code = c.currencies[i];
    const r = ctx.currencyRates[code];
    if (code === ctx.shopCurrency) kind[i] = SAME;
    else if (r === undefined) kind[i] = NO_RATE;
    else {
      kind[i] = BY_RATE;
      rate[i] = r;
    }
  }
  return { kind, rate };
}

/** Working arrays for one buyer at a time (a buyer has few purchase days and countries). */
class BuyerScratch {
  private readonly days = new DayTally();
  private countryKeys: number[] = [];
  private countryOrders: number[] = [];

  aggregate(
    c: OrderColumns,
    grouped: Int32Array,
    from: number,
    to: number,
    conversion: Conversion,
    timeZone: string,
  ): BuyerAggregate {
    const days = this.days;
    days.reset();
    this.countryKeys.length = 0;
    this.countryOrders.length = 0;
    let refundedOrders = 0;
    let cancelledOrders = 0;
    let unconvertedOrders = 0;
    let paidOrders = 0;
    let paidSpend = 0;
    let convertedOrders = 0;
    let firstOrderAt = Number.POSITIVE_INFINITY;
    let lastOrderAt = Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const i = grouped[k];
      const status = c.status[i];
      if (status !== PAID) {
        if (status === REFUNDED) refundedOrders++;
        else cancelledOrders++;
        continue;
      }
      // As in `aggregateOrders`: a paid order without a rate counts as an order with no spend.
      const currency = c.currency[i];
      const kind = conversion.kind[currency];
      let total = 0;
      if (kind === NO_RATE) unconvertedOrders++;
      else {
        total = kind === SAME ? c.total[i] : Math.round(c.total[i] * conversion.rate[currency]);
        convertedOrders++;
      }
      paidOrders++;
      paidSpend += total;
      const at = c.placedAt[i];
      if (at < firstOrderAt) firstOrderAt = at;
      if (at >= lastOrderAt) lastOrderAt = at;
      days.add(epochDayInZoneFast(at, timeZone), total, 1);
      const country = c.country[i];
      if (country !== 0) this.countCountry(country);
    }
    const agg: BuyerAggregate = {
      ...EMPTY_AGGREGATE,
      orders: to - from,
      paidOrders,
      refundedOrders,
      cancelledOrders,
      unconvertedOrders,
      paidSpend,
      days: days.sorted(),
      // Item-less orders: every converted paid order's spend is uncategorised.
      categorySpend: convertedOrders > 0 ? { '': paidSpend } : {},
      countries: this.sortedCountries(c.countries),
      avgUnitPrice: 0,
      unitPriceSum: 0,
    };
    if (paidOrders > 0) {
      agg.firstOrderAt = firstOrderAt;
      agg.lastOrderAt = lastOrderAt;
    }
    return agg;
  }

  private countCountry(country: number): void {
    const { countryKeys, countryOrders } = this;
    for (let k = 0; k < countryKeys.length; k++) {
      if (countryKeys[k] === country) {
        countryOrders[k]++;
        return;
      }
    }
    countryKeys.push(country);
    countryOrders.push(1);
  }

  private sortedCountries(names: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    const { countryKeys, countryOrders } = this;
    if (countryKeys.length === 0) return out;
    const idx = countryKeys.map((_, i) => i);
    idx.sort((i, j) => (names[countryKeys[i]] < names[countryKeys[j]] ? -1 : 1));
    for (const i of idx) out[names[countryKeys[i]]] = countryOrders[i];
    return out;
  }
}
