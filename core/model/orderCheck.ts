import { z } from 'zod';
import { Order } from './order';

/*
 * A fast yes to "does this order satisfy the Order schema?" for code that builds orders by the
 * million (import). The zod schema in order.ts stays the one definition: this check may only
 * say yes where the schema does (a property test holds it to that), and when it says no the
 * caller asks the schema, which names the problem exactly as before. So the answer, the reject
 * and its wording never depend on which path ran; only the time does.
 */

const PLATFORM = /^[a-z0-9][a-z0-9_-]*$/;
const BUYER_KEY = /^[a-z0-9][a-z0-9_-]*:.+$/s;
const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const STATUSES = new Set(['paid', 'refunded', 'cancelled']);
const SOURCES = new Set(['import', 'capture', 'manual', 'demo']);
/** The keys the schema knows; anything else would be stripped by it, so the fast path refuses. */
const KEYS = new Set([
  'key',
  'orderId',
  'platform',
  'buyerKey',
  'buyerName',
  'placedAt',
  'total',
  'currency',
  'discount',
  'itemsTotal',
  'shipping',
  'tax',
  'refunded',
  'items',
  'status',
  'shipCountry',
  'source',
  'importId',
  'updatedAt',
]);
const ITEM_KEYS = new Set(['title', 'sku', 'category', 'qty', 'unitPrice']);

const isText = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const optText = (v: unknown, max: number): boolean => v === undefined || isText(v, 0, max);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isMinor = isInt;
const optMinorNonNeg = (v: unknown): boolean => v === undefined || (isInt(v) && v >= 0);
const isEpoch = (v: unknown): boolean => isInt(v) && v >= 0;

function onlyKnownKeys(o: object, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

/** True only when `value` is certainly a valid Order; false means "ask the schema". */
export function isCertainlyValidOrder(value: unknown): value is Order {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype || !onlyKnownKeys(value, KEYS)) return false;
  // Every field is checked below before it is trusted; the cast only names them.
  const o = value as Order;
  if (!isText(o.key, 3, 400) || !isText(o.orderId, 1, 300)) return false;
  if (!isText(o.platform, 1, 64) || !PLATFORM.test(o.platform)) return false;
  if (!isText(o.buyerKey, 0, 600) || !BUYER_KEY.test(o.buyerKey)) return false;
  if (!optText(o.buyerName, 300)) return false;
  if (!isEpoch(o.placedAt) || !isEpoch(o.updatedAt) || !isMinor(o.total)) return false;
  if (typeof o.currency !== 'string' || !CURRENCY.test(o.currency)) return false;
  if (
    !optMinorNonNeg(o.discount) ||
    !optMinorNonNeg(o.itemsTotal) ||
    !optMinorNonNeg(o.shipping) ||
    !optMinorNonNeg(o.tax) ||
    !optMinorNonNeg(o.refunded)
  )
    return false;
  if (!STATUSES.has(o.status) || !SOURCES.has(o.source)) return false;
  if (o.shipCountry !== undefined && (typeof o.shipCountry !== 'string' || !COUNTRY.test(o.shipCountry)))
    return false;
  if (!optText(o.importId, 100)) return false;
  if (!Array.isArray(o.items) || o.items.length > 1000) return false;
  for (const it of o.items) {
    if (typeof it !== 'object' || it === null || Array.isArray(it) || !onlyKnownKeys(it, ITEM_KEYS))
      return false;
    if (!isText(it.title, 0, 500) || !optText(it.sku, 200) || !optText(it.category, 200)) return false;
    if (!isInt(it.qty) || it.qty < 0 || it.qty > 1_000_000 || !isMinor(it.unitPrice)) return false;
  }
  return true;
}

/**
 * The Order schema for bulk input (message batches of up to 10,000 orders): the fast check
 * first, and for an order it does not vouch for, the schema itself, whose issues (with their
 * paths) become this one's. Accepts and refuses exactly what `Order` does, but does not strip:
 * an accepted order with extra keys arrives as sent, and the store's `validateOrders` parses
 * it (stripping them) before anything is written.
 */
export const BulkOrder = z.custom<Order>().superRefine((value, ctx) => {
  if (isCertainlyValidOrder(value)) return;
  const res = Order.safeParse(value);
  if (res.success) return;
  for (const issue of res.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});
