import type { Buyer } from '../../../core/model';
import { EMPTY_AGGREGATE } from '../../../core/model';
import { mulberry32 } from '../../support/synthetic';

const SEGMENTS = ['champions', 'loyal', 'at-risk', 'hibernating', 'new', 'promising', 'prospect'];
const TIERS = ['high', 'medium', 'low', 'none'];
const LIFECYCLES = ['new', 'growing', 'mature', 'declining', 'prospect'];
const PLATFORMS = ['taobao', 'amazon', 'etsy', 'whatsapp', 'demo'];
const NAMES = ['Wang', 'Li', 'Zhang', 'Chen', 'Smith', 'Garcia', 'Müller', '杭州茶叶', 'Acme Ltd', 'Ōno'];

/**
 * `n` scored-looking buyers with varied classes, for the buyer-table query tests and benchmark.
 * Classes are drawn at random (not computed) because the query only reads the stored copies.
 */
export function syntheticBuyers(n: number, seed = 7): Buyer[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Buyer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const platform = pick(PLATFORMS);
    const segment = pick(SEGMENTS);
    const paid = segment === 'prospect' ? 0 : 1 + Math.floor(rnd() ** 3 * 30);
    const spend = paid * Math.floor(1000 + rnd() * 50_000);
    const last = paid ? 1_600_000_000_000 + Math.floor(rnd() * 1e11) : 0;
    const buyerId = `b${i.toString(36)}`;
    out[i] = {
      key: `${platform}:${buyerId}`,
      platform,
      buyerId,
      name: `${pick(NAMES)} ${i}`,
      firstSeenAt: 1_600_000_000_000,
      lastSeenAt: 1_700_000_000_000,
      agg: {
        ...EMPTY_AGGREGATE,
        paidOrders: paid,
        orders: paid,
        paidSpend: spend,
        lastOrderAt: last || undefined,
      },
      lastOrderAt: last,
      segment,
      tier: segment === 'prospect' ? 'none' : pick(TIERS.slice(0, 3)),
      lifecycle: segment === 'prospect' ? 'prospect' : pick(LIFECYCLES.slice(0, 4)),
    };
  }
  return out;
}
