import { z } from 'zod';
import { EpochMs, MinorUnits } from './common';
import { BANDS, CUSTOMER_TYPES, LIFECYCLES, LOYALTIES, SEGMENTS, VALUE_TIERS } from './dimensions';

/**
 * A reason behind a class: a stable code the UI translates plus the numbers behind it,
 * e.g. `{ code: 'rfm.r', values: { days: 3, score: 5 } }` → "recency 3 days → R5".
 */
export const Reason = z.object({
  code: z.string().max(80),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});
export type Reason = z.infer<typeof Reason>;

export const Score15 = z.number().int().min(1).max(5);

// Value lists (and their display order) come from the dimension registry.
export const Segment = z.enum(SEGMENTS);
export type Segment = z.infer<typeof Segment>;

export const ValueTier = z.enum(VALUE_TIERS);
export type ValueTier = z.infer<typeof ValueTier>;
export const Band = z.enum(BANDS);
export type Band = z.infer<typeof Band>;
export const Loyalty = z.enum(LOYALTIES);
export type Loyalty = z.infer<typeof Loyalty>;
export const Lifecycle = z.enum(LIFECYCLES);
export type Lifecycle = z.infer<typeof Lifecycle>;
export const CustomerType = z.enum(CUSTOMER_TYPES);
export type CustomerType = z.infer<typeof CustomerType>;

export const Prediction = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    pAlive: z.number().min(0).max(1),
    horizonDays: z.number().int().positive(),
    expectedOrders: z.number().nonnegative(),
    /** Gamma-Gamma expected order value in shop-currency minor units (absent without repeat spend). */
    expectedOrderValue: z.number().nonnegative().optional(),
    expectedValue: z.number().nonnegative().optional(),
  }),
  z.object({ status: z.literal('not-enough-history') }),
]);
export type Prediction = z.infer<typeof Prediction>;

export const BuyerClasses = z.object({
  asOf: EpochMs,
  scheme: z.enum(['rfm-grid', 'value-8']),
  rfm: z
    .object({
      r: Score15,
      f: Score15,
      m: Score15,
      recencyDays: z.number().int().nonnegative(),
      frequency: z.number().int().nonnegative(),
      monetary: MinorUnits,
      method: z.enum(['quantile', 'absolute', 'absolute-fallback']),
    })
    .optional(),
  segment: Segment,
  valueTier: ValueTier,
  keyAccount: z.boolean(),
  frequencyBand: Band,
  spendBand: Band,
  loyalty: Loyalty,
  lifecycle: Lifecycle,
  repurchase: z
    .object({ medianIntervalDays: z.number().nonnegative(), dueInDays: z.number().int() })
    .optional(),
  preferences: z.object({
    priceSensitive: z.boolean(),
    qualityOriented: z.boolean(),
    topCategories: z.array(z.string()),
  }),
  geography: z.object({
    country: z.string().optional(),
    scope: z.enum(['domestic', 'cross-border', 'unknown']),
  }),
  customerType: CustomerType,
  prediction: Prediction,
  /** Reasons keyed by dimension: `rfm`, `segment`, `valueTier`, `loyalty`, … */
  reasons: z.record(z.string(), z.array(Reason)),
});
export type BuyerClasses = z.infer<typeof BuyerClasses>;
