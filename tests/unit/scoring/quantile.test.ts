import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absoluteScore,
  countAbove,
  countBelow,
  quantileScore,
  scoreFromRank,
  sortedInsert,
  sortedRemove,
} from '../../../core/scoring/quantile';

const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();

/** Brute force: SQL RANK() by counting, then the first of five equal-width right-closed bins. */
function referenceScores(values: number[], reversed: boolean): number[] {
  const key = (v: number) => (reversed ? -v : v);
  const ranks = values.map((v) => 1 + values.filter((w) => key(w) < key(v)).length);
  const maxRank = Math.max(...ranks);
  return ranks.map((r) => {
    if (maxRank === 1) return 3;
    for (let k = 1; k <= 5; k++) if (5 * (r - 1) <= k * (maxRank - 1)) return k;
    throw new Error('rank outside the range');
  });
}

describe('quantile scores, hand-computed', () => {
  it('ranks ties at the lowest rank and cuts ranks 1…11 into bins of width 2', () => {
    // ranks: 10→1, 20→2, 20→2, 30→4, 40→5, …, 100→11; bins (1,3], (3,5], (5,7], (7,9], (9,11].
    const values = [10, 20, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const s = sortedOf(values);
    const got = values.map((v) => quantileScore(s, v).score);
    expect(got).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quantileScore(s, 20)).toEqual({ score: 1, rank: 2, maxRank: 11 });
    expect(quantileScore(s, 30)).toEqual({ score: 2, rank: 4, maxRank: 11 });
  });

  it('reverses recency: fewer days, higher score', () => {
    // days 40→rank 1, 10→2, 3→3 (tie), 0→5; maxRank 5, scores ceil(5(r−1)/4).
    const days = [0, 3, 3, 10, 40];
    const s = sortedOf(days);
    expect(days.map((d) => quantileScore(s, d, true).score)).toEqual([5, 3, 3, 2, 1]);
  });

  it('gives 100 distinct values 20 of each score', () => {
    const values = Array.from({ length: 100 }, (_, i) => i * 3 + 1);
    const s = sortedOf(values);
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[quantileScore(s, v).score - 1]++;
    expect(counts).toEqual([20, 20, 20, 20, 20]);
  });

  it('gives everyone the neutral 3 when all values are equal', () => {
    const s = sortedOf([7, 7, 7]);
    expect(quantileScore(s, 7).score).toBe(3);
    expect(quantileScore(s, 7, true).score).toBe(3);
  });

  it('counts strictly below / above with binary search', () => {
    const s = sortedOf([1, 2, 2, 2, 5]);
    expect([countBelow(s, 2), countAbove(s, 2), countBelow(s, 0), countAbove(s, 9)]).toEqual([1, 1, 0, 0]);
  });

  it('scoreFromRank: the lowest bin includes the minimum, bins are right-closed', () => {
    // maxRank 6: width 1, edges 1, 2, 3, 4, 5, 6.
    expect([1, 2, 3, 4, 5, 6].map((r) => scoreFromRank(r, 6))).toEqual([1, 1, 2, 3, 4, 5]);
  });
});

describe('absolute cut points', () => {
  it('value ≤ cut[i] → score i+1, reversed for recency', () => {
    const cuts = [1, 2, 4, 7];
    expect([0, 1, 2, 3, 4, 5, 7, 8, 100].map((v) => absoluteScore(cuts, v))).toEqual([
      1, 1, 2, 3, 3, 4, 4, 5, 5,
    ]);
    const recency = [14, 30, 90, 180];
    expect([0, 14, 15, 30, 31, 90, 180, 181].map((d) => absoluteScore(recency, d, true))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 1,
    ]);
  });

  it('is monotone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const cuts = [14, 30, 90, 180];
        expect(absoluteScore(cuts, lo)).toBeLessThanOrEqual(absoluteScore(cuts, hi));
        expect(absoluteScore(cuts, lo, true)).toBeGreaterThanOrEqual(absoluteScore(cuts, hi, true));
      }),
    );
  });
});

describe('quantile properties', () => {
  const shop = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 120 });

  it('agrees with the brute-force RANK() + bins reference, both directions', () => {
    fc.assert(
      fc.property(shop, fc.boolean(), (values, reversed) => {
        const s = sortedOf(values);
        expect(values.map((v) => quantileScore(s, v, reversed).score)).toEqual(
          referenceScores(values, reversed),
        );
      }),
    );
  });

  it('equal values always get equal scores, and scores are monotone in the value', () => {
    fc.assert(
      fc.property(shop, fc.nat(), fc.nat(), fc.boolean(), (values, i, j, reversed) => {
        const s = sortedOf(values);
        const a = values[i % values.length];
        const b = values[j % values.length];
        const sa = quantileScore(s, a, reversed).score;
        const sb = quantileScore(s, b, reversed).score;
        if (a === b) expect(sa).toBe(sb);
        if (a < b) reversed ? expect(sa).toBeGreaterThanOrEqual(sb) : expect(sa).toBeLessThanOrEqual(sb);
      }),
    );
  });

  it('uses every score from 1 to 5 once there are at least 5 distinct values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 80 }),
        (values) => {
          const s = sortedOf(values);
          const used = new Set(values.map((v) => quantileScore(s, v).score));
          expect([...used].sort()).toEqual([1, 2, 3, 4, 5]);
        },
      ),
    );
  });

  it('sortedInsert / sortedRemove keep the array sorted and equal to a fresh sort', () => {
    fc.assert(
      fc.property(shop, fc.integer({ min: 0, max: 60 }), (values, v) => {
        const s = sortedOf(values);
        const inserted = sortedInsert(s, v);
        expect([...inserted]).toEqual([...sortedOf([...values, v])]);
        expect([...sortedRemove(inserted, v)]).toEqual([...s]);
      }),
    );
  });
});
