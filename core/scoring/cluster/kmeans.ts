import { kmeans } from 'ml-kmeans';

/**
 * Thin wrapper over ml-kmeans (Lloyd iterations, k-means++ seeding with a seed). We add what it
 * leaves out: inertia, a final assignment pass so labels always match the returned centres, and
 * a guard against asking for more clusters than there are distinct points (k-means++ divides by
 * zero there).
 */
export interface KmeansFit {
  labels: number[];
  centres: number[][];
  /** Sum of squared distances of points to their centre. */
  inertia: number;
}

export interface KmeansOptions {
  seed: number;
  maxIterations?: number;
  /** Start from these centres instead of k-means++ (e.g. the centres fitted on a sample). */
  initial?: number[][];
}

function sqDist(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] - b[i];
    s += x * x;
  }
  return s;
}

/** Nearest centre of every point (ties go to the lower index) and the resulting inertia. */
export function assignNearest(
  points: readonly number[][],
  centres: readonly number[][],
): { labels: number[]; inertia: number } {
  const labels = new Array<number>(points.length);
  let inertia = 0;
  for (let i = 0; i < points.length; i++) {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let c = 0; c < centres.length; c++) {
      const d = sqDist(points[i], centres[c]);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestD;
  }
  return { labels, inertia };
}

/** Number of distinct points, stopping early once `atLeast` are found. */
export function countDistinct(points: readonly number[][], atLeast = Number.POSITIVE_INFINITY): number {
  const seen = new Set<string>();
  for (const p of points) {
    seen.add(p.join(','));
    if (seen.size >= atLeast) break;
  }
  return seen.size;
}

export function fitKmeans(points: number[][], k: number, options: KmeansOptions): KmeansFit {
  if (points.length === 0) return { labels: [], centres: [], inertia: 0 };
  const kk = Math.max(1, Math.min(k, options.initial?.length ?? k, countDistinct(points, k)));
  if (kk === 1) {
    const centre = points[0].map((_, j) => points.reduce((s, p) => s + p[j], 0) / points.length);
    return { centres: [centre], ...assignNearest(points, [centre]) };
  }
  const res = kmeans(points, kk, {
    initialization: options.initial ? options.initial.slice(0, kk).map((c) => [...c]) : 'kmeans++',
    seed: options.seed,
    maxIterations: options.maxIterations ?? 100,
    tolerance: 1e-6,
  });
  return { centres: res.centroids, ...assignNearest(points, res.centroids) };
}
