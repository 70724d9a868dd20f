import { nelderMead } from './math/nelderMead';
import { logGamma } from './math/special';

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
  return {
    buyers: xs.length,
    x: Float64Array.from(xs),
    zbar: Float64Array.from(zs),
    xLogX: Float64Array.from(xs, (x) => x * Math.log(x)),
    logZbar: Float64Array.from(zs, Math.log),
    xValues: Float64Array.from(xIdx.keys()),
    rowX,
    meanZbar: xs.length > 0 ? total / xs.length : 0,
  };
}

/**
 * Σ ln f(zbar | x) with f = Γ(px+q)/(Γ(px)Γ(q)) · v^q · x^(px) · zbar^(px−1) / (v + x·zbar)^(px+q).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, d: GammaGammaData): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return Number.NaN;
  const nx = d.xValues.length;
  const perX = new Float64Array(nx);
  const lgQ = logGamma(q);
  for (let i = 0; i < nx; i++) {
    const px = p * d.xValues[i];
    perX[i] = logGamma(px + q) - logGamma(px) - lgQ;
  }
  let sum = 0;
  for (let i = 0; i < d.buyers; i++) {
    const x = d.x[i];
    const px = p * x;
    sum +=
      perX[d.rowX[i]] + p * d.xLogX[i] + (px - 1) * d.logZbar[i] - (px + q) * Math.log(v + x * d.zbar[i]);
  }
  return sum + d.buyers * q * Math.log(v);
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  ll: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Maximum likelihood by Nelder–Mead on log-parameters (restarting around its optimum), from the
 * better of two screened starts; `v` starts on the data's scale, so any currency unit works.
 */
export function fitGammaGamma(d: GammaGammaData): GammaGammaFit | null {
  if (d.buyers === 0 || !(d.meanZbar > 0)) return null;
  const negLL = (w: readonly number[]) =>
    -gammaGammaLogLikelihood({ p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) }, d);
  // With p = 1, q = 2 the implied population mean v·p/(q−1) equals the data mean when v = mean.
  const m = Math.log(d.meanZbar);
  const starts = [
    [0, Math.log(2), m],
    [Math.log(5), Math.log(4), m + Math.log(3 / 5)],
  ];
  const values = starts.map(negLL);
  const start = values[1] < values[0] ? starts[1] : starts[0];
  const res = nelderMead(negLL, start, {
    initialStep: 0.7,
    maxEvaluations: 5000,
    restarts: 4,
    fTolerance: 1e-10,
    xTolerance: 1e-6,
  });
  if (!Number.isFinite(res.fx)) return null;
  return {
    params: { p: Math.exp(res.x[0]), q: Math.exp(res.x[1]), v: Math.exp(res.x[2]) },
    ll: -res.fx,
    evaluations: res.evaluations + starts.length,
    converged: res.converged,
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
