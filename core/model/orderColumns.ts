import { orderKeyOf } from './identity';
import { Interned } from './interned';
import type { Order, OrderStatus } from './order';

/** Status codes in `OrderColumns.status`. */
export const STATUS_CODES: readonly OrderStatus[] = ['paid', 'refunded', 'cancelled'];
const CODE_OF: Record<OrderStatus, number> = { paid: 0, refunded: 1, cancelled: 2 };

/**
 * Item-less orders of one import as columns (struct of arrays) instead of a million objects:
 * what aggregation needs is a few numbers per order, and typed arrays hold them in a fraction
 * of the memory with no garbage to collect. Strings that repeat (buyer keys, currencies,
 * countries) are stored once and referenced by index. `columnsToOrders` gives the same `Order`
 * objects the general importer builds, for callers that need them.
 */
export interface OrderColumns {
  readonly count: number;
  readonly platform: string;
  readonly updatedAt: number;
  readonly importId?: string;
  readonly orderId: readonly string[];
  /** The order's (first) line in the file. */
  readonly line: Int32Array;
  /** Index into `buyerKeys`. */
  readonly buyer: Int32Array;
  readonly buyerKeys: readonly string[];
  /** Per order; `undefined` entries where the file names no buyer. */
  readonly buyerName: readonly (string | undefined)[];
  readonly placedAt: Float64Array;
  /** Minor units of the order's currency. */
  readonly total: Float64Array;
  /** Index into `currencies`. */
  readonly currency: Uint16Array;
  readonly currencies: readonly string[];
  /** Index into `STATUS_CODES`. */
  readonly status: Uint8Array;
  /** Index into `countries`; 0 is "none". */
  readonly country: Uint16Array;
  readonly countries: readonly string[];
}

/** Appends orders to growing typed arrays; `build` hands out the filled part. */
export class OrderColumnsBuilder {
  private n = 0;
  private line = new Int32Array(1024);
  private buyer = new Int32Array(1024);
  private placedAt = new Float64Array(1024);
  private total = new Float64Array(1024);
  private currency = new Uint16Array(1024);
  private status = new Uint8Array(1024);
  private country = new Uint16Array(1024);
  private readonly orderIds: string[] = [];
  private readonly names: (string | undefined)[] = [];
  private readonly buyers = new Interned();
  private readonly currencies = new Interned();
  private readonly countries = new Interned(['']);

  constructor(
    private readonly platform: string,
    private readonly updatedAt: number,
    private readonly importId: string | undefined,
  ) {}

  /** Buyer index for a key (the fast importer caches it per distinct buyer cell). */
  buyerIndex(key: string): number {
    return this.buyers.of(key);
  }

  currencyIndex(code: string): number {
    return this.currencies.of(code);
  }

  countryIndex(code: string | undefined): number {
    return code === undefined ? 0 : this.countries.of(code);
  }

  /** Appends an order by indexes (the hot path: no strings are looked up). */
  push(
    orderId: string,
    line: number,
    buyer: number,
    name: string | undefined,
    placedAt: number,
    total: number,
    currency: number,
    status: number,
    country: number,
  ): void {
    if (this.n === this.line.length) this.grow();
    const i = this.n++;
    this.orderIds.push(orderId);
    this.names.push(name);
    this.line[i] = line;
    this.buyer[i] = buyer;
    this.placedAt[i] = placedAt;
    this.total[i] = total;
    this.currency[i] = currency;
    this.status[i] = status;
    this.country[i] = country;
  }

  /**
   * Appends an order the general importer built; `false` (nothing appended) when it has what
   * columns do not hold (items, discounts, a breakdown) or another platform.
   */
  pushOrder(o: Order): boolean {
    if (o.items.length > 0 || o.platform !== this.platform || o.importId !== this.importId) return false;
    if (o.discount !== undefined || o.itemsTotal !== undefined || o.shipping !== undefined) return false;
    if (o.tax !== undefined || o.refunded !== undefined || o.source !== 'import') return false;
    if (o.updatedAt !== this.updatedAt || o.key !== orderKeyOf(o.platform, o.orderId)) return false;
    this.push(
      o.orderId,
      -1,
      this.buyerIndex(o.buyerKey),
      o.buyerName,
      o.placedAt,
      o.total,
      this.currencyIndex(o.currency),
      CODE_OF[o.status],
      this.countryIndex(o.shipCountry),
    );
    return true;
  }

  /** Sets the line of the last order appended (orders from the general importer carry none). */
  setLastLine(line: number): void {
    this.line[this.n - 1] = line;
  }

  build(): OrderColumns {
    const n = this.n;
    const out: OrderColumns = {
      count: n,
      platform: this.platform,
      updatedAt: this.updatedAt,
      orderId: this.orderIds,
      line: this.line.subarray(0, n),
      buyer: this.buyer.subarray(0, n),
      buyerKeys: this.buyers.values,
      buyerName: this.names,
      placedAt: this.placedAt.subarray(0, n),
      total: this.total.subarray(0, n),
      currency: this.currency.subarray(0, n),
      currencies: this.currencies.values,
      status: this.status.subarray(0, n),
      country: this.country.subarray(0, n),
      countries: this.countries.values,
    };
    return this.importId === undefined ? out : { ...out, importId: this.importId };
  }

  private grow(): void {
    const size = this.line.length * 2;
    this.line = grown(this.line, new Int32Array(size));
    this.buyer = grown(this.buyer, new Int32Array(size));
    this.placedAt = grown(this.placedAt, new Float64Array(size));
    this.total = grown(this.total, new Float64Array(size));
    this.currency = grown(this.currency, new Uint16Array(size));
    this.status = grown(this.status, new Uint8Array(size));
    this.country = grown(this.country, new Uint16Array(size));
  }
}

function grown<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export function statusCode(status: OrderStatus): number {
  return CODE_OF[status];
}

/** The `Order` objects the general importer gives for these orders, in the same order. */
export function columnsToOrders(c: OrderColumns): Order[] {
  const out: Order[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) {
    const o: Order = {
      key: orderKeyOf(c.platform, c.orderId[i]),
      orderId: c.orderId[i],
      platform: c.platform,
      buyerKey: c.buyerKeys[c.buyer[i]],
      placedAt: c.placedAt[i],
      total: c.total[i],
      currency: c.currencies[c.currency[i]],
      items: [],
      status: STATUS_CODES[c.status[i]],
      source: 'import',
      updatedAt: c.updatedAt,
    };
    const name = c.buyerName[i];
    if (name !== undefined) o.buyerName = name;
    if (c.country[i] !== 0) o.shipCountry = c.countries[c.country[i]];
    if (c.importId !== undefined) o.importId = c.importId;
    out[i] = o;
  }
  return out;
}
