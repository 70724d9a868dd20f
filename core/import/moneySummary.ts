import type { Order } from '../model';
import { type OrderColumns, statusCode } from '../model/orderColumns';

const PAID = statusCode('paid');

/** One currency's share of a parsed file. */
export interface CurrencyShare {
  currency: string;
  /** Orders of any status in this currency. */
  orders: number;
  /** Paid orders (the ones that count for frequency, recency and spend). */
  paidOrders: number;
  /** Spend of the paid orders, minor units of `currency`. */
  paidSpend: number;
}

/** What money a parsed file holds, before anything is written. */
export interface FileMoneySummary {
  orders: number;
  /** Per currency, most orders first (ties: alphabetical, so the result is stable). */
  byCurrency: CurrencyShare[];
  /** The currency of most orders; `undefined` for a file without orders. */
  dominant?: string;
}

/** Which of a file's orders a shop could not convert. */
export interface UnconvertedSummary {
  /** Orders whose currency is neither the shop's nor has a rate (any status). */
  orders: number;
  /** Of those, paid orders: they count for frequency and recency, but are left out of spend. */
  paidOrders: number;
  /** The currencies concerned, most orders first. */
  byCurrency: CurrencyShare[];
}

/** Counts a file's orders per currency (incremental: call `add` per import batch). */
export class MoneyTally {
  private readonly shares = new Map<string, CurrencyShare>();
  private total = 0;

  add(orders: Iterable<Order>): this {
    for (const o of orders) this.addOne(o.currency, o.status === 'paid', o.total);
    return this;
  }

  /** Adds the chosen rows of order columns (row numbers in `rows`). */
  addRows(c: OrderColumns, rows: ArrayLike<number>): this {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      this.addOne(c.currencies[c.currency[i]], c.status[i] === PAID, c.total[i]);
    }
    return this;
  }

  private addOne(currency: string, paid: boolean, total: number): void {
    let s = this.shares.get(currency);
    if (!s) {
      s = { currency, orders: 0, paidOrders: 0, paidSpend: 0 };
      this.shares.set(currency, s);
    }
    s.orders++;
    this.total++;
    if (paid) {
      s.paidOrders++;
      s.paidSpend += total;
    }
  }

  summary(): FileMoneySummary {
    const byCurrency = [...this.shares.values()]
      .map((s) => ({ ...s }))
      .sort((a, b) => b.orders - a.orders || (a.currency < b.currency ? -1 : 1));
    const out: FileMoneySummary = { orders: this.total, byCurrency };
    if (byCurrency.length > 0) out.dominant = byCurrency[0].currency;
    return out;
  }
}

/** Per-currency counts and the dominant currency of a parsed file's orders. */
export function summariseFileMoney(orders: Iterable<Order>): FileMoneySummary {
  return new MoneyTally().add(orders).summary();
}

/**
 * How many of the file's orders would be unconverted in a shop with `shopCurrency` and
 * `currencyRates` (shop-currency units per unit of the keyed currency, as in settings): the
 * number the import screen asks about before writing ("N orders in XXX are left out of spend").
 */
export function unconvertedAgainst(
  summary: FileMoneySummary,
  shopCurrency: string,
  currencyRates: Readonly<Record<string, number>>,
): UnconvertedSummary {
  const byCurrency = summary.byCurrency.filter(
    (s) => s.currency !== shopCurrency && currencyRates[s.currency] === undefined,
  );
  return {
    orders: byCurrency.reduce((n, s) => n + s.orders, 0),
    paidOrders: byCurrency.reduce((n, s) => n + s.paidOrders, 0),
    byCurrency,
  };
}
