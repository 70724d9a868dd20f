/**
 * Mean silhouette width of a labelling, from a precomputed condensed distance matrix. Used to
 * pick k on a sample (≤ 2,000 points: the matrix is ~2M distances, computed once and reused for
 * every candidate k, so trying k = 2…8 costs a few tens of milliseconds).
 */
export interface DistanceMatrix {
  n: number;
  /** Euclidean distances, row-major upper triangle without the diagonal. */
  d: Float64Array;
}

export function distanceMatrix(points: readonly number[][]): DistanceMatrix {
  const n = points.length;
  const d = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    for (let j = i + 1; j < n; j++) {
      const b = points[j];
      let s = 0;
      for (let k = 0; k < a.length; k++) {
        const x = a[k] - b[k];
        s += x * x;
      }
      d[p++] = Math.sqrt(s);
    }
  }
  return { n, d };
}

/**
 * Silhouette in [-1, 1]; points alone in their cluster score 0 (Rousseeuw's convention). With
 * fewer than two non-empty clusters the silhouette is undefined and 0 is returned.
 */
export function silhouette(dm: DistanceMatrix, labels: readonly number[], k: number): number {
  const { n, d } = dm;
  if (n < 2) return 0;
  const size = new Array<number>(k).fill(0);
  for (const l of labels) size[l]++;
  if (size.filter((s) => s > 0).length < 2) return 0;
  // sums[i * k + c] = total distance from point i to the points of cluster c.
  const sums = new Float64Array(n * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    for (let j = i + 1; j < n; j++) {
      const x = d[p++];
      sums[i * k + labels[j]] += x;
      sums[j * k + li] += x;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    if (size[own] <= 1) continue;
    const a = sums[i * k + own] / (size[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || size[c] === 0) continue;
      b = Math.min(b, sums[i * k + c] / size[c]);
    }
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
