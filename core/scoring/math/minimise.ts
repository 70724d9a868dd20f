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
 * Screens `starts`, then runs BFGS from each in order of value until one converges (a start
 * can sit where BFGS stalls, e.g. on a ridge whose far end is a parameter's ceiling, while
 * another converges in a few dozen steps) and, if none does, `beforeFallback`'s answer or else
 * Nelder–Mead (with restarts) from the best point any of them reached. Shared by both model fits.
 */
export interface MinimiseOptions {
  /**
   * Asked when no BFGS run converged, before Nelder–Mead: a fit of its own (a boundary the
   * objective runs off to, say) that is returned, converged, instead; null to go on.
   */
  beforeFallback?: () => { x: number[]; fx: number; evaluations: number } | null;
}

export function minimise(
  f: (w: readonly number[]) => number,
  fg: (w: Float64Array, grad: Float64Array) => number,
  starts: readonly (readonly number[])[],
  options: MinimiseOptions = {},
): MinimiseResult | null {
  const screened = starts.map((s) => ({ s, v: f(s) })).sort((a, b) => a.v - b.v || 0);
  let evaluations = starts.length;
  let best = { x: [...screened[0].s], fx: screened[0].v };
  for (const { s, v } of screened) {
    if (!Number.isFinite(v)) continue;
    const q = bfgs(fg, s, { gradientTolerance: 1e-10, maxIterations: 200 });
    evaluations += q.evaluations;
    // A converged run is the answer unless an earlier, stalled one already got lower.
    if (q.converged && Number.isFinite(q.fx) && q.fx <= best.fx) {
      return { x: q.x, fx: q.fx, evaluations, converged: true, method: 'bfgs' };
    }
    if (Number.isFinite(q.fx) && !(q.fx > best.fx)) best = { x: q.x, fx: q.fx };
  }
  const special = options.beforeFallback?.();
  if (special) {
    evaluations += special.evaluations;
    return { x: special.x, fx: special.fx, evaluations, converged: true, method: 'bfgs' };
  }
  const res = nelderMead(f, best.x, {
    initialStep: 0.7,
    maxEvaluations: 5000,
    restarts: 4,
    fTolerance: 1e-10,
    xTolerance: 1e-6,
  });
  evaluations += res.evaluations;
  // Nelder–Mead starts from the best point so far, so its result is never worse.
  if (!Number.isFinite(res.fx)) return null;
  return { x: res.x, fx: res.fx, evaluations, converged: res.converged, method: 'nelder-mead' };
}
