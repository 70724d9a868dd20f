/**
 * BFGS quasi-Newton minimiser for smooth objectives with analytic gradients. The model fits use
 * it on log-parameters: with exact gradients a fit takes a few dozen likelihood evaluations,
 * where the derivative-free Nelder–Mead needs hundreds (each evaluation walks every buyer row).
 * It keeps a dense inverse-Hessian estimate (the fits have 3–4 parameters) and uses a
 * backtracking Armijo line search; an update that would break positive definiteness is skipped.
 * Non-finite values are treated as +∞, so the line search backs away from them.
 */

/** Returns f(x) and writes ∇f(x) into `grad` (same length as x). */
export type GradientObjective = (x: Float64Array, grad: Float64Array) => number;

export interface BfgsOptions {
  /**
   * Converged when every gradient component is at most `gradientTolerance · (1 + |f|)`: relative
   * to f because a log-likelihood and its gradient both grow with the number of buyers.
   * Default 1e-10.
   */
  gradientTolerance?: number;
  /** Iteration budget (one gradient step each, plus line search evaluations). Default 200. */
  maxIterations?: number;
  /** Largest change of any coordinate in one step (on log-parameters 2 = a factor of e² ≈ 7.4). Default 2. */
  maxStep?: number;
  /**
   * Also converged when the line search can no longer lower f (its rounding noise hides the
   * remaining decrease) and the quasi-Newton step, i.e. the estimated distance to the minimum,
   * is at most this in every coordinate. With a million-buyer likelihood f is only accurate to
   * ~1e-6 absolute, so a gradient test alone would wait for a decrease double precision cannot
   * show. Default 1e-6.
   */
  stepTolerance?: number;
}

export interface BfgsResult {
  x: number[];
  fx: number;
  gradient: number[];
  evaluations: number;
  iterations: number;
  /** Whether the gradient tolerance was met (rather than stalling or running out of iterations). */
  converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 50;
/** Relative rounding noise of a long sum of log terms (f itself is ~1e-16 · Σ|terms| accurate). */
const F_NOISE = 1e-11;

export function bfgs(
  objective: GradientObjective,
  start: readonly number[],
  options: BfgsOptions = {},
): BfgsResult {
  const gTol = options.gradientTolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 2;
  const stepTol = options.stepTolerance ?? 1e-6;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    evaluations++;
    const v = objective(x, g);
    if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) if (!Number.isFinite(g[i])) return Number.POSITIVE_INFINITY;
    return v;
  };

  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let fx = evaluate(x, g);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const p = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  const H = new Float64Array(n * n);
  const resetH = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);
  let scaled = false;
  let iterations = 0;
  let converged = false;
  const result = (): BfgsResult => ({
    x: Array.from(x),
    fx,
    gradient: Array.from(g),
    evaluations,
    iterations,
    converged,
  });
  if (fx === Number.POSITIVE_INFINITY) return result();

  while (iterations < maxIterations) {
    if (maxAbs(g) <= gTol * (1 + Math.abs(fx))) {
      converged = true;
      break;
    }
    iterations++;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j] * g[j];
      p[i] = v;
      slope += g[i] * v;
    }
    if (!(slope < 0)) {
      // The estimate lost positive definiteness (rounding): fall back to steepest descent.
      resetH(1);
      scaled = false;
      slope = 0;
      for (let i = 0; i < n; i++) {
        p[i] = -g[i];
        slope -= g[i] * g[i];
      }
    }
    const longest = maxAbs(p);
    // Curvature-informed step this small: converged within what f can resolve.
    if (scaled && longest <= 1e-3 * stepTol) {
      converged = true;
      break;
    }
    let t = longest > maxStep ? maxStep / longest : 1;
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let k = 0; k < MAX_BACKTRACKS; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * p[i];
      fNew = evaluate(xNew, gNew);
      if (fNew <= fx + ARMIJO * t * slope) {
        accepted = true;
        break;
      }
      // Near the minimum the decrease can fall below f's rounding noise while the gradient is
      // still accurate: take the step if f is unchanged within that noise and the gradient
      // halves, so the search keeps converging on the gradient alone.
      if (fNew <= fx + F_NOISE * (1 + Math.abs(fx)) && maxAbs(gNew) <= 0.5 * maxAbs(g)) {
        accepted = true;
        break;
      }
      // Minimum of the quadratic through f(x), its slope and f(x + t·p), kept within [0.1t, 0.5t].
      const next =
        fNew === Number.POSITIVE_INFINITY ? 0.5 * t : (-slope * t * t) / (2 * (fNew - fx - slope * t));
      t = Math.min(0.5 * t, Math.max(0.1 * t, next));
      // Steps below ~1e-12 cannot change x in double precision: stop backtracking.
      if (t * longest < 1e-12) break;
    }
    if (!accepted) {
      // No decrease left at double precision: converged if the estimated distance is small.
      converged = scaled && longest <= stepTol;
      break;
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    // Curvature condition: without it the update would not stay positive definite.
    if (!(sy > 1e-12 * Math.sqrt(yy) * norm(s))) continue;
    if (!scaled) {
      // Shanno–Phua scaling: the first estimate gets the observed curvature instead of 1.
      resetH(sy / yy);
      scaled = true;
    }
    let yHy = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
      hy[i] = v;
      yHy += y[i] * v;
    }
    const rho = 1 / sy;
    const ss = (1 + yHy * rho) * rho;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        H[i * n + j] += ss * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
      }
    }
  }
  if (!converged && maxAbs(g) <= gTol * (1 + Math.abs(fx))) converged = true;
  return result();
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (!(a <= m)) m = a;
  }
  return m;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
