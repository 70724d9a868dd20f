import { normalizeBuyerId } from '../model';
import { cleanCell, looksMangledNumber, MAX_CELL } from './cells';
import { toCountryCode } from './country';
import { recogniseCurrency } from './currency';
import { parseDate } from './date';
import type { ColumnField, ResolvedMapping } from './mapping';
import { parseMoney } from './money';
import { type RowStatus, readRowStatus } from './status';

/** One CSV row read into typed order fields (before rows are grouped into orders). */
export interface LineValues {
  orderId?: string;
  buyerKey?: string;
  buyerName?: string;
  placedAt?: number;
  total?: number;
  lineTotal?: number;
  qty?: number;
  unitPrice?: number;
  discount?: number;
  currency?: string;
  /** Undefined when the row carries no status information. */
  status?: RowStatus;
  item?: string;
  sku?: string;
  category?: string;
  country?: string;
  /** Order-level breakdown (taken from the order's first line that has it). */
  subtotal?: number;
  shipping?: number;
  tax?: number;
  refunded?: number;
  /** Line-level breakdown (summed over the order's lines). */
  lineShipping?: number;
  /** Item tax plus shipping tax of this line. */
  lineTax?: number;
  lineDiscount?: number;
  /** Buyer key from the fallback columns (phone, name), for lines whose buyer id cell is empty. */
  buyerFallbackKey?: string;
  /** The status cell as written, for messages ("not paid yet ('pending')"). */
  statusText?: string;
  /** The status says part of the order was refunded. */
  partialRefund?: true;
}

export interface FieldError {
  field: ColumnField | 'row';
  reason: string;
}

export interface LineContext {
  timeZone: string;
  /** Currency of the file when rows do not name one (the seller's choice or the mapping's). */
  currency?: string;
  /** Shop currency: only a hint for reading amounts; orders still without one get it at the end. */
  fallbackCurrency?: string;
  /** What `¥` means in this file when nothing else says (Chinese platforms: CNY; Japanese: JPY). */
  yen?: 'CNY' | 'JPY';
  /** Plausible dates: from `earliest` (the platform's start) to `latest` (today), epoch ms. */
  earliest?: number;
  latest?: number;
}

export interface ReadLine {
  values: LineValues;
  errors: FieldError[];
}

/**
 * Reads the mapped cells of one row. Every problem becomes a field error with a reason; the
 * caller decides whether the row can still be used. Negative amounts or quantities and
 * credit-note invoice numbers mark a refund; amounts are then stored as positive values.
 */
export function readLine(cells: readonly string[], m: ResolvedMapping, ctx: LineContext): ReadLine {
  // Plain helper calls rather than closures: this runs once per row of large files.
  const errors: FieldError[] = [];
  const values: LineValues = {};
  let refund = false;

  const orderId = cellOf(cells, m, 'orderId', errors);
  if (orderId !== '') {
    const problem = orderIdProblem(orderId);
    if (problem) errors.push({ field: 'orderId', reason: problem });
    else {
      values.orderId = orderId;
      if (m.creditNotePrefix && orderId.startsWith(m.creditNotePrefix)) refund = true;
    }
  }

  let buyer = cellOf(cells, m, 'buyerId', errors);
  let handleName: string | undefined;
  if (buyer !== '' && m.buyerHandleInParens) {
    // Etsy Order Items: "Jane Doe (janedoe)"; the username is the stable handle.
    const h = HANDLE_IN_PARENS.exec(buyer);
    if (h) {
      handleName = h[1].trim();
      buyer = h[2].trim();
    }
  }
  if (buyer !== '') {
    // Same as buyerKeyOf, without normalising twice.
    const id = normalizeBuyerId(buyer);
    if (id === '') errors.push({ field: 'buyerId', reason: 'the buyer id has no visible characters' });
    else values.buyerKey = `${m.platform}:${id}`;
  }
  if (m.fallbackColumns && m.fallbackColumns.length > 0) {
    for (const i of m.fallbackColumns) {
      const id = normalizeBuyerId(cleanCell(cells[i]?.slice(0, MAX_CELL)));
      if (id !== '') {
        values.buyerFallbackKey = `${m.platform}:${id}`;
        break;
      }
    }
  }
  const name = cellOf(cells, m, 'buyerName', errors);
  if (name !== '') values.buyerName = name.slice(0, 300);
  else if (handleName) values.buyerName = handleName.slice(0, 300);

  const date = cellOf(cells, m, 'date', errors);
  if (date !== '') {
    const d = parseDate(date, { timeZone: ctx.timeZone, dayFirst: m.dayFirst, format: m.dateFormat });
    if (!d.ok) errors.push({ field: 'date', reason: d.error });
    else {
      const problem = implausibleDate(d.at, date, ctx);
      if (problem) errors.push({ field: 'date', reason: problem });
      else values.placedAt = d.at;
    }
  }

  const currencyCell = cellOf(cells, m, 'currencyColumn', errors);
  const state: MoneyState = {
    currency: undefined,
    hint: ctx.currency ?? ctx.fallbackCurrency ?? ctx.yen,
    negative: false,
  };
  if (currencyCell !== '') {
    // `CDN`, `RMB`, `US$`, `人民币`… are recognised; any other three capitals is taken as an ISO
    // code we do not list (MUR, XCD…) rather than refused.
    const code =
      recogniseCurrency(currencyCell, ctx.currency ?? ctx.yen ?? ctx.fallbackCurrency) ??
      (/^[A-Z]{3}$/.test(currencyCell) ? currencyCell : undefined);
    if (code) state.currency = code;
    else
      errors.push({
        field: 'currencyColumn',
        reason: `'${currencyCell.slice(0, 20)}' is not a currency (write an ISO code such as USD)`,
      });
  }
  const total = moneyOf(cells, m, 'total', state, errors);
  if (total !== undefined) values.total = total;
  const lineTotal = moneyOf(cells, m, 'lineTotal', state, errors);
  if (lineTotal !== undefined) values.lineTotal = lineTotal;
  const unitPrice = moneyOf(cells, m, 'unitPrice', state, errors);
  if (unitPrice !== undefined) values.unitPrice = unitPrice;
  const discount = moneyOf(cells, m, 'discount', state, errors);
  if (discount !== undefined) values.discount = discount;
  const subtotal = moneyOf(cells, m, 'subtotal', state, errors);
  if (subtotal !== undefined) values.subtotal = subtotal;
  const shipping = moneyOf(cells, m, 'shipping', state, errors);
  if (shipping !== undefined) values.shipping = shipping;
  const tax = moneyOf(cells, m, 'tax', state, errors);
  if (tax !== undefined) values.tax = tax;
  const refunded = moneyOf(cells, m, 'refunded', state, errors);
  if (refunded !== undefined) values.refunded = refunded;
  const lineShipping = moneyOf(cells, m, 'lineShipping', state, errors);
  if (lineShipping !== undefined) values.lineShipping = lineShipping;
  const itemTax = moneyOf(cells, m, 'lineTax', state, errors);
  const shippingTax = moneyOf(cells, m, 'lineShippingTax', state, errors);
  if (itemTax !== undefined || shippingTax !== undefined)
    values.lineTax = (itemTax ?? 0) + (shippingTax ?? 0);
  const itemPromo = moneyOf(cells, m, 'lineDiscount', state, errors);
  const shipPromo = moneyOf(cells, m, 'lineShippingDiscount', state, errors);
  if (itemPromo !== undefined || shipPromo !== undefined)
    values.lineDiscount = (itemPromo ?? 0) + (shipPromo ?? 0);
  if (state.negative) refund = true;
  const currency = state.currency ?? ctx.currency;
  // A row without any currency may inherit its order's (Shopify continuation lines); an order
  // that never gets one is rejected when it is finished.
  if (currency) values.currency = currency;

  const qty = cellOf(cells, m, 'quantity', errors);
  if (qty !== '') {
    const q = parseQuantity(qty);
    if (typeof q === 'string') errors.push({ field: 'quantity', reason: q });
    else {
      if (q < 0) refund = true;
      values.qty = Math.abs(q);
    }
  }

  const status = cellOf(cells, m, 'status', errors);
  if (status !== '') {
    const st = readRowStatus(status, m.statusMap);
    if (st === undefined) {
      errors.push({
        field: 'status',
        reason: `unknown status '${status.slice(0, 40)}' (add it to the mapping's statusMap)`,
      });
    } else {
      values.status = st.status;
      values.statusText = status.slice(0, 40);
      if (st.partialRefund) values.partialRefund = true;
    }
  }
  if (cellOf(cells, m, 'cancelled', errors) !== '') values.status = 'cancelled';
  if (refund && (values.status === undefined || values.status === 'paid')) values.status = 'refunded';

  const item = cellOf(cells, m, 'item', errors);
  if (item !== '') values.item = item.slice(0, 500);
  const sku = cellOf(cells, m, 'sku', errors);
  if (sku !== '') values.sku = sku.slice(0, 200);
  const category = cellOf(cells, m, 'category', errors);
  if (category !== '') values.category = category.slice(0, 200);
  const country = cellOf(cells, m, 'country', errors);
  if (country !== '') {
    const code = toCountryCode(country);
    if (code) values.country = code;
  }
  return { values, errors };
}

/** Why a cleaned, non-empty order id cannot be used; `undefined` when it can. */
export function orderIdProblem(orderId: string): string | undefined {
  if (looksMangledNumber(orderId)) return `order id '${orderId}' was turned into a number by a spreadsheet`;
  if (orderId.length > 300) return 'order id is longer than 300 characters';
  return undefined;
}

function cellOf(
  cells: readonly string[],
  m: ResolvedMapping,
  field: ColumnField,
  errors: FieldError[],
): string {
  const i = m.columns[field];
  if (i === undefined) return '';
  const raw = cells[i];
  if (raw !== undefined && raw.length > MAX_CELL) {
    errors.push({ field, reason: `${m.columnNames[field]} is longer than ${MAX_CELL} characters` });
    return '';
  }
  return cleanCell(raw);
}

type MoneyField =
  | 'total'
  | 'lineTotal'
  | 'unitPrice'
  | 'discount'
  | 'subtotal'
  | 'shipping'
  | 'tax'
  | 'refunded'
  | 'lineShipping'
  | 'lineTax'
  | 'lineShippingTax'
  | 'lineDiscount'
  | 'lineShippingDiscount';

const SALE_AMOUNTS: ReadonlySet<MoneyField> = new Set(['total', 'lineTotal', 'unitPrice', 'subtotal']);

const HANDLE_IN_PARENS = /^(.*\S)\s*\(([^()]+)\)$/s;

/** The earliest order date any supported platform can have (eBay and Amazon opened in 1995). */
export const EARLIEST_ORDER_DATE = Date.UTC(1995, 0, 1);
/** A day of slack after "today" for time zones ahead of the shop's. */
const FUTURE_SLACK_MS = 86_400_000;

/** Explains why a parsed date cannot be a real order date; `undefined` when it can. */
function implausibleDate(at: number, raw: string, ctx: LineContext): string | undefined {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const earliest = ctx.earliest ?? EARLIEST_ORDER_DATE;
  if (at < earliest) {
    const year = new Date(earliest).getUTCFullYear();
    return `date '${shown}' is before ${year}, when this platform did not sell yet; was the date rewritten by a spreadsheet?`;
  }
  if (ctx.latest !== undefined && at > ctx.latest + FUTURE_SLACK_MS) {
    return `date '${shown}' is in the future; was the date rewritten by a spreadsheet?`;
  }
  return undefined;
}

interface MoneyState {
  /** Currency the row is in so far (currency column, or the first amount naming one). */
  currency: string | undefined;
  hint: string | undefined;
  negative: boolean;
}

/** Parses an amount field as a positive number; a negative non-discount amount flags a refund. */
function moneyOf(
  cells: readonly string[],
  m: ResolvedMapping,
  field: MoneyField,
  state: MoneyState,
  errors: FieldError[],
): number | undefined {
  const cell = cellOf(cells, m, field, errors);
  if (cell === '') return undefined;
  const r = parseMoney(cell, { currency: state.currency ?? state.hint, decimal: m.decimal });
  if (!r.ok) {
    errors.push({ field, reason: r.error });
    return undefined;
  }
  if (r.currency) {
    if (state.currency && r.currency !== state.currency) {
      errors.push({ field, reason: `amount is in ${r.currency} but the row is in ${state.currency}` });
      return undefined;
    }
    state.currency = r.currency;
  }
  // A negative sale amount marks a refund line; discounts and refunds are written either way round.
  if (r.amount < 0 && SALE_AMOUNTS.has(field)) state.negative = true;
  return Math.abs(r.amount);
}

const MAX_QTY = 1_000_000;

function parseQuantity(raw: string): number | string {
  const s = raw.normalize('NFKC').replace(/[\s,]/g, '');
  const m = /^([+-]?)(\d+)(?:\.0+)?$/.exec(s);
  if (!m) return `quantity '${raw.slice(0, 20)}' is not a whole number`;
  const n = Number(m[2]);
  if (n > MAX_QTY) return `quantity ${n} is implausibly large`;
  return m[1] === '-' ? -n : n;
}
