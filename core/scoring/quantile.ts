/**
 * Tie-safe quantile scores 1–5. Values are ranked SQL RANK()-style (ties share the lowest rank,
 * rank = 1 + number of strictly smaller values) and the observed rank range [1, maxRank] is cut
 * into five equal-width, right-closed bins, the lowest including the minimum (pandas `cut` on the
 * ranks). Ranks come from binary search on the sorted values, so one buyer scored against a kept
 * sorted array gets exactly the score a whole-shop pass would give, and equal values always get
 * equal scores. Everything is integer arithmetic: no bin edge rounding.
 */

/** Number of elements strictly less than `v` in ascending `sorted`. */
export function countBelow(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements strictly greater than `v` in ascending `sorted`. */
export function countAbove(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * Score of rank `rank` within ranks 1…maxRank: the smallest k with rank ≤ 1 + k·(maxRank − 1)/5,
 * i.e. ceil(5·(rank − 1) / (maxRank − 1)), at least 1. When every value is equal (maxRank = 1)
 * nothing separates the buyers and everyone gets the neutral 3.
 */
export function scoreFromRank(rank: number, maxRank: number): number {
  if (maxRank <= 1) return 3;
  const k = Math.ceil((5 * (rank - 1)) / (maxRank - 1));
  return Math.min(Math.max(k, 1), 5);
}

export interface QuantileScore {
  score: number;
  rank: number;
  maxRank: number;
}

/**
 * Scores `v` against the ascending values of the shop (which should contain `v`). With
 * `reversed`, smaller values rank higher (recency: fewer days → higher score), as if ranking −v.
 */
export function quantileScore(sorted: ArrayLike<number>, v: number, reversed = false): QuantileScore {
  const n = sorted.length;
  if (n === 0) return { score: 3, rank: 1, maxRank: 1 };
  if (!reversed) {
    const rank = 1 + countBelow(sorted, v);
    const maxRank = maxRankOf(sorted);
    return { score: scoreFromRank(rank, maxRank), rank, maxRank };
  }
  const rank = 1 + countAbove(sorted, v);
  const maxRank = 1 + countAbove(sorted, sorted[0]);
  return { score: scoreFromRank(rank, maxRank), rank, maxRank };
}

/** Highest RANK() in ascending `sorted` (the rank of its largest value); 1 when empty. */
export function maxRankOf(sorted: ArrayLike<number>): number {
  return sorted.length === 0 ? 1 : 1 + countBelow(sorted, sorted[sorted.length - 1]);
}

/** Score of `v` when the dimension's maxRank is already known (one binary search instead of two). */
export function quantileScoreWithMax(sorted: ArrayLike<number>, maxRank: number, v: number): QuantileScore {
  const rank = 1 + countBelow(sorted, v);
  return { score: scoreFromRank(rank, maxRank), rank, maxRank };
}

/**
 * Absolute cut points c0 < c1 < c2 < c3: value ≤ c0 → 1, ≤ c1 → 2, ≤ c2 → 3, ≤ c3 → 4, else 5.
 * With `reversed` (recency in days) the scale flips: ≤ c0 → 5 … > c3 → 1.
 */
export function absoluteScore(cuts: readonly number[], v: number, reversed = false): number {
  let i = 0;
  while (i < cuts.length && v > cuts[i]) i++;
  const s = i + 1;
  return reversed ? 6 - s : s;
}

/** Inserts `v` into ascending `sorted`, returning a new array (a context update touches few buyers). */
export function sortedInsert(sorted: Float64Array, v: number): Float64Array {
  const i = countBelow(sorted, v);
  const out = new Float64Array(sorted.length + 1);
  out.set(sorted.subarray(0, i), 0);
  out[i] = v;
  out.set(sorted.subarray(i), i + 1);
  return out;
}

/** Removes one occurrence of `v` from ascending `sorted`; returns the same array if `v` is absent. */
export function sortedRemove(sorted: Float64Array, v: number): Float64Array {
  const i = countBelow(sorted, v);
  if (i >= sorted.length || sorted[i] !== v) return sorted;
  const out = new Float64Array(sorted.length - 1);
  out.set(sorted.subarray(0, i), 0);
  out.set(sorted.subarray(i + 1), i);
  return out;
}
