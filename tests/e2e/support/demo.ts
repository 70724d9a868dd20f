import type { DemoData } from '../../demo/data';

/** Paid order count and spend of one demo buyer, computed independently of the extension. */
export function demoBuyerFacts(data: DemoData, buyerId: string): { paidOrders: number; spend: number } {
  const mine = data.orders.filter((o) => o.buyerKey === `demo:${buyerId}` && o.status === 'paid');
  return { paidOrders: mine.length, spend: mine.reduce((s, o) => s + o.total, 0) };
}

/** "¥12,300" or "¥12,300.50" as the badge formats CNY minor units in English. */
export function formatCny(minor: number): string {
  const value = minor / 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
  }).format(value);
}
