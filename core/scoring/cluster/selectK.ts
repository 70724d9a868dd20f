import { fitKmeans, type KmeansFit } from './kmeans';
import { distanceMatrix, silhouette } from './silhouette';

/**
 * Picks k by the mean silhouette on a sample: for each candidate k the best of `restarts`
 * seeded k-means++ runs (lowest inertia) is scored, and the highest silhouette wins (ties go to
 * the smaller k, the simpler description). Restarts make a bad k-means++ draw unlikely to hide a
 * well-separated grouping.
 */
export interface KChoice {
  k: number;
  silhouette: number;
  /** The fit on the sample for the chosen k: its centres seed the full fit. */
  fit: KmeansFit;
  /** Silhouette per candidate k, for the UI and the benchmark. */
  scores: Array<{ k: number; silhouette: number }>;
}

export interface SelectKOptions {
  seed: number;
  kMin?: number;
  kMax?: number;
  restarts?: number;
  maxIterations?: number;
  /** Fit only this k (the seller asked for it); its silhouette is still reported. */
  fixedK?: number;
}

function bestOf(points: number[][], k: number, o: SelectKOptions): KmeansFit {
  let best: KmeansFit | undefined;
  const restarts = Math.max(1, o.restarts ?? 3);
  for (let r = 0; r < restarts; r++) {
    const fit = fitKmeans(points, k, {
      seed: (o.seed * 7919 + k * 101 + r) >>> 0,
      maxIterations: o.maxIterations ?? 30,
    });
    if (!best || fit.inertia < best.inertia - 1e-9) best = fit;
  }
  return best!;
}

export function selectK(sample: number[][], distinct: number, o: SelectKOptions): KChoice {
  if (distinct < 2) {
    return { k: 1, silhouette: 0, fit: fitKmeans(sample, 1, { seed: o.seed }), scores: [] };
  }
  const dm = distanceMatrix(sample);
  const lo = Math.max(2, o.kMin ?? 2);
  const hi = Math.min(o.kMax ?? 8, distinct);
  const candidates =
    o.fixedK !== undefined
      ? [Math.max(1, Math.min(o.fixedK, distinct))]
      : Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
  let choice: KChoice | undefined;
  const scores: KChoice['scores'] = [];
  for (const k of candidates) {
    const fit = bestOf(sample, k, o);
    const k2 = fit.centres.length;
    const s = k2 > 1 ? silhouette(dm, fit.labels, k2) : 0;
    scores.push({ k: k2, silhouette: s });
    if (!choice || s > choice.silhouette + 1e-12) choice = { k: k2, silhouette: s, fit, scores };
  }
  return choice ?? { k: 1, silhouette: 0, fit: fitKmeans(sample, 1, { seed: o.seed }), scores };
}
