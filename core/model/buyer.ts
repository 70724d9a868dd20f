import { z } from 'zod';
import { BuyerClasses } from './classes';
import { BuyerKey, EpochMs, MinorUnits, Platform } from './common';

/**
 * Everything scoring needs about a buyer, kept up to date when orders are written
 * (aggregate-on-write) so rescoring never reads orders. Amounts are in the shop currency;
 * paid orders in a currency without a configured rate count as paid orders (frequency, recency,
 * purchase days) with no spend, and are also counted in `unconvertedOrders`.
 */
export const BuyerAggregate = z.object({
  orders: z.number().int().nonnegative(),
  paidOrders: z.number().int().nonnegative(),
  refundedOrders: z.number().int().nonnegative(),
  cancelledOrders: z.number().int().nonnegative(),
  unconvertedOrders: z.number().int().nonnegative(),
  paidSpend: MinorUnits,
  firstOrderAt: EpochMs.optional(),
  lastOrderAt: EpochMs.optional(),
  /**
   * Distinct paid purchase days (shop time zone epoch days), ascending, with that day's spend and
   * that day's paid order count. The count is optional so aggregates written before it existed
   * stay valid; a missing count means one order (windowed frequency then counts days).
   */
  days: z.array(z.tuple([z.number().int(), MinorUnits, z.number().int().positive().optional()])),
  discountedOrders: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  maxQtyPerLine: z.number().int().nonnegative(),
  /** Paid spend by item category (minor units); "" for uncategorised. */
  categorySpend: z.record(z.string(), MinorUnits),
  /** Paid order count by ship country (ISO 3166 alpha-2). */
  countries: z.record(z.string(), z.number().int().nonnegative()),
  lastItemTitle: z.string().max(500).optional(),
  /** Mean unit price of paid items, minor units (0 when none). */
  avgUnitPrice: MinorUnits,
  /**
   * Sum of unit price × quantity over paid items (shop minor units), so new orders can be merged
   * into the aggregate exactly (`avgUnitPrice` is rounded). Optional: aggregates written before
   * it existed stay valid, and are rebuilt from their orders instead of merged.
   */
  unitPriceSum: MinorUnits.optional(),
});
export type BuyerAggregate = z.infer<typeof BuyerAggregate>;

export const EMPTY_AGGREGATE: BuyerAggregate = Object.freeze({
  orders: 0,
  paidOrders: 0,
  refundedOrders: 0,
  cancelledOrders: 0,
  unconvertedOrders: 0,
  paidSpend: 0,
  days: [],
  discountedOrders: 0,
  itemCount: 0,
  maxQtyPerLine: 0,
  categorySpend: {},
  countries: {},
  avgUnitPrice: 0,
}) as BuyerAggregate;

export const Buyer = z.object({
  key: BuyerKey,
  platform: Platform,
  buyerId: z.string().min(1).max(300),
  /** Display name (may be a nick); shown as text only. */
  name: z.string().max(300).optional(),
  firstSeenAt: EpochMs,
  lastSeenAt: EpochMs,
  agg: BuyerAggregate,
  /** Indexed copies for the dashboard's filters; `lastOrderAt` is 0 for prospects. */
  lastOrderAt: EpochMs,
  segment: z.string().max(40),
  tier: z.string().max(20),
  lifecycle: z.string().max(20),
  classes: BuyerClasses.optional(),
  scoredAt: EpochMs.optional(),
});
export type Buyer = z.infer<typeof Buyer>;
