import { afterEach, describe, expect, it } from 'vitest';
import { badgesFor, RECENT_CHANGE_MS } from '@/core/background/badges';
import { defaultSettings } from '@/core/model';
import { BuyerTiersDB, createTag, seeBuyer, tagBuyers } from '@/core/store';

const NOW = 1_800_000_000_000;
const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function shop(buyers: number) {
  const db = new BuyerTiersDB(`badges-${Math.random()}`);
  dbs.push(db);
  const keys = Array.from({ length: buyers }, (_, i) => `demo:b${i}`);
  for (const k of keys) await seeBuyer(db, k, undefined, NOW);
  return { db, keys };
}

describe('badgesFor', () => {
  it.each([
    ['a small table read whole', 3],
    ['per-buyer queries on a large table', 60],
  ])('finds tags and only recent segment changes (%s)', async (_label, buyers) => {
    const { db, keys } = await shop(buyers);
    const vip = await createTag(db, 'VIP', undefined, NOW);
    await tagBuyers(db, keys, vip.id, NOW);
    await db.classChanges.bulkAdd(
      keys.flatMap((buyerKey) => [
        {
          buyerKey,
          dimension: 'segment' as const,
          from: 'loyal',
          to: 'at-risk',
          at: NOW - RECENT_CHANGE_MS - 1,
        },
        { buyerKey, dimension: 'segment' as const, from: 'champions', to: 'loyal', at: NOW - 1000 },
        { buyerKey, dimension: 'valueTier' as const, from: 'high', to: 'low', at: NOW - 10 },
      ]),
    );
    const asked = [keys[0], keys[keys.length - 1]];
    const badges = await badgesFor(db, asked, defaultSettings('en'), NOW);
    expect(Object.keys(badges).sort()).toEqual([...asked].sort());
    for (const k of asked) {
      expect(badges[k].tags.map((t) => t.name)).toEqual(['VIP']);
      expect(badges[k].change).toEqual({
        dimension: 'segment',
        from: 'champions',
        to: 'loyal',
        at: NOW - 1000,
      });
    }
  });
});
