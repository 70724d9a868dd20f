import type { OrderStatus } from '../../model';
import { cleanText } from '../text';
import type { CapturedOrderData } from '../types';

/*
 * The checked message between the page-world observer (entrypoints/taobao-orders.content.ts) and
 * the content script. The page world is the page's own: anything it posts could come from the
 * page, so the content script treats every message as untrusted input — it must carry the
 * channel, version and the nonce the content script announced (so a stale observer or a
 * reloaded extension's leftovers are ignored), and every order is checked field by field against
 * this adapter's platform and Taobao's shapes; whatever fails is dropped, never repaired.
 */
export const PAGE_ORDERS_CHANNEL = 'buyer-tiers:page-orders';
export const PAGE_HELLO_CHANNEL = 'buyer-tiers:page-orders-hello';
export const PAGE_ORDERS_VERSION = 1;
const MAX_ORDERS = 500;
const MAX_ITEMS = 200;
const STATUSES: readonly OrderStatus[] = ['paid', 'refunded', 'cancelled'];

export interface PageOrdersMessage {
  channel: typeof PAGE_ORDERS_CHANNEL;
  v: typeof PAGE_ORDERS_VERSION;
  nonce: string;
  orders: Array<CapturedOrderData & { platform: string }>;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

function itemOf(v: unknown): CapturedOrderData['items'][number] | null {
  if (!isObj(v) || typeof v.title !== 'string') return null;
  const title = cleanText(v.title, 500);
  if (!title || !int(v.qty, 1, 100_000) || !int(v.unitPrice, 0, 1e12)) return null;
  const sku = typeof v.sku === 'string' ? cleanText(v.sku, 64) : '';
  return { title, qty: v.qty, unitPrice: v.unitPrice, ...(sku ? { sku } : {}) };
}

/** One posted order, checked; null when anything about it is off. */
export function checkPageOrder(v: unknown, platform: string, now: number): CapturedOrderData | null {
  if (!isObj(v) || v.platform !== platform) return null;
  const { orderId, buyerId, placedAt, total, currency, status, items } = v;
  if (typeof orderId !== 'string' || !/^\d{12,25}$/.test(orderId)) return null;
  if (typeof buyerId !== 'string') return null;
  const buyer = cleanText(buyerId, 256);
  if (!buyer || !int(placedAt, Date.UTC(2003, 0, 1), now + 86_400_000)) return null;
  if (!int(total, 0, 1e12) || currency !== 'CNY') return null;
  if (typeof status !== 'string' || !STATUSES.includes(status as OrderStatus)) return null;
  if (!Array.isArray(items) || items.length > MAX_ITEMS) return null;
  const checked = items.map(itemOf);
  if (checked.some((i) => i === null)) return null;
  return {
    orderId,
    buyerId: buyer,
    buyerName: buyer,
    placedAt,
    total,
    currency,
    status: status as OrderStatus,
    items: checked as CapturedOrderData['items'],
  };
}

/** The orders of a posted message, if it is one of ours for this nonce; [] otherwise. */
export function ordersOfMessage(
  data: unknown,
  nonce: string,
  platform: string,
  now: number,
): CapturedOrderData[] {
  if (!isObj(data) || data.channel !== PAGE_ORDERS_CHANNEL || data.v !== PAGE_ORDERS_VERSION) return [];
  if (typeof data.nonce !== 'string' || data.nonce !== nonce || !Array.isArray(data.orders)) return [];
  return data.orders
    .slice(0, MAX_ORDERS)
    .map((o) => checkPageOrder(o, platform, now))
    .filter((o): o is CapturedOrderData => o !== null);
}
