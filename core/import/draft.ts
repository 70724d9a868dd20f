import { Order, type OrderItem, type OrderStatus, type RejectedRow } from '../model';
import type { OrderSignature } from './ledger';
import type { LineValues } from './line';

/** An item as read from one row; the unit price may still have to be derived. */
interface ItemDraft {
  title: string;
  sku?: string;
  category?: string;
  qty?: number;
  unitPrice?: number;
  lineTotal?: number;
}

/** An order being assembled from one or more rows of the file. */
export interface OrderDraft {
  key: string;
  orderId: string;
  platform: string;
  buyerKey: string;
  buyerName?: string;
  placedAt: number;
  currency?: string;
  /** From the order-total column: first value seen (later rows must agree). */
  total?: number;
  totalLine?: number;
  lineSum: number;
  hasLineTotals: boolean;
  discounts: number[];
  items: ItemDraft[];
  /** Which statuses the order's rows carry (bit 1 paid, 2 refunded, 4 cancelled). */
  statuses: number;
  country?: string;
  firstLine: number;
  /** Has rows not yet emitted. */
  dirty: boolean;
}

export function newDraft(
  key: string,
  orderId: string,
  platform: string,
  v: LineValues & { buyerKey: string; placedAt: number },
  line: number,
): OrderDraft {
  return {
    key,
    orderId,
    platform,
    buyerKey: v.buyerKey,
    buyerName: v.buyerName,
    placedAt: v.placedAt,
    currency: v.currency,
    lineSum: 0,
    hasLineTotals: false,
    discounts: [],
    items: [],
    statuses: 0,
    firstLine: line,
    dirty: true,
  };
}

/**
 * Explains why a row cannot belong to the order already started under the same id, naming
 * both lines; `undefined` when it fits.
 */
export function conflictOf(
  d: OrderSignature,
  v: LineValues,
  line: number,
): { field: string; reason: string } | undefined {
  const where = `order ${d.orderId} on line ${line} conflicts with line ${d.firstLine}`;
  if (v.buyerKey !== undefined && v.buyerKey !== d.buyerKey) {
    return { field: 'buyerId', reason: `${where}: buyer '${v.buyerKey}' vs '${d.buyerKey}'` };
  }
  if (v.placedAt !== undefined && v.placedAt !== d.placedAt) {
    return {
      field: 'date',
      reason: `${where}: date ${new Date(v.placedAt).toISOString()} vs ${new Date(d.placedAt).toISOString()}`,
    };
  }
  if (v.currency !== undefined && d.currency !== undefined && v.currency !== d.currency) {
    return { field: 'currencyColumn', reason: `${where}: currency ${v.currency} vs ${d.currency}` };
  }
  if (v.total !== undefined && d.total !== undefined && v.total !== d.total) {
    return {
      field: 'total',
      reason: `${where}: total ${v.total} vs ${d.total} (line ${d.totalLine}, minor units)`,
    };
  }
  return undefined;
}

/** Adds one row's contribution; the caller has checked `conflictOf`. */
export function addRow(d: OrderDraft, v: LineValues, line: number): void {
  d.dirty = true;
  d.buyerName ??= v.buyerName;
  d.currency ??= v.currency;
  d.country ??= v.country;
  if (v.total !== undefined && d.total === undefined) {
    d.total = v.total;
    d.totalLine = line;
  }
  if (v.lineTotal !== undefined) {
    d.lineSum += v.lineTotal;
    d.hasLineTotals = true;
  }
  if (v.discount !== undefined) d.discounts.push(v.discount);
  d.statuses |= v.status === 'refunded' ? 2 : v.status === 'cancelled' ? 4 : 1;
  const isItem =
    v.item !== undefined || v.sku !== undefined || v.unitPrice !== undefined || v.lineTotal !== undefined;
  if (isItem) {
    d.items.push({
      title: v.item ?? v.sku ?? '',
      sku: v.sku,
      category: v.category,
      qty: v.qty,
      unitPrice: v.unitPrice,
      lineTotal: v.lineTotal,
    });
  }
}

/**
 * Builds and validates the order. Total: the order-total column when present (taken once),
 * else the sum of line totals, else Σ quantity × unit price. Status: paid if any line is paid
 * (a partly refunded order is still a sale), else refunded, else cancelled. Discount: taken
 * once when every row repeats the same value, summed when rows differ (per-line discounts).
 */
export function finishDraft(
  d: OrderDraft,
  meta: { importId?: string; now: number; defaultCurrency?: string },
): { order: Order } | { reject: RejectedRow } {
  d.currency ??= meta.defaultCurrency;
  d.dirty = false;
  const items: OrderItem[] = d.items.map((it) => {
    const qty = it.qty ?? 1;
    let unitPrice = it.unitPrice;
    if (unitPrice === undefined && it.lineTotal !== undefined)
      unitPrice = qty > 0 ? Math.round(it.lineTotal / qty) : 0;
    if (unitPrice === undefined && d.items.length === 1 && d.total !== undefined && qty > 0) {
      unitPrice = Math.round(d.total / qty);
    }
    const out: OrderItem = { title: it.title, qty, unitPrice: unitPrice ?? 0 };
    if (it.sku !== undefined) out.sku = it.sku;
    if (it.category !== undefined) out.category = it.category;
    return out;
  });
  let total = d.total;
  if (total === undefined && d.hasLineTotals) total = d.lineSum;
  if (total === undefined && d.items.some((it) => it.unitPrice !== undefined)) {
    total = d.items.reduce((s, it) => s + (it.unitPrice ?? 0) * (it.qty ?? 1), 0);
  }
  if (total === undefined)
    return { reject: { line: d.firstLine, field: 'total', reason: `order ${d.orderId} has no amount` } };
  if (d.currency === undefined) {
    return {
      reject: {
        line: d.firstLine,
        field: 'currencyColumn',
        reason: `order ${d.orderId} has no currency: choose the currency of this file`,
      },
    };
  }
  const status: OrderStatus = d.statuses & 1 ? 'paid' : d.statuses & 2 ? 'refunded' : 'cancelled';
  const candidate: Order = {
    key: d.key,
    orderId: d.orderId,
    platform: d.platform,
    buyerKey: d.buyerKey,
    placedAt: d.placedAt,
    total,
    currency: d.currency,
    items,
    status,
    source: 'import',
    updatedAt: meta.now,
  };
  if (d.buyerName !== undefined) candidate.buyerName = d.buyerName;
  if (d.discounts.length > 0) {
    const same = d.discounts.every((x) => x === d.discounts[0]);
    candidate.discount = same ? d.discounts[0] : d.discounts.reduce((s, x) => s + x, 0);
  }
  if (d.country !== undefined) candidate.shipCountry = d.country;
  if (meta.importId !== undefined) candidate.importId = meta.importId;
  const parsed = Order.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'row';
    return { reject: { line: d.firstLine, field, reason: `order ${d.orderId}: ${field}: ${issue.message}` } };
  }
  return { order: parsed.data };
}
