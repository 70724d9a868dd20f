/**
 * The money side of an import, decided before anything is written. Spend is only comparable in
 * one currency (the shop's); an order in another currency with no rate is stored but left out
 * of spend ("unconverted", see `toShopMinor`). Silently, that made a UK shop's whole GBP file
 * worth $0. So the import screen counts the file's orders per currency first, proposes the
 * file's currency as the shop currency on a first import, and otherwise makes the seller choose
 * per foreign currency: a rate, or "import unconverted" knowingly.
 */

export interface CurrencyCount {
  currency: string;
  orders: number;
}

/** What the seller settled on the import screen. */
export interface CurrencyChoice {
  /** The shop currency after this import (differs from the current one only in an empty shop). */
  shopCurrency: string;
  /** Rates into `shopCurrency`: the saved ones plus any typed for this import. */
  rates: Readonly<Record<string, number>>;
  /** Foreign currencies the seller agreed to import without a rate. */
  unconverted: ReadonlySet<string>;
}

/** Counts by currency, largest first (ties by code, so the order is stable). */
export function sortedCounts(byCurrency: Readonly<Record<string, number>>): CurrencyCount[] {
  return Object.entries(byCurrency)
    .filter(([, n]) => n > 0)
    .map(([currency, orders]) => ({ currency, orders }))
    .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
}

/**
 * The shop currency to propose on a first import: the currency most of the file's orders are
 * in, when the shop has no orders yet and it differs from the current (default) one.
 */
export function proposedShopCurrency(
  byCurrency: Readonly<Record<string, number>>,
  shopCurrency: string,
  shopIsEmpty: boolean,
): string | undefined {
  if (!shopIsEmpty) return undefined;
  const top = sortedCounts(byCurrency)[0];
  if (!top || top.currency === shopCurrency) return undefined;
  // A tie with the current currency is no reason to change it.
  return (byCurrency[shopCurrency] ?? 0) === top.orders ? undefined : top.currency;
}

/** Foreign currencies of the file with neither a usable rate nor the seller's "unconverted" consent. */
export function undecidedCurrencies(
  byCurrency: Readonly<Record<string, number>>,
  choice: CurrencyChoice,
): CurrencyCount[] {
  return sortedCounts(byCurrency).filter(
    (c) =>
      c.currency !== choice.shopCurrency &&
      !hasRate(choice.rates, c.currency) &&
      !choice.unconverted.has(c.currency),
  );
}

/** Foreign currencies of the file that will be stored without a rate, with their order counts. */
export function leftOutCurrencies(
  byCurrency: Readonly<Record<string, number>>,
  choice: Pick<CurrencyChoice, 'shopCurrency' | 'rates'>,
): CurrencyCount[] {
  return sortedCounts(byCurrency).filter(
    (c) => c.currency !== choice.shopCurrency && !hasRate(choice.rates, c.currency),
  );
}

function hasRate(rates: Readonly<Record<string, number>>, currency: string): boolean {
  const r = rates[currency];
  return typeof r === 'number' && Number.isFinite(r) && r > 0;
}

/** The settings an accepted choice writes; undefined when nothing changes. */
export function settingsChangeOf(
  current: { shopCurrency: string; currencyRates: Readonly<Record<string, number>> },
  choice: CurrencyChoice,
): { shopCurrency: string; currencyRates: Record<string, number> } | undefined {
  const rates: Record<string, number> = {};
  for (const [code, rate] of Object.entries(choice.rates)) {
    // A rate into the shop currency for the shop currency itself is meaningless; drop it.
    if (code !== choice.shopCurrency && hasRate(choice.rates, code)) rates[code] = rate;
  }
  const same =
    current.shopCurrency === choice.shopCurrency &&
    Object.keys(rates).length === Object.keys(current.currencyRates).length &&
    Object.entries(rates).every(([k, v]) => current.currencyRates[k] === v);
  return same ? undefined : { shopCurrency: choice.shopCurrency, currencyRates: rates };
}

/**
 * Paid orders that count in no buyer's spend, by currency, as the aggregates decide it
 * (`toShopMinor`): not the shop currency and no rate. Refunded and cancelled orders are never
 * spend, so they are not "left out".
 */
export function countLeftOut(
  orders: Iterable<{ currency: string; status: string }>,
  shopCurrency: string,
  rates: Readonly<Record<string, number>>,
): CurrencyCount[] {
  const by: Record<string, number> = {};
  for (const o of orders) {
    if (o.status === 'refunded' || o.status === 'cancelled') continue;
    if (o.currency === shopCurrency || hasRate(rates, o.currency)) continue;
    by[o.currency] = (by[o.currency] ?? 0) + 1;
  }
  return sortedCounts(by);
}
