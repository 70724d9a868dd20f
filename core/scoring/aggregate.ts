import { type BuyerAggregate, EMPTY_AGGREGATE, type Order } from '../model';
import { epochDayInZoneFast } from './zoneDay';

export interface AggregateContext {
  shopCurrency: string;
  /** Shop-currency units per unit of the keyed currency. */
  currencyRates: Record<string, number>;
  timeZone: string;
}

/** Converts an amount to shop-currency minor units, or `undefined` when no rate is known. */
export function toShopMinor(amount: number, currency: string, ctx: AggregateContext): number | undefined {
  if (currency === ctx.shopCurrency) return amount;
  const rate = ctx.currencyRates[currency];
  return rate === undefined ? undefined : Math.round(amount * rate);
}

/**
 * Builds a buyer's aggregate from all of that buyer's orders. The store calls this for every
 * touched buyer inside the write transaction (a buyer has few orders, so recomputing is cheap
 * and makes updates such as paid → refunded exact, with no drift).
 */
export function aggregateOrders(orders: readonly Order[], ctx: AggregateContext): BuyerAggregate {
  if (orders.length === 0) return { ...EMPTY_AGGREGATE, days: [], categorySpend: {}, countries: {} };
  const agg: BuyerAggregate = {
    ...EMPTY_AGGREGATE,
    days: [],
    categorySpend: {},
    countries: {},
  };
  // Per purchase day: [spend, paid orders]; orders per day let a windowed F count orders, not days.
  const perDay = new Map<number, [number, number]>();
  let unitPriceSum = 0;
  let unitPriceCount = 0;
  let lastPaid: Order | undefined;
  for (const o of orders) {
    agg.orders++;
    if (o.status === 'refunded') {
      agg.refundedOrders++;
      continue;
    }
    if (o.status === 'cancelled') {
      agg.cancelledOrders++;
      continue;
    }
    const total = toShopMinor(o.total, o.currency, ctx);
    if (total === undefined) {
      agg.unconvertedOrders++;
      continue;
    }
    agg.paidOrders++;
    agg.paidSpend += total;
    if (agg.firstOrderAt === undefined || o.placedAt < agg.firstOrderAt) agg.firstOrderAt = o.placedAt;
    if (agg.lastOrderAt === undefined || o.placedAt >= agg.lastOrderAt) {
      agg.lastOrderAt = o.placedAt;
      lastPaid = o;
    }
    const day = epochDayInZoneFast(o.placedAt, ctx.timeZone);
    const slot = perDay.get(day);
    if (slot) {
      slot[0] += total;
      slot[1]++;
    } else perDay.set(day, [total, 1]);
    if (o.discount && o.discount > 0) agg.discountedOrders++;
    if (o.shipCountry) agg.countries[o.shipCountry] = (agg.countries[o.shipCountry] ?? 0) + 1;
    if (o.items.length === 0) {
      agg.categorySpend[''] = (agg.categorySpend[''] ?? 0) + total;
    }
    const itemsValue = o.items.reduce((s, it) => s + it.qty * it.unitPrice, 0);
    for (const it of o.items) {
      agg.itemCount += it.qty;
      agg.maxQtyPerLine = Math.max(agg.maxQtyPerLine, it.qty);
      const price = toShopMinor(it.unitPrice, o.currency, ctx) ?? 0;
      unitPriceSum += price * it.qty;
      unitPriceCount += it.qty;
      // Split the order total over categories by line value so category spend adds up to paid spend.
      const share = itemsValue > 0 ? (it.qty * it.unitPrice) / itemsValue : 1 / o.items.length;
      const cat = it.category ?? '';
      agg.categorySpend[cat] = (agg.categorySpend[cat] ?? 0) + Math.round(total * share);
    }
  }
  agg.days = [...perDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, [spend, count]]) => [day, spend, count]);
  agg.avgUnitPrice = unitPriceCount > 0 ? Math.round(unitPriceSum / unitPriceCount) : 0;
  if (lastPaid?.items[0]) agg.lastItemTitle = lastPaid.items[0].title.slice(0, 500);
  return agg;
}
