import { parseDateTime } from '../dates';
import { parseMoney } from '../money';
import { statusFromText } from '../status';
import { cleanText } from '../text';
import type { CapturedOrderData } from '../types';
import { BEIJING_OFFSET } from './labels';

/*
 * Orders from the JSON the sold-orders pages load (asyncSold.htm, mtop APIs; sites-2026.md:
 * "maintained tools read the page's own JSON responses instead of the visible DOM"). No public
 * sample of these responses was available, so the reader is tolerant by design: it looks for an
 * array of orders (mainOrders / orders / list, at any depth up to 6) and reads each order's id,
 * buyer nick, time, amount, status and sub-orders under the several names such payloads use.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first present value at one of the dotted paths. */
function pick(o: Json, ...paths: string[]): unknown {
  for (const path of paths) {
    let v: unknown = o;
    for (const k of path.split('.')) v = isObj(v) ? v[k] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function orderArrays(v: unknown, depth = 0, out: unknown[][] = []): unknown[][] {
  if (depth > 6 || !isObj(v)) return out;
  for (const [k, child] of Object.entries(v)) {
    if (Array.isArray(child) && /^(?:mainOrders|orders|orderList|list)$/.test(k)) out.push(child);
    else if (isObj(child)) orderArrays(child, depth + 1, out);
  }
  return out;
}

function placedAtOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e12 ? v : v * 1000;
  const s = str(v);
  if (/^\d{12,13}$/.test(s)) return Number(s);
  return parseDateTime(s, { offsetMinutes: BEIJING_OFFSET });
}

function yuan(v: unknown): number | null {
  const s = str(v);
  return s ? (parseMoney(s, 'CNY')?.amount ?? null) : null;
}

function itemOf(sub: unknown): CapturedOrderData['items'][number] | null {
  if (!isObj(sub)) return null;
  const title = cleanText(str(pick(sub, 'itemInfo.title', 'title', 'itemTitle', 'auctionTitle')), 500);
  if (!title) return null;
  const qty = Number.parseInt(str(pick(sub, 'quantity', 'buyAmount', 'num', 'itemInfo.quantity')), 10) || 1;
  const unit = yuan(pick(sub, 'priceInfo.price', 'price', 'itemInfo.price'));
  const line = yuan(pick(sub, 'priceInfo.realTotal', 'realTotal'));
  const extra = pick(sub, 'itemInfo.extra');
  const code = Array.isArray(extra)
    ? extra.find((e) => isObj(e) && str(e.name).includes('商家编码'))
    : undefined;
  const sku = cleanText(str(isObj(code) ? code.value : pick(sub, 'outerId', 'skuOuterId')), 64);
  return {
    title,
    qty,
    unitPrice: unit ?? (line !== null ? Math.round(line / qty) : 0),
    ...(sku ? { sku } : {}),
  };
}

/** One order of the payload, or null when its id, buyer, time, amount or status is missing. */
function orderOf(o: unknown): CapturedOrderData | null {
  if (!isObj(o)) return null;
  const orderId = str(pick(o, 'orderInfo.id', 'id', 'bizOrderId', 'orderId'));
  const buyerId = cleanText(str(pick(o, 'buyer.nick', 'buyerNick', 'buyer_nick', 'buyer.buyerNick')), 256);
  const placedAt = placedAtOf(pick(o, 'orderInfo.createTime', 'createTime', 'gmtCreate', 'payTime'));
  const total = yuan(pick(o, 'payInfo.actualFee', 'actualFee', 'realPay', 'totalFee', 'payment'));
  const status = statusFromText(str(pick(o, 'statusInfo.text', 'statusText', 'orderStatusText', 'status')));
  if (!/^\d{12,25}$/.test(orderId) || !buyerId || placedAt === null || total === null || !status) return null;
  const subs = pick(o, 'subOrders', 'items', 'orderItems');
  const items = (Array.isArray(subs) ? subs : [])
    .map(itemOf)
    .filter((i): i is NonNullable<typeof i> => i !== null);
  return { orderId, buyerId, buyerName: buyerId, placedAt, total, currency: 'CNY', status, items };
}

/** Every complete order in a sold-orders response (asyncSold.htm or mtop), at most 500. */
export function ordersFromSoldJson(payload: unknown): CapturedOrderData[] {
  const out: CapturedOrderData[] = [];
  for (const list of orderArrays(payload))
    for (const o of list) {
      const order = orderOf(o);
      if (order && out.length < 500) out.push(order);
    }
  return out;
}

/** JSON or JSONP ("mtopjsonp3({…})") response text → the parsed payload, or undefined. */
export function parseResponseText(text: string): unknown {
  const body = text.trim().replace(/^[\w$.]+\(\s*([\s\S]*)\)\s*;?$/, '$1');
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Responses worth reading: the sold-orders list endpoints, nothing else on the page. */
export const SOLD_ORDER_URL = /asyncSold\.htm|mtop\.[\w.]*(?:sold|trade\.order|qianniu\.order)[\w.]*/i;
