import { z } from 'zod';

/**
 * Conventions shared by every record:
 * - Instants are epoch milliseconds (UTC) in a `number`; fields end in `At`.
 * - Calendar days are "epoch days" in the shop's time zone (see `core/model/time.ts`).
 * - Money is integer minor units (cents, fen) plus an ISO 4217 code; never floats.
 */
export const EpochMs = z.number().int().nonnegative();
export type EpochMs = z.infer<typeof EpochMs>;

export const MinorUnits = z.number().int().safe();
export type MinorUnits = z.infer<typeof MinorUnits>;

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO code such as CNY or USD');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

export const Money = z.object({ amount: MinorUnits, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;

/** Built-in platforms; `custom-<rule>` and import sources (`import-<name>`) are also allowed. */
export const BUILT_IN_PLATFORMS = [
  'taobao',
  'tmall',
  '1688',
  'alibaba',
  'aliexpress',
  'amazon',
  'ebay',
  'etsy',
  'shopee',
  'lazada',
  'shopify',
  'woocommerce',
  'whatsapp',
  'demo',
] as const;

export const Platform = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'platform must be lower-case letters, digits, - or _');
export type Platform = z.infer<typeof Platform>;

/** `<platform>:<buyerId>`; the buyer id part may contain any character but must not be empty. */
export const BuyerKey = z
  .string()
  .max(600)
  .regex(/^[a-z0-9][a-z0-9_-]*:.+$/s, 'buyer key must look like platform:buyerId');
export type BuyerKey = z.infer<typeof BuyerKey>;
