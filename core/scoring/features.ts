import type { BuyerAggregate } from '../model';

/**
 * The raw numbers every class is computed from, read off one aggregate at one `asOfDay` (shop
 * time zone epoch day). Kept separate so the shop context and the per-buyer classifier derive
 * F and M the same way.
 */
export interface RfmValues {
  /**
   * Last paid purchase day (epoch day), capped at asOfDay so a purchase dated in the future
   * (clock skew) ranks like one today, matching its recency of 0 days.
   */
  lastDay: number;
  firstDay: number;
  /** Whole days from the last paid purchase day to `asOfDay` (0 if the purchase is "in the future"). */
  recencyDays: number;
  /** Paid orders (all time, or in the window). */
  frequency: number;
  /** Paid spend in shop minor units (all time, or in the window). */
  monetary: number;
}

/** Whether the buyer has a paid purchase to score; everyone else is a prospect. */
export function hasPaidPurchase(agg: BuyerAggregate): boolean {
  return agg.paidOrders > 0 && agg.days.length > 0;
}

/**
 * R, F and M for a buyer with a paid purchase. With `windowDays` > 0 only purchase days in
 * (asOfDay − windowDays, asOfDay] count for F and M; a day without a stored order count counts
 * as one order (aggregates written before per-day counts existed). Recency is never windowed.
 */
export function rfmValues(agg: BuyerAggregate, asOfDay: number, windowDays: number): RfmValues {
  const days = agg.days;
  const lastDay = Math.min(days[days.length - 1][0], asOfDay);
  const firstDay = days[0][0];
  const recencyDays = asOfDay - lastDay;
  if (windowDays <= 0) {
    return { lastDay, firstDay, recencyDays, frequency: agg.paidOrders, monetary: agg.paidSpend };
  }
  const from = asOfDay - windowDays;
  let frequency = 0;
  let monetary = 0;
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i];
    if (d[0] <= from) break;
    if (d[0] > asOfDay) continue;
    frequency += d[2] ?? 1;
    monetary += d[1];
  }
  return { lastDay, firstDay, recencyDays, frequency, monetary };
}

/** Median gap in days between consecutive distinct purchase days; undefined with fewer than two days. */
export function medianIntervalDays(agg: BuyerAggregate): number | undefined {
  const days = agg.days;
  const n = days.length - 1;
  if (n < 1) return undefined;
  if (n > 32) {
    const sorted = new Float64Array(n);
    for (let i = 1; i <= n; i++) sorted[i - 1] = days[i][0] - days[i - 1][0];
    sorted.sort();
    const m = n >> 1;
    return n % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
  // Insertion sort on a plain array: buyers have few purchase days, and this runs per buyer.
  const gaps: number[] = [];
  for (let i = 1; i <= n; i++) {
    const g = days[i][0] - days[i - 1][0];
    let j = gaps.length;
    while (j > 0 && gaps[j - 1] > g) {
      gaps[j] = gaps[j - 1];
      j--;
    }
    gaps[j] = g;
  }
  const mid = n >> 1;
  return n % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

/** Refunded share of paid + refunded orders (cancelled orders never reached the buyer). */
export function refundShare(agg: BuyerAggregate): number {
  const n = agg.paidOrders + agg.refundedOrders;
  return n > 0 ? agg.refundedOrders / n : 0;
}

/** Mean spend of the repeat purchase days (every day after the first): the Gamma-Gamma zbar. */
export function repeatMeanSpend(agg: BuyerAggregate): number {
  const days = agg.days;
  if (days.length < 2) return 0;
  let s = 0;
  for (let i = 1; i < days.length; i++) s += days[i][1];
  return s / (days.length - 1);
}

/** BG/NBD inputs in model time units (`unitDays` = 1 for days, 7 for weeks). */
export function bgnbdInputs(
  agg: BuyerAggregate,
  asOfDay: number,
  unitDays: number,
): { x: number; tx: number; T: number } {
  const days = agg.days;
  const first = days[0][0];
  const last = days[days.length - 1][0];
  return {
    x: days.length - 1,
    tx: (last - first) / unitDays,
    // A purchase dated after asOf (clock skew) must not make T < tx.
    T: (Math.max(asOfDay, last) - first) / unitDays,
  };
}
