import { isCertainlyValidOrder, Order, type OrderItem, type OrderStatus, type RejectedRow } from '../model';
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
  /**
   * Set when `buyerKey` came from a fallback handle (phone, plain name): the importer swaps in
   * the id-based key when a later line shows that handle with an id, before the order leaves.
   */
  fallbackKey?: string;
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
  /**
   * Which statuses the order's lines state (bit 1 paid, 2 refunded, 4 cancelled, 8 unpaid).
   * Lines without a status (Shopify continuation lines) add nothing: they inherit the order's.
   */
  statuses: number;
  /** The first status text seen, for the "not paid yet" message. */
  statusText?: string;
  partialRefund: boolean;
  /** Order-level breakdown, first value seen (the order's first line carries it). */
  subtotal?: number;
  shipping?: number;
  tax?: number;
  refunded?: number;
  /** Line-level breakdown sums; `undefined` until a line has the column filled. */
  lineShipping?: number;
  lineTax?: number;
  lineDiscount?: number;
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
    partialRefund: false,
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

const STATUS_BIT = { paid: 1, refunded: 2, cancelled: 4, unpaid: 8 } as const;

/**
 * The order's status from what its lines state: paid if any line is paid (a partly refunded or
 * partly cancelled order is still a sale), else refunded, else cancelled, else unpaid. An order
 * none of whose lines states a status comes from an export that lists sales only: paid.
 */
function statusOf(bits: number): OrderStatus | 'unpaid' {
  if (bits === 0 || bits & 1) return 'paid';
  if (bits & 2) return 'refunded';
  if (bits & 4) return 'cancelled';
  return 'unpaid';
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
  if (v.status !== undefined) {
    d.statuses |= STATUS_BIT[v.status];
    d.statusText ??= v.statusText;
  }
  if (v.partialRefund) d.partialRefund = true;
  d.subtotal ??= v.subtotal;
  d.shipping ??= v.shipping;
  d.tax ??= v.tax;
  d.refunded ??= v.refunded;
  if (v.lineShipping !== undefined) d.lineShipping = (d.lineShipping ?? 0) + v.lineShipping;
  if (v.lineTax !== undefined) d.lineTax = (d.lineTax ?? 0) + v.lineTax;
  if (v.lineDiscount !== undefined) d.lineDiscount = (d.lineDiscount ?? 0) + v.lineDiscount;
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
  const status = statusOf(d.statuses);
  if (status === 'unpaid') {
    const said = d.statusText ? ` (status '${d.statusText}')` : '';
    return {
      reject: {
        line: d.firstLine,
        field: 'status',
        reason: `order ${d.orderId} is not paid yet${said}; skipped`,
      },
    };
  }
  const spend = spendOf(d);
  if (spend === undefined) {
    return {
      reject: {
        line: d.firstLine,
        field: 'total',
        reason: `order ${d.orderId} has no amount: its total, line amounts and prices are all empty`,
      },
    };
  }
  let total = spend.total;
  let finalStatus: OrderStatus = status;
  // A refund of everything is a refunded order; a partial one comes off the spend of a paid order.
  if (status === 'paid' && spend.refunded !== undefined && spend.refunded > 0) {
    if (spend.refunded >= total) finalStatus = 'refunded';
    else total -= spend.refunded;
  }
  if (d.currency === undefined) {
    return {
      reject: {
        line: d.firstLine,
        field: 'currencyColumn',
        reason: `order ${d.orderId} has no currency: choose the currency of this file`,
      },
    };
  }
  const candidate: Order = {
    key: d.key,
    orderId: d.orderId,
    platform: d.platform,
    buyerKey: d.buyerKey,
    placedAt: d.placedAt,
    total,
    currency: d.currency,
    items,
    status: finalStatus,
    source: 'import',
    updatedAt: meta.now,
  };
  if (d.buyerName !== undefined) candidate.buyerName = d.buyerName;
  if (spend.discount !== undefined) candidate.discount = spend.discount;
  if (spend.breakdown) {
    const b = spend.breakdown;
    if (b.itemsTotal !== undefined) candidate.itemsTotal = b.itemsTotal;
    if (b.shipping !== undefined) candidate.shipping = b.shipping;
    if (b.tax !== undefined) candidate.tax = b.tax;
    if (spend.refunded !== undefined) candidate.refunded = spend.refunded;
  }
  if (d.country !== undefined) candidate.shipCountry = d.country;
  if (meta.importId !== undefined) candidate.importId = meta.importId;
  // Nearly every order passes the fast check; the rest get the schema's own verdict and words.
  if (isCertainlyValidOrder(candidate)) return { order: candidate };
  const parsed = Order.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'row';
    return {
      reject: {
        line: d.firstLine,
        field,
        reason: `order ${d.orderId}: ${orderProblemWords(field, issue.code)}`,
      },
    };
  }
  return { order: parsed.data };
}

/** What is wrong with an assembled order, in seller words rather than a schema message. */
function orderProblemWords(field: string, code: string): string {
  const what: Record<string, string> = {
    buyerKey: 'the buyer id',
    buyerName: 'the buyer name',
    orderId: 'the order number',
    total: 'the amount',
    currency: 'the currency',
    placedAt: 'the order date',
    shipCountry: 'the country',
    discount: 'the discount',
  };
  const name = what[field.split('.')[0]] ?? (field.startsWith('items') ? 'an item' : field);
  if (code === 'too_big') return `${name} is too long or too large`;
  if (code === 'too_small') return `${name} is empty or negative`;
  return `${name} is not usable`;
}

interface Spend {
  /** What the buyer paid before refunds: the platform's total, or the breakdown summed. */
  total: number;
  discount?: number;
  refunded?: number;
  /** Only when the file states more than a total (shipping, tax, subtotal or a refund). */
  breakdown?: { itemsTotal?: number; shipping?: number; tax?: number };
}

/**
 * Spend is items + shipping + tax − discounts (− refunds, applied by the caller): the platform's
 * order total where the file has one, otherwise summed from its columns. Line totals (Etsy Item
 * Total, Amazon item-price) are the items' value; without them, quantity × unit price. The
 * `discount` column is taken as already inside a total or line total and only subtracted from
 * quantity × unit price; per-line promotions (Amazon) are always subtracted.
 */
function spendOf(d: OrderDraft): Spend | undefined {
  let itemsTotal = d.subtotal;
  let itemsFromPrices = false;
  if (itemsTotal === undefined && d.hasLineTotals) itemsTotal = d.lineSum;
  if (itemsTotal === undefined && d.items.some((it) => it.unitPrice !== undefined)) {
    itemsTotal = d.items.reduce((s, it) => s + (it.unitPrice ?? 0) * (it.qty ?? 1), 0);
    itemsFromPrices = true;
  }
  const shipping = d.shipping ?? d.lineShipping;
  const tax = d.tax ?? d.lineTax;
  let orderDiscount: number | undefined;
  if (d.discounts.length > 0) {
    const same = d.discounts.every((x) => x === d.discounts[0]);
    orderDiscount = same ? d.discounts[0] : d.discounts.reduce((s, x) => s + x, 0);
  }
  const discount = d.lineDiscount === undefined ? orderDiscount : (orderDiscount ?? 0) + d.lineDiscount;
  let total = d.total;
  if (total === undefined) {
    if (itemsTotal === undefined) return undefined;
    const subtract = (itemsFromPrices ? (orderDiscount ?? 0) : 0) + (d.lineDiscount ?? 0);
    total = Math.max(0, itemsTotal + (shipping ?? 0) + (tax ?? 0) - subtract);
  }
  const out: Spend = { total };
  if (discount !== undefined) out.discount = discount;
  if (d.refunded !== undefined && d.refunded > 0) out.refunded = d.refunded;
  const stated =
    d.subtotal !== undefined || shipping !== undefined || tax !== undefined || d.refunded !== undefined;
  if (stated) {
    out.breakdown = {};
    if (itemsTotal !== undefined) out.breakdown.itemsTotal = itemsTotal;
    if (shipping !== undefined) out.breakdown.shipping = shipping;
    if (tax !== undefined) out.breakdown.tax = tax;
  }
  return out;
}
