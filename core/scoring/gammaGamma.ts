import type { FitOptions } from './bgnbd';
import { bfgs } from './math/bfgs';
import { minimise } from './math/minimise';
import { digamma, logGamma, logGammaRatio } from './math/special';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a buyer's order values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across buyers; fitted on buyers with repeat purchases using x
 * (repeat purchase count) and zbar (their mean repeat-purchase value). `v` is the paper's γ.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaRow {
  x: number;
  zbar: number;
}

/** Rows with x > 0 and zbar > 0; ln x and ln zbar are computed once here instead of per evaluation. */
export interface GammaGammaData {
  buyers: number;
  x: Float64Array;
  zbar: Float64Array;
  xLogX: Float64Array;
  logZbar: Float64Array;
  /** Distinct x values and each row's index into them, for the per-x log-gamma terms. */
  xValues: Float64Array;
  rowX: Int32Array;
  /** Rows per distinct x, for the per-x log-gamma terms. */
  xCount: Float64Array;
  /** Σ x, Σ x·ln x, Σ x·ln zbar and Σ ln zbar over the rows: the parameter-free parts of the sums. */
  sumX: number;
  sumXLogX: number;
  sumXLogZbar: number;
  sumLogZbar: number;
  meanZbar: number;
}

export function prepareGammaGamma(rows: Iterable<GammaGammaRow>): GammaGammaData {
  const xs: number[] = [];
  const zs: number[] = [];
  for (const { x, zbar } of rows) {
    if (x > 0 && zbar > 0 && Number.isFinite(zbar)) {
      xs.push(x);
      zs.push(zbar);
    }
  }
  const xIdx = new Map<number, number>();
  const rowX = new Int32Array(xs.length);
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    let k = xIdx.get(xs[i]);
    if (k === undefined) {
      k = xIdx.size;
      xIdx.set(xs[i], k);
    }
    rowX[i] = k;
    total += zs[i];
  }
  const xLogX = Float64Array.from(xs, (x) => x * Math.log(x));
  const logZbar = Float64Array.from(zs, Math.log);
  const xCount = new Float64Array(xIdx.size);
  let sumX = 0;
  let sumXLogX = 0;
  let sumXLogZbar = 0;
  let sumLogZbar = 0;
  for (let i = 0; i < xs.length; i++) {
    xCount[rowX[i]]++;
    sumX += xs[i];
    sumXLogX += xLogX[i];
    sumXLogZbar += xs[i] * logZbar[i];
    sumLogZbar += logZbar[i];
  }
  return {
    buyers: xs.length,
    x: Float64Array.from(xs),
    zbar: Float64Array.from(zs),
    xLogX,
    logZbar,
    xValues: Float64Array.from(xIdx.keys()),
    rowX,
    xCount,
    sumX,
    sumXLogX,
    sumXLogZbar,
    sumLogZbar,
    meanZbar: xs.length > 0 ? total / xs.length : 0,
  };
}

/**
 * Σ ln f(zbar | x) with f = Γ(px+q)/(Γ(px)Γ(q)) · v^q · x^(px) · zbar^(px−1) / (v + x·zbar)^(px+q).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, d: GammaGammaData): number {
  return gammaGammaLogLikelihoodGradient(params, d, null);
}

/**
 * The log-likelihood and, into `grad` when given, its gradient in (p, q, v). Per row, with
 * t = x·zbar / v and u = v + x·zbar, ln u = ln v + ln(1 + t); written that way the q-terms
 * q·ln v − q·ln u become −q·ln(1 + t), which stays accurate when q and v are huge (a shop whose
 * buyers all spend alike drives both up together) instead of cancelling two huge numbers:
 *   ll    = Σₓ c[lnΓ(px+q) − lnΓ(px) − lnΓ(q)] + p(Σ x ln x + Σ x ln zbar) − Σ ln zbar
 *           − p(ln v · Σ x + Σ x ln(1+t)) − q Σ ln(1+t)
 *   ∂/∂p = Σ x[ψ(px+q) − ψ(px)] + Σ x ln x + Σ x ln zbar − ln v · Σ x − Σ x ln(1+t)
 *   ∂/∂q = Σ [ψ(px+q) − ψ(q)] − Σ ln(1+t)
 *   ∂/∂v = q Σ t/u − p Σ x/u
 * The log-gamma and digamma terms depend on x only and are summed per distinct x; the row loop
 * costs one log1p and one division per buyer.
 */
export function gammaGammaLogLikelihoodGradient(
  params: GammaGammaParams,
  d: GammaGammaData,
  grad: Float64Array | null,
): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) {
    grad?.fill(Number.NaN);
    return Number.NaN;
  }
  const nx = d.xValues.length;
  const psiQ = grad ? digamma(q) : 0;
  let perX = 0;
  let dpX = 0;
  let dqX = 0;
  for (let i = 0; i < nx; i++) {
    const x = d.xValues[i];
    const c = d.xCount[i];
    const px = p * x;
    perX += c * (logGammaRatio(q, px) - logGamma(px));
    if (grad) {
      const psiPXQ = digamma(px + q);
      dpX += c * x * (psiPXQ - digamma(px));
      dqX += c * (psiPXQ - psiQ);
    }
  }
  // Σ ln(1+t), Σ x·ln(1+t), and for the gradient Σ t/u, Σ x/u.
  let sL = 0;
  let sXL = 0;
  let sTInv = 0;
  let sXInv = 0;
  const { x: xs, zbar } = d;
  const n = d.buyers;
  const invV = 1 / v;
  if (grad) {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const xz = x * zbar[i];
      const l = Math.log1p(xz * invV);
      const inv = 1 / (v + xz);
      sL += l;
      sXL += x * l;
      sTInv += xz * invV * inv;
      sXInv += x * inv;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const l = Math.log1p(x * zbar[i] * invV);
      sL += l;
      sXL += x * l;
    }
  }
  const logV = Math.log(v);
  const fixed = d.sumXLogX + d.sumXLogZbar;
  if (grad) {
    grad[0] = dpX + fixed - logV * d.sumX - sXL;
    grad[1] = dqX - sL;
    grad[2] = q * sTInv - p * sXInv;
  }
  return perX + p * fixed - d.sumLogZbar - p * (logV * d.sumX + sXL) - q * sL;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  ll: number;
  evaluations: number;
  converged: boolean;
  method: 'bfgs' | 'nelder-mead';
}

/**
 * Above this q the population's spread of ν is under 0.1 % (its coefficient of variation is
 * 1/√q): buyers' spend rates are the same for every prediction we make. Shops with one price
 * level get there (every buyer's mean near the shop's), and the likelihood then keeps rising
 * ever more slowly as q → ∞ with v/q fixed; without a ceiling the search wanders along that
 * ridge for thousands of evaluations (6 s on 80,000 buyers) to end where the ceiling does.
 */
export const GAMMA_GAMMA_MAX_Q = 1e6;

/** q = MAX_Q · σ(w): a smooth bijection onto (0, MAX_Q), ≈ MAX_Q·e^w for the q of real shops. */
const qOf = (w: number) => GAMMA_GAMMA_MAX_Q / (1 + Math.exp(-w));
const wOfQ = (q: number) => Math.log(q / (GAMMA_GAMMA_MAX_Q - Math.min(q, GAMMA_GAMMA_MAX_Q * (1 - 1e-12))));

/**
 * The fit for a shop whose buyers all spend alike, or no fit for every other shop (with the
 * probe's evaluations either way). With q fixed
 * at the ceiling only (ln p, ln(v/q)) are fitted (a quick, well-conditioned BFGS); if the
 * likelihood still rises along the ridge there (more q, same v/q), its maximum is at the ceiling
 * and this is the answer. Otherwise the maximum lies inside and the full fit finds it. A shop
 * with any real spread of spend between buyers falls on the second branch after this one
 * cheap probe; the first branch spares the full fit hundreds of stalled steps along the ridge.
 */
function fitAtCeiling(d: GammaGammaData): { fit: GammaGammaFit | null; evaluations: number } {
  const q = GAMMA_GAMMA_MAX_Q;
  const g = new Float64Array(3);
  const params = (w: ArrayLike<number>): GammaGammaParams => ({
    p: Math.exp(w[0]),
    q,
    v: Math.exp(w[1]) * q,
  });
  const res = bfgs(
    (w, out) => {
      const pr = params(w);
      const ll = gammaGammaLogLikelihoodGradient(pr, d, g);
      out[0] = -g[0] * pr.p;
      out[1] = -g[2] * pr.v;
      return -ll;
    },
    [0, Math.log(d.meanZbar)],
    { gradientTolerance: 1e-10, maxIterations: 200 },
  );
  const evaluations = res.evaluations + 1;
  if (!res.converged || !Number.isFinite(res.fx)) return { fit: null, evaluations };
  const best = params(res.x);
  gammaGammaLogLikelihoodGradient(best, d, g);
  // d ll / d q along the ridge (v/q held): ∂/∂q + (v/q)·∂/∂v.
  const ridgeSlope = g[1] + (best.v / best.q) * g[2];
  if (!(ridgeSlope >= 0)) return { fit: null, evaluations };
  return { fit: { params: best, ll: -res.fx, evaluations, converged: true, method: 'bfgs' }, evaluations };
}

/**
 * Maximum likelihood over w = (ln p, logit(q / MAX_Q), ln(v / q)), from the better of two
 * screened starts (and `options.start`): BFGS with the analytic gradient, Nelder–Mead if that
 * does not converge. `v` starts on the data's scale, so any currency unit works; v/q (the mean
 * of ν's scale) stays put along the ridge described at GAMMA_GAMMA_MAX_Q.
 */
export function fitGammaGamma(
  d: GammaGammaData,
  options: FitOptions<GammaGammaParams> = {},
): GammaGammaFit | null {
  if (d.buyers === 0 || !(d.meanZbar > 0)) return null;
  const ceiling = fitAtCeiling(d);
  if (ceiling.fit) return ceiling.fit;
  const params = (w: ArrayLike<number>): GammaGammaParams => {
    const q = qOf(w[1]);
    return { p: Math.exp(w[0]), q, v: Math.exp(w[2]) * q };
  };
  const negLL = (w: readonly number[]) => -gammaGammaLogLikelihood(params(w), d);
  const g = new Float64Array(3);
  const negLLGrad = (w: Float64Array, out: Float64Array) => {
    const pr = params(w);
    const ll = gammaGammaLogLikelihoodGradient(pr, d, g);
    // Chain rule: dq/dw1 = q(1 − q/MAX_Q), and v = e^{w2}·q moves with q.
    const dq = pr.q * (1 - pr.q / GAMMA_GAMMA_MAX_Q);
    out[0] = -g[0] * pr.p;
    out[1] = -(g[1] + g[2] * Math.exp(w[2])) * dq;
    out[2] = -g[2] * pr.v;
    return -ll;
  };
  const toW = (p: number, q: number, v: number) => [Math.log(p), wOfQ(q), Math.log(v / q)];
  // With p = 1, q = 2 the implied population mean v·p/(q−1) equals the data mean when v = mean.
  const m = d.meanZbar;
  const starts = [toW(1, 2, m), toW(5, 4, (m * 3) / 5)];
  const prev = options.start;
  if (prev && prev.p > 0 && prev.q > 0 && prev.v > 0) starts.push(toW(prev.p, prev.q, prev.v));
  const fit = minimise(negLL, negLLGrad, starts);
  if (!fit) return null;
  return {
    params: params(fit.x),
    ll: -fit.fx,
    evaluations: ceiling.evaluations + fit.evaluations,
    converged: fit.converged,
    method: fit.method,
  };
}

/**
 * E[order value | x, zbar] = p (v + x·zbar) / (p x + q − 1): a weighted average of the population
 * mean v p / (q − 1) and the buyer's own mean. Undefined (NaN) when q ≤ 1 (no finite population mean).
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = params;
  if (!(q > 1)) return Number.NaN;
  return (p * (v + x * zbar)) / (p * x + q - 1);
}
