import type { Order } from '../../core/model';

/** The seeded PRNG the clustering code uses (mulberry32): tests and benchmarks see the same shop on every run. */
import { seededRandom as mulberry32 } from '../../core/scoring/cluster/random';

export { mulberry32 };

export interface SyntheticBuyer {
  key: string;
  name: string;
  orders: Order[];
}

export interface SyntheticShopOptions {
  buyers: number;
  orders: number;
  seed?: number;
  /** Orders fall in [startMs, endMs). */
  startMs: number;
  endMs: number;
  currency?: string;
}

const CATEGORIES = ['tea', 'teaware', 'snacks', 'gifts', 'books', 'apparel', 'home', ''];
const COUNTRIES = ['CN', 'CN', 'CN', 'CN', 'US', 'HK', 'SG', 'DE'];
const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Smith',
  'Garcia',
  'Müller',
  '杭州茶叶有限公司',
  'Acme Ltd',
];

/**
 * A shop with `orders` orders spread over `buyers` buyers (every buyer at least one). Order counts
 * are heavy-tailed like real shops (most buyers order once or twice, a few very often); each
 * buyer has their own rhythm, basket size and price level; ~4% of orders are refunded and ~1%
 * cancelled, ~30% discounted.
 */
export function syntheticShop(o: SyntheticShopOptions): SyntheticBuyer[] {
  const rnd = mulberry32(o.seed ?? 42);
  const currency = o.currency ?? 'CNY';
  const span = o.endMs - o.startMs;
  const weights = new Float64Array(o.buyers);
  let wsum = 0;
  for (let i = 0; i < o.buyers; i++) {
    // Pareto-ish weights: 1 / u^0.8.
    weights[i] = 1 / (1e-3 + rnd()) ** 0.8;
    wsum += weights[i];
  }
  const extra = o.orders - o.buyers;
  const counts = new Int32Array(o.buyers);
  let assigned = 0;
  for (let i = 0; i < o.buyers; i++) {
    counts[i] = 1 + Math.floor((weights[i] / wsum) * extra);
    assigned += counts[i];
  }
  // Hand out the rounding remainder so the total is exact.
  for (let i = 0; assigned < o.orders; i = (i + 7919) % o.buyers) {
    counts[i]++;
    assigned++;
  }
  const shop: SyntheticBuyer[] = new Array(o.buyers);
  let orderSeq = 0;
  for (let i = 0; i < o.buyers; i++) {
    const n = counts[i];
    const key = `demo:b${i}`;
    const first = o.startMs + Math.floor(rnd() * span * 0.9);
    const lifetime = (o.endMs - first) * rnd();
    const price = Math.round(500 + 20_000 * rnd() ** 3);
    const discountProne = rnd() < 0.3;
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)];
    const wholesale = rnd() < 0.02;
    const orders: Order[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const placedAt = Math.floor(first + (k === 0 ? 0 : lifetime * rnd()));
      const qty = wholesale ? 10 + Math.floor(rnd() * 50) : 1 + Math.floor(rnd() * 3);
      const unitPrice = Math.round(price * (0.6 + 0.8 * rnd()));
      const discounted = discountProne ? rnd() < 0.7 : rnd() < 0.1;
      const u = rnd();
      orderSeq++;
      orders[k] = {
        key: `demo:o${orderSeq}`,
        orderId: `o${orderSeq}`,
        platform: 'demo',
        buyerKey: key,
        placedAt,
        total: qty * unitPrice - (discounted ? Math.round(qty * unitPrice * 0.1) : 0),
        currency,
        discount: discounted ? Math.round(qty * unitPrice * 0.1) : undefined,
        items: [
          {
            title: `Item ${orderSeq % 997}`,
            category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
            qty,
            unitPrice,
          },
        ],
        status: u < 0.04 ? 'refunded' : u < 0.05 ? 'cancelled' : 'paid',
        shipCountry: country,
        source: 'demo',
        updatedAt: placedAt,
      };
    }
    shop[i] = { key, name: `${SURNAMES[i % SURNAMES.length]} ${i}`, orders };
  }
  return shop;
}
