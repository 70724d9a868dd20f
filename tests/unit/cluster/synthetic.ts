import type { BuyerAggregate } from '@/core/model';
import { seededRandom } from '@/core/scoring/cluster';

/** A buyer profile for synthetic groups: central values, each jittered per buyer. */
export interface Profile {
  recencyDays: number;
  orders: number;
  orderValue: number;
  discountShare: number;
  category: string;
}

export const ASOF_DAY = 20_000;

/** Three groups far apart on every feature (recent big spenders, lapsed one-offs, bargain hunters). */
export const SEPARATED: readonly Profile[] = [
  { recencyDays: 4, orders: 25, orderValue: 80_000, discountShare: 0.05, category: 'home' },
  { recencyDays: 400, orders: 1, orderValue: 3_000, discountShare: 0, category: 'tea' },
  { recencyDays: 60, orders: 5, orderValue: 12_000, discountShare: 0.95, category: 'snacks' },
];

/** `perGroup` buyers per profile, with multiplicative jitter of ±`jitter` (default 20%). */
export function syntheticGroups(
  profiles: readonly Profile[],
  perGroup: number,
  seed: number,
  jitter = 0.2,
): { aggs: BuyerAggregate[]; truth: number[] } {
  const rnd = seededRandom(seed);
  const j = (x: number) => x * (1 - jitter + 2 * jitter * rnd());
  const aggs: BuyerAggregate[] = [];
  const truth: number[] = [];
  profiles.forEach((p, g) => {
    for (let i = 0; i < perGroup; i++) {
      const orders = Math.max(1, Math.round(j(p.orders)));
      const spend = Math.round(orders * j(p.orderValue));
      const last = ASOF_DAY - Math.round(j(p.recencyDays));
      const discounted = Math.min(orders, Math.round(orders * Math.min(1, j(p.discountShare))));
      aggs.push({
        orders,
        paidOrders: orders,
        refundedOrders: 0,
        cancelledOrders: 0,
        unconvertedOrders: 0,
        paidSpend: spend,
        days: [[last, spend, orders]],
        discountedOrders: discounted,
        itemCount: orders,
        maxQtyPerLine: 1,
        categorySpend: { [p.category]: Math.round(spend * 0.85), other: spend - Math.round(spend * 0.85) },
        countries: { CN: orders },
        avgUnitPrice: Math.round(spend / orders),
      });
      truth.push(g);
    }
  });
  return { aggs, truth };
}
