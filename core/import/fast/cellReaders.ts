import { isCertainlyValidOrder, type Order, type OrderStatus } from '../../model';
import { type LineContext, type LineValues, readLine } from '../line';
import type { ColumnField, ResolvedMapping } from '../mapping';

/** A cell (or pair of cells) the fast path cannot take: the row goes to the general reader. */
export const GENERAL = null;

/**
 * The values of one row's cells, read once per distinct cell text and remembered. Every value
 * comes from `readLine` itself, asked about a row that holds only that cell (a "probe"): a shop
 * has far fewer distinct buyers, dates and amounts than lines, so the reading rules stay in one
 * place and the cost is paid per distinct value. A probe with any error, or a value the Order
 * schema's fast check does not vouch for, is remembered as GENERAL: rows holding it are read the
 * general way, which gives their exact reject or order.
 */
export class CellReaders {
  private readonly probe: string[];
  private readonly template: Order;
  private readonly buyers = new Map<string, string | null>();
  private readonly dates = new Map<string, number | null>();
  private readonly names = new Map<string, string | undefined | null>();
  private readonly amounts = new Map<string, Amount | null>();
  private readonly statuses = new Map<string, OrderStatus | 'unset' | null>();
  private readonly countries = new Map<string, string | undefined | null>();

  constructor(
    private readonly m: ResolvedMapping,
    private readonly ctx: LineContext,
    private readonly defaultCurrency: string | undefined,
    template: Order,
  ) {
    this.probe = new Array<string>(m.header.length + 1).fill('');
    this.template = template;
  }

  /** The buyer key of a buyer cell. */
  buyer(raw: string): string | null {
    return remember(this.buyers, raw, () => {
      const r = this.read('buyerId', raw);
      return r?.buyerKey !== undefined && this.vouched({ buyerKey: r.buyerKey }) ? r.buyerKey : GENERAL;
    });
  }

  date(raw: string): number | null {
    return remember(this.dates, raw, () => {
      const r = this.read('date', raw);
      return r?.placedAt !== undefined && this.vouched({ placedAt: r.placedAt }) ? r.placedAt : GENERAL;
    });
  }

  name(raw: string): string | undefined | null {
    return remember(this.names, raw, () => {
      const r = this.read('buyerName', raw);
      return r && this.vouched({ buyerName: r.buyerName }) ? r.buyerName : GENERAL;
    });
  }

  country(raw: string): string | undefined | null {
    return remember(this.countries, raw, () => {
      const r = this.read('country', raw);
      return r && this.vouched({ shipCountry: r.country }) ? r.country : GENERAL;
    });
  }

  /** The order total and its currency from the total cell and the currency cell (if mapped). */
  amount(currencyRaw: string, totalRaw: string): Amount | null {
    // Without a currency column the total alone is the key (no joined string per row).
    const key = this.m.columns.currencyColumn === undefined ? totalRaw : `${currencyRaw}\u0000${totalRaw}`;
    return remember(this.amounts, key, () => {
      const r = this.readPair('currencyColumn', currencyRaw, 'total', totalRaw);
      // An order with no amount or no currency is rejected when it is finished: general path.
      const currency = r?.currency ?? this.defaultCurrency;
      if (r?.total === undefined || currency === undefined || !this.vouched({ total: r.total, currency }))
        return GENERAL;
      return { total: r.total, currency, negative: r.status === 'refunded' };
    });
  }

  /**
   * The row's status from its status and cancelled cells, before refunds: `unset` when neither
   * says anything. Unpaid orders are rejected when finished, so they go the general way.
   */
  status(statusRaw: string, cancelledRaw: string): OrderStatus | 'unset' | null {
    return remember(this.statuses, `${statusRaw}\u0000${cancelledRaw}`, () => {
      const r = this.readPair('status', statusRaw, 'cancelled', cancelledRaw);
      return !r || r.status === 'unpaid' ? GENERAL : (r.status ?? 'unset');
    });
  }

  /** Whether an order with this order id and key passes the schema's fast check. */
  vouchesFor(orderId: string, key: string): boolean {
    return this.vouched({ orderId, key });
  }

  private read(field: ColumnField, raw: string): LineValues | undefined {
    return this.readPair(field, raw, undefined, '');
  }

  /** `readLine` over a row holding only these cells; `undefined` when it reports any error. */
  private readPair(
    a: ColumnField,
    rawA: string,
    b: ColumnField | undefined,
    rawB: string,
  ): LineValues | undefined {
    const cols = this.m.columns;
    const ia = cols[a];
    const ib = b === undefined ? undefined : cols[b];
    if (ia !== undefined) this.probe[ia] = rawA;
    if (ib !== undefined) this.probe[ib] = rawB;
    const { values, errors } = readLine(this.probe, this.m, this.ctx);
    if (ia !== undefined) this.probe[ia] = '';
    if (ib !== undefined) this.probe[ib] = '';
    return errors.length === 0 ? values : undefined;
  }

  private vouched(part: Partial<Order>): boolean {
    return isCertainlyValidOrder({ ...this.template, ...stripUndefined(part) });
  }
}

export interface Amount {
  /** Positive minor units. */
  total: number;
  currency: string;
  /** The amount was written negative: a refund line. */
  negative: boolean;
}

/** The remembered value for `key`, read once (a value may itself be `undefined`). */
function remember<T>(cache: Map<string, T>, key: string, read: () => T): T {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    v = read();
    cache.set(key, v);
  }
  return v as T;
}

function stripUndefined(part: Partial<Order>): Partial<Order> {
  const out: Partial<Order> = {};
  for (const [k, v] of Object.entries(part)) if (v !== undefined) Object.assign(out, { [k]: v });
  return out;
}
