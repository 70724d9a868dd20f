import type { BuyerAggregate } from '../../model';
import { hasPaidPurchase } from '../features';

/**
 * The buyer features clustering works on. Counts and money are heavy-tailed, so they are
 * log-transformed (log1p) before standardising; shares are already on [0, 1] and are not.
 */
export const BASE_FEATURES = ['recencyDays', 'orders', 'spend', 'avgOrderValue', 'discountShare'] as const;
export type BaseFeature = (typeof BASE_FEATURES)[number];

export interface FeatureColumn {
  /** A base feature, or `category` for the share of spend in `category`. */
  kind: BaseFeature | 'category';
  category?: string;
  /** Whether the column was log1p-transformed before standardising. */
  log: boolean;
}

export interface FeatureTable {
  columns: FeatureColumn[];
  /** Row per clustered buyer, in original units (days, orders, minor units, shares). */
  raw: number[][];
  /** Same rows, transformed (log1p where `log`), not yet standardised. */
  transformed: number[][];
  /** Index of each row's buyer in the input list (buyers without a paid order are skipped). */
  buyerIndex: number[];
}

export interface FeatureOptions {
  /** The shop's top N categories by paid spend become share features (default 3). */
  topCategories?: number;
}

/** The shop's top `n` categories by paid spend; uncategorised spend ("") never counts. */
export function topShopCategories(aggs: readonly BuyerAggregate[], n: number): string[] {
  if (n <= 0) return [];
  const totals = new Map<string, number>();
  for (const a of aggs) {
    const spendBy = a.categorySpend;
    for (const cat in spendBy) {
      const spend = spendBy[cat];
      if (cat === '' || !(spend > 0)) continue;
      totals.set(cat, (totals.get(cat) ?? 0) + spend);
    }
  }
  return [...totals]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, n)
    .map(([c]) => c);
}

const finiteOrZero = (x: number) => (Number.isFinite(x) ? x : 0);

/** Builds the feature table for every buyer with a paid purchase, at `asOfDay` (shop epoch day). */
export function buildFeatures(
  aggs: readonly BuyerAggregate[],
  asOfDay: number,
  options: FeatureOptions = {},
): FeatureTable {
  const cats = topShopCategories(aggs, options.topCategories ?? 3);
  const columns: FeatureColumn[] = [
    ...BASE_FEATURES.map((kind) => ({ kind, log: kind !== 'discountShare' })),
    ...cats.map((category) => ({ kind: 'category' as const, category, log: false })),
  ];
  const width = columns.length;
  const raw: number[][] = [];
  const transformed: number[][] = [];
  const buyerIndex: number[] = [];
  for (let i = 0; i < aggs.length; i++) {
    const a = aggs[i];
    if (!hasPaidPurchase(a)) continue;
    const orders = a.paidOrders;
    const spend = Math.max(0, a.paidSpend);
    let catTotal = 0;
    const spendBy = a.categorySpend;
    for (const c in spendBy) if (spendBy[c] > 0) catTotal += spendBy[c];
    // Recency as in RFM (a purchase dated after asOf counts as today).
    const row = new Array<number>(width);
    row[0] = Math.max(0, asOfDay - a.days[a.days.length - 1][0]);
    row[1] = orders;
    row[2] = spend;
    row[3] = spend / orders;
    row[4] = Math.min(1, a.discountedOrders / orders);
    for (let c = 0; c < cats.length; c++) {
      const v = spendBy[cats[c]] ?? 0;
      row[5 + c] = catTotal > 0 && v > 0 ? v / catTotal : 0;
    }
    const t = new Array<number>(width);
    for (let j = 0; j < width; j++) {
      row[j] = finiteOrZero(row[j]);
      t[j] = columns[j].log ? Math.log1p(row[j]) : row[j];
    }
    raw.push(row);
    transformed.push(t);
    buyerIndex.push(i);
  }
  return { columns, raw, transformed, buyerIndex };
}
