import { describe, expect, it } from 'vitest';
import type { ClassChange } from '@/core/model';
import { writeOrders } from '@/core/store';
import { buyerKeysOfOrders, recentSegmentChanges } from '@/core/store/badgeData';
import { testBackgrounds } from '../../support/background';
import { CNY_CTX, makeOrder } from '../../support/orders';

const NOW = 1_800_000_000_000;
const SINCE = NOW - 1_000_000;
const shops = testBackgrounds('badgeData');
const freshDb = () => shops.database();

const change = (
  buyerKey: string,
  at: number,
  dimension: ClassChange['dimension'] = 'segment',
): ClassChange => ({
  buyerKey,
  dimension,
  from: 'loyal',
  to: 'at-risk',
  at,
});

describe('recentSegmentChanges', () => {
  it('returns the recent segment changes of the asked buyers only (one range read)', async () => {
    const db = freshDb();
    await db.classChanges.bulkAdd([
      change('demo:a', NOW - 10),
      change('demo:a', SINCE - 1),
      change('demo:a', NOW - 5, 'valueTier'),
      change('demo:b', NOW - 10),
    ]);
    const got = await recentSegmentChanges(db, ['demo:a', 'demo:b', 'demo:c'], SINCE);
    expect(got.map((c) => [c.buyerKey, c.at]).sort()).toEqual([
      ['demo:a', NOW - 10],
      ['demo:b', NOW - 10],
    ]);
  });

  it('falls back to per-buyer reads after a mass reclassification (older changes included)', async () => {
    const db = freshDb();
    await db.classChanges.bulkAdd([
      ...Array.from({ length: 10 }, (_, i) => change(`demo:other${i}`, NOW - 10)),
      change('demo:a', NOW - 10),
      change('demo:a', SINCE - 1),
    ]);
    const got = await recentSegmentChanges(db, ['demo:a'], SINCE);
    expect(got.map((c) => c.at).sort()).toEqual([SINCE - 1, NOW - 10]);
  });
});

describe('buyerKeysOfOrders', () => {
  it('maps each known order key to its buyer and leaves unknown ones out', async () => {
    const db = freshDb();
    const o = makeOrder({ orderId: '1', buyer: 'bob' });
    await writeOrders(db, [o], CNY_CTX, NOW);
    expect(await buyerKeysOfOrders(db, [o.key, 'taobao:nope'])).toEqual(new Map([[o.key, 'taobao:bob']]));
  });
});
