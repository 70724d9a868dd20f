import { z } from 'zod';
import { BuyerKey, CurrencyCode, EpochMs, MinorUnits, Platform } from './common';

export const OrderStatus = z.enum(['paid', 'refunded', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderSource = z.enum(['import', 'capture', 'manual', 'demo']);
export type OrderSource = z.infer<typeof OrderSource>;

export const OrderItem = z.object({
  title: z.string().max(500),
  sku: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  qty: z.number().int().min(0).max(1_000_000),
  /** Unit price in minor units of the order's currency. */
  unitPrice: MinorUnits,
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z.object({
  /** `<platform>:<orderId>`, see `orderKeyOf`. Writing the same key twice is idempotent. */
  key: z.string().min(3).max(400),
  orderId: z.string().min(1).max(300),
  platform: Platform,
  buyerKey: BuyerKey,
  /** Buyer's display name as seen in the export or page (may differ from the id). */
  buyerName: z.string().max(300).optional(),
  placedAt: EpochMs,
  /** Spend: what the buyer paid, minor units of `currency` (after discounts and refunds). */
  total: MinorUnits,
  currency: CurrencyCode,
  discount: MinorUnits.nonnegative().optional(),
  /*
   * Spend breakdown where the source states it (see README "Spend"): the items' value, shipping
   * and tax charged, and the amount refunded (already subtracted from `total` for a paid order).
   * Optional and not indexed, so stored orders without them stay valid.
   */
  itemsTotal: MinorUnits.nonnegative().optional(),
  shipping: MinorUnits.nonnegative().optional(),
  tax: MinorUnits.nonnegative().optional(),
  refunded: MinorUnits.nonnegative().optional(),
  items: z.array(OrderItem).max(1000),
  status: OrderStatus,
  shipCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  source: OrderSource,
  importId: z.string().max(100).optional(),
  updatedAt: EpochMs,
});
export type Order = z.infer<typeof Order>;
