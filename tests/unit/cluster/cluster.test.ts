import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_AGGREGATE } from '@/core/model';
import { clusterBuyers, standardise } from '@/core/scoring/cluster';
import { adjustedRandIndex } from './ari';
import { ASOF_DAY, SEPARATED, syntheticGroups } from './synthetic';

function labelsOf(members: number[][], n: number): number[] {
  const labels = new Array<number>(n).fill(-1);
  members.forEach((m, g) => {
    for (const i of m) labels[i] = g;
  });
  return labels;
}

describe('adjusted Rand index (test support)', () => {
  it('is 1 for the same partition relabelled and near 0 for an unrelated one', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 0, 1])).toBeLessThan(0.1);
  });
});

describe('clusterBuyers', () => {
  it('recovers well-separated groups (ARI ≥ 0.9) and picks their number by silhouette', () => {
    for (const seed of [1, 2, 3]) {
      const { aggs, truth } = syntheticGroups(SEPARATED, 300, seed);
      const res = clusterBuyers(
        aggs.map((agg) => ({ agg })),
        { asOfDay: ASOF_DAY, seed },
      );
      expect(res.summary.k).toBe(3);
      const ari = adjustedRandIndex(labelsOf(res.members, aggs.length), truth);
      expect(ari).toBeGreaterThanOrEqual(0.9);
      expect(res.summary.silhouette).toBeGreaterThan(0.5);
    }
  });

  it('recovers groups when k is chosen on a sample smaller than the shop', () => {
    const { aggs, truth } = syntheticGroups(SEPARATED, 1500, 9);
    const res = clusterBuyers(
      aggs.map((agg) => ({ agg })),
      { asOfDay: ASOF_DAY, seed: 4, sampleSize: 500 },
    );
    expect(res.summary.sampleSize).toBe(500);
    expect(adjustedRandIndex(labelsOf(res.members, aggs.length), truth)).toBeGreaterThanOrEqual(0.9);
  });

  it('describes groups in plain words from their centres, with sizes and revenue shares', () => {
    const { aggs } = syntheticGroups(SEPARATED, 200, 5);
    const { summary } = clusterBuyers(
      aggs.map((agg, i) => ({ agg, segment: i < 200 ? 'champions' : 'hibernating' })),
      { asOfDay: ASOF_DAY, seed: 1 },
    );
    const top = summary.groups[0];
    expect(top.description.en).toBe(
      'recent, frequent, high spend, large orders, pays full price; mostly home',
    );
    expect(top.description.zh_CN).toBe('近期活跃、高频、高消费、客单价高、少用折扣；以home为主');
    expect(summary.groups.map((g) => g.size)).toEqual([200, 200, 200]);
    expect(summary.groups.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1, 9);
    expect(top.revenueShare).toBeGreaterThan(summary.groups[1].revenueShare);
    const bargain = summary.groups.find((g) => g.centre.categories.snacks > 0.5)!;
    expect(bargain.description.en).toContain('buys on discount');
    expect(bargain.description.zh_CN).toContain('偏爱折扣');
    // Cross-table: the first 200 buyers (home group) are all champions.
    const champ = summary.crossTable.segments.indexOf('champions');
    expect(summary.crossTable.counts[0][champ]).toBe(200);
    expect(summary.crossTable.counts.flat().reduce((s, x) => s + x, 0)).toBe(600);
  });

  it('is deterministic for a seed', () => {
    const { aggs } = syntheticGroups(SEPARATED, 400, 11, 0.6);
    const input = aggs.map((agg) => ({ agg }));
    const a = clusterBuyers(input, { asOfDay: ASOF_DAY, seed: 7, sampleSize: 300 });
    const b = clusterBuyers(input, { asOfDay: ASOF_DAY, seed: 7, sampleSize: 300 });
    expect(b).toEqual(a);
  });

  it('fits exactly the k asked for', () => {
    const { aggs } = syntheticGroups(SEPARATED, 100, 3);
    const { summary } = clusterBuyers(
      aggs.map((agg) => ({ agg })),
      { asOfDay: ASOF_DAY, k: 5 },
    );
    expect(summary.k).toBe(5);
    expect(summary.scores).toHaveLength(1);
  });

  describe('degenerate inputs', () => {
    it('handles no buyers and prospects only', () => {
      expect(clusterBuyers([], { asOfDay: ASOF_DAY }).summary.groups).toEqual([]);
      const prospects = clusterBuyers([{ agg: EMPTY_AGGREGATE }, { agg: EMPTY_AGGREGATE }], {
        asOfDay: ASOF_DAY,
      });
      expect(prospects.summary.clustered).toBe(0);
      expect(prospects.summary.k).toBe(0);
    });

    it('puts identical buyers in one typical group', () => {
      const { aggs } = syntheticGroups(SEPARATED.slice(0, 1), 50, 1, 0);
      const res = clusterBuyers(
        aggs.map((agg) => ({ agg })),
        { asOfDay: ASOF_DAY },
      );
      expect(res.summary.k).toBe(1);
      expect(res.summary.groups[0].size).toBe(50);
      expect(res.summary.groups[0].description.en).toBe('typical buyers; mostly home');
      expect(res.summary.silhouette).toBe(0);
    });

    it('handles fewer buyers than k and zero-variance features', () => {
      const { aggs } = syntheticGroups(SEPARATED, 1, 1, 0);
      const res = clusterBuyers(
        aggs.map((agg) => ({ agg })),
        { asOfDay: ASOF_DAY, k: 8 },
      );
      expect(res.summary.k).toBe(3);
      expect(res.members.flat().sort()).toEqual([0, 1, 2]);
      const one = clusterBuyers([{ agg: aggs[0] }], { asOfDay: ASOF_DAY });
      expect(one.summary.k).toBe(1);
      const z = standardise(
        [
          [1, 5],
          [1, 7],
        ],
        2,
      );
      expect(z.rows.map((r) => r[0])).toEqual([0, 0]);
      expect(z.sd[0]).toBe(0);
    });

    it('never crashes and labels every paid buyer, whatever the aggregates', () => {
      const aggArb = fc.record({
        orders: fc.integer({ min: 0, max: 50 }),
        spend: fc.integer({ min: 0, max: 1e9 }),
        rec: fc.integer({ min: -5, max: 3000 }),
        disc: fc.integer({ min: 0, max: 60 }),
        cat: fc.constantFrom('a', 'b', '', 'c'),
      });
      fc.assert(
        fc.property(fc.array(aggArb, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (rows, k) => {
          const aggs = rows.map((r) => ({
            agg: {
              ...EMPTY_AGGREGATE,
              orders: r.orders,
              paidOrders: r.orders,
              paidSpend: r.spend,
              days: r.orders > 0 ? [[ASOF_DAY - r.rec, r.spend] as [number, number]] : [],
              discountedOrders: r.disc,
              categorySpend: { [r.cat]: r.spend },
            },
          }));
          const res = clusterBuyers(aggs, { asOfDay: ASOF_DAY, k: k === 9 ? undefined : k, sampleSize: 20 });
          const paid = rows.filter((r) => r.orders > 0).length;
          expect(res.members.flat()).toHaveLength(paid);
          for (const g of res.summary.groups) {
            expect(Number.isFinite(g.revenueShare)).toBe(true);
            expect(g.z.every(Number.isFinite)).toBe(true);
          }
        }),
        { numRuns: 60, seed: 42 },
      );
    });
  });
});
