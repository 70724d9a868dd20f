/**
 * Nelder–Mead downhill simplex minimiser with restarts. Derivative-free, so the likelihoods need
 * no gradients; the callers optimise log-parameters, which keeps every step inside the domain.
 * Non-finite objective values are treated as +∞ so the simplex simply moves away from them.
 */

export interface NelderMeadOptions {
  /** Stop when all simplex values are within this (relative) of the best one. Default 1e-11. */
  fTolerance?: number;
  /** …and all vertices are within this of the best one in every coordinate. Default 1e-8. */
  xTolerance?: number;
  /** Budget of objective evaluations across all restarts. Default 20,000. */
  maxEvaluations?: number;
  /** Edge length of the starting simplex in each coordinate. Default 0.5. */
  initialStep?: number;
  /**
   * Fresh simplices built around the best point after convergence; a restart that improves the
   * value by less than the tolerance ends the search. Default 3.
   */
  restarts?: number;
}

export interface NelderMeadResult {
  x: number[];
  fx: number;
  evaluations: number;
  /** Whether the last run met the tolerances (rather than running out of evaluations). */
  converged: boolean;
}

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

export function nelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const fTol = options.fTolerance ?? 1e-11;
  const xTol = options.xTolerance ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 20_000;
  const step = options.initialStep ?? 0.5;
  const restarts = options.restarts ?? 3;
  let evaluations = 0;
  const f = (x: readonly number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let best = [...start];
  let bestF = f(best);
  let converged = false;
  for (let run = 0; run <= restarts; run++) {
    const result = simplexRun(f, best, step, fTol, xTol, () => evaluations < maxEvaluations);
    converged = result.converged;
    const improvement = bestF - result.fx;
    if (result.fx <= bestF) {
      best = result.x;
      bestF = result.fx;
    }
    // Converged twice in a row to the same value: a restart no longer finds anything better.
    if (!converged || (run > 0 && !(improvement > fTol * (Math.abs(bestF) + fTol)))) break;
  }
  return { x: best, fx: bestF, evaluations, converged };
}

function simplexRun(
  f: (x: readonly number[]) => number,
  start: number[],
  step: number,
  fTol: number,
  xTol: number,
  budgetLeft: () => boolean,
): { x: number[]; fx: number; converged: boolean } {
  const n = start.length;
  const pts: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    pts.push(p);
  }
  const vals = pts.map(f);
  const order = pts.map((_, i) => i);
  const centroid = new Array<number>(n);
  const along = (coef: number): number[] => {
    const worst = pts[order[n]];
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) out[j] = centroid[j] + coef * (centroid[j] - worst[j]);
    return out;
  };

  while (budgetLeft()) {
    order.sort((i, j) => vals[i] - vals[j]);
    const b = order[0];
    const w = order[n];
    if (isConverged(pts, vals, order, fTol, xTol)) return { x: pts[b], fx: vals[b], converged: true };

    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += pts[order[k]][j];
      centroid[j] = s / n;
    }
    const xr = along(REFLECT);
    const fr = f(xr);
    if (fr < vals[b]) {
      const xe = along(EXPAND);
      const fe = f(xe);
      if (fe < fr) replace(pts, vals, w, xe, fe);
      else replace(pts, vals, w, xr, fr);
      continue;
    }
    if (fr < vals[order[n - 1]]) {
      replace(pts, vals, w, xr, fr);
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fr < vals[w];
    const xc = along(outside ? CONTRACT : -CONTRACT);
    const fc = f(xc);
    if (fc < (outside ? fr : vals[w])) {
      replace(pts, vals, w, xc, fc);
      continue;
    }
    const bp = pts[b];
    for (let k = 1; k <= n; k++) {
      const i = order[k];
      for (let j = 0; j < n; j++) pts[i][j] = bp[j] + SHRINK * (pts[i][j] - bp[j]);
      vals[i] = f(pts[i]);
    }
  }
  order.sort((i, j) => vals[i] - vals[j]);
  return { x: pts[order[0]], fx: vals[order[0]], converged: false };
}

function replace(pts: number[][], vals: number[], i: number, x: number[], fx: number): void {
  pts[i] = x;
  vals[i] = fx;
}

function isConverged(pts: number[][], vals: number[], order: number[], fTol: number, xTol: number): boolean {
  const fb = vals[order[0]];
  const fw = vals[order[order.length - 1]];
  if (!Number.isFinite(fw) || Math.abs(fw - fb) > fTol * (Math.abs(fb) + fTol)) return false;
  const bp = pts[order[0]];
  for (let k = 1; k < order.length; k++) {
    const p = pts[order[k]];
    for (let j = 0; j < bp.length; j++) if (Math.abs(p[j] - bp[j]) > xTol) return false;
  }
  return true;
}
