import { buyerKeyOf, type Order, orderKeyOf } from '@/core/model';

/** A valid order with sensible defaults; tests override only what they are about. */
export function makeOrder(over: Partial<Order> & { orderId: string; buyer?: string }): Order {
  const platform = over.platform ?? 'taobao';
  const buyer = over.buyer ?? 'alice';
  const { buyer: _b, ...rest } = over;
  return {
    key: orderKeyOf(platform, over.orderId),
    platform,
    buyerKey: buyerKeyOf(platform, buyer),
    placedAt: Date.UTC(2024, 0, 2, 5, 0, 0),
    total: 10_000,
    currency: 'CNY',
    items: [{ title: 'Tea cup', qty: 1, unitPrice: 10_000, category: 'home' }],
    status: 'paid',
    source: 'import',
    updatedAt: 1,
    ...rest,
  };
}

export const CNY_CTX = { shopCurrency: 'CNY', currencyRates: { USD: 7 }, timeZone: 'Asia/Shanghai' };
