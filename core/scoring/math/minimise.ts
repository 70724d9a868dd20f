import { bfgs } from './bfgs';
import { nelderMead } from './nelderMead';

export interface MinimiseResult {
  x: number[];
  fx: number;
  evaluations: number;
  converged: boolean;
  method: 'bfgs' | 'nelder-mead';
}

/**
 * Screens `starts`, runs BFGS from the best and, if it does not converge, Nelder–Mead (with
 * restarts) from the better of its end point and the start. Shared by both model fits.
 */
export function minimise(
  f: (w: readonly number[]) => number,
  fg: (w: Float64Array, grad: Float64Array) => number,
  starts: readonly (readonly number[])[],
): MinimiseResult | null {
  let start = starts[0];
  let startValue = Number.POSITIVE_INFINITY;
  for (const s of starts) {
    const v = f(s);
    if (v < startValue) {
      start = s;
      startValue = v;
    }
  }
  let evaluations = starts.length;
  const q = bfgs(fg, start, { gradientTolerance: 1e-10, maxIterations: 200 });
  evaluations += q.evaluations;
  if (q.converged && Number.isFinite(q.fx)) {
    return { x: q.x, fx: q.fx, evaluations, converged: true, method: 'bfgs' };
  }
  const from = Number.isFinite(q.fx) && q.fx <= startValue ? q.x : [...start];
  const res = nelderMead(f, from, {
    initialStep: 0.7,
    maxEvaluations: 5000,
    restarts: 4,
    fTolerance: 1e-10,
    xTolerance: 1e-6,
  });
  evaluations += res.evaluations;
  // Nelder–Mead starts from the BFGS end point, so its result is never worse.
  if (!Number.isFinite(res.fx)) return null;
  return { x: res.x, fx: res.fx, evaluations, converged: res.converged, method: 'nelder-mead' };
}
