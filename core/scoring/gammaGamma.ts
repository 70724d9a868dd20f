import type { FitOptions } from './bgnbd';
import { minimise } from './math/minimise';
import { digamma, logGamma } from './math/special';

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
  /** Σ x·ln x, Σ x·ln zbar and Σ ln zbar over the rows: the parameter-free parts of the sums. */
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
  let sumXLogX = 0;
  let sumXLogZbar = 0;
  let sumLogZbar = 0;
  for (let i = 0; i < xs.length; i++) {
    xCount[rowX[i]]++;
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
 * The log-likelihood and, into `grad` when given, its gradient in (p, q, v). With
 * L = ln(v + x·zbar) per row:
 *   ∂/∂p = Σ x[ψ(px+q) − ψ(px)] + Σ x ln x + Σ x ln zbar − Σ x L
 *   ∂/∂q = Σ [ψ(px+q) − ψ(q)] − Σ L + N ln v
 *   ∂/∂v = N q / v − Σ (px+q)/(v + x·zbar)
 * The log-gamma and digamma terms depend on x only and are summed per distinct x; the row loop
 * costs one log and one division per buyer.
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
  const lgQ = logGamma(q);
  const psiQ = grad ? digamma(q) : 0;
  let perX = 0;
  let dpX = 0;
  let dqX = 0;
  for (let i = 0; i < nx; i++) {
    const x = d.xValues[i];
    const c = d.xCount[i];
    const px = p * x;
    perX += c * (logGamma(px + q) - logGamma(px) - lgQ);
    if (grad) {
      const psiPXQ = digamma(px + q);
      dpX += c * x * (psiPXQ - digamma(px));
      dqX += c * (psiPXQ - psiQ);
    }
  }
  // Σ L, Σ x·L, and for the gradient Σ 1/(v + x·zbar), Σ x/(v + x·zbar).
  let sL = 0;
  let sXL = 0;
  let sInv = 0;
  let sXInv = 0;
  const { x: xs, zbar } = d;
  const n = d.buyers;
  if (grad) {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const u = v + x * zbar[i];
      const l = Math.log(u);
      const inv = 1 / u;
      sL += l;
      sXL += x * l;
      sInv += inv;
      sXInv += x * inv;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const l = Math.log(v + x * zbar[i]);
      sL += l;
      sXL += x * l;
    }
  }
  const logV = Math.log(v);
  if (grad) {
    grad[0] = dpX + d.sumXLogX + d.sumXLogZbar - sXL;
    grad[1] = dqX - sL + n * logV;
    grad[2] = (n * q) / v - (p * sXInv + q * sInv);
  }
  return perX + p * (d.sumXLogX + d.sumXLogZbar) - d.sumLogZbar - p * sXL - q * sL + n * q * logV;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  ll: number;
  evaluations: number;
  converged: boolean;
  method: 'bfgs' | 'nelder-mead';
}

/**
 * Maximum likelihood on log-parameters, from the better of two screened starts (and
 * `options.start`): BFGS with the analytic gradient, Nelder–Mead if that does not converge.
 * `v` starts on the data's scale, so any currency unit works.
 */
export function fitGammaGamma(
  d: GammaGammaData,
  options: FitOptions<GammaGammaParams> = {},
): GammaGammaFit | null {
  if (d.buyers === 0 || !(d.meanZbar > 0)) return null;
  const params = (w: ArrayLike<number>): GammaGammaParams => ({
    p: Math.exp(w[0]),
    q: Math.exp(w[1]),
    v: Math.exp(w[2]),
  });
  const negLL = (w: readonly number[]) => -gammaGammaLogLikelihood(params(w), d);
  const g = new Float64Array(3);
  const negLLGrad = (w: Float64Array, out: Float64Array) => {
    const pr = params(w);
    const ll = gammaGammaLogLikelihoodGradient(pr, d, g);
    // Chain rule for log-parameters: ∂/∂ln θ = θ · ∂/∂θ.
    out[0] = -g[0] * pr.p;
    out[1] = -g[1] * pr.q;
    out[2] = -g[2] * pr.v;
    return -ll;
  };
  // With p = 1, q = 2 the implied population mean v·p/(q−1) equals the data mean when v = mean.
  const m = Math.log(d.meanZbar);
  const starts = [
    [0, Math.log(2), m],
    [Math.log(5), Math.log(4), m + Math.log(3 / 5)],
  ];
  const prev = options.start;
  if (prev && prev.p > 0 && prev.q > 0 && prev.v > 0)
    starts.push([Math.log(prev.p), Math.log(prev.q), Math.log(prev.v)]);
  const fit = minimise(negLL, negLLGrad, starts);
  if (!fit) return null;
  return {
    params: params(fit.x),
    ll: -fit.fx,
    evaluations: fit.evaluations,
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
