import { minimise } from './math/minimise';
import { digamma, hyp2f1, logGamma } from './math/special';

/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases
 * follow a Poisson process with Gamma(r, α) rates while alive; after each purchase the buyer
 * drops out with a Beta(a, b) probability. Inputs per buyer, in one time unit (days or weeks):
 * x = repeat purchases (distinct purchase days − 1), tx = time of the last purchase and T = age,
 * both measured from the first purchase.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdRow {
  x: number;
  tx: number;
  T: number;
}

/**
 * The buyers compressed for fast likelihood evaluation: identical (x, tx, T) rows become one
 * weighted row and every logarithm that depends only on x, tx or T is computed once per distinct
 * value per evaluation, so each row costs one exp and one log1p at most.
 */
export interface BgNbdData {
  buyers: number;
  repeatBuyers: number;
  xValues: Float64Array;
  txValues: Float64Array;
  TValues: Float64Array;
  /** Per weighted row: indexes into the value tables, and the number of buyers it stands for. */
  rowX: Int32Array;
  rowTx: Int32Array;
  rowT: Int32Array;
  rowWeight: Float64Array;
  /** Buyers per distinct x (the sum of the weights of its rows), for the x-only likelihood terms. */
  xWeight: Float64Array;
}

export function compressBgNbd(rows: Iterable<BgNbdRow>): BgNbdData {
  const xIdx = new Map<number, number>();
  const txIdx = new Map<number, number>();
  const TIdx = new Map<number, number>();
  // Rows are keyed by their three value indexes packed into one number (exact below 2^53) while
  // the indexes fit in 17 + 17 + 19 bits, which any real shop does; strings beyond that.
  const rowIdx = new Map<number | string, number>();
  const rx: number[] = [];
  const rtx: number[] = [];
  const rT: number[] = [];
  const rw: number[] = [];
  const indexOf = (m: Map<number, number>, v: number) => {
    let i = m.get(v);
    if (i === undefined) {
      i = m.size;
      m.set(v, i);
    }
    return i;
  };
  let buyers = 0;
  let repeatBuyers = 0;
  for (const { x, tx, T } of rows) {
    buyers++;
    if (x > 0) repeatBuyers++;
    const xi = indexOf(xIdx, x);
    // tx does not enter the likelihood when x = 0; folding it keeps one-time buyers in few rows.
    const ti = indexOf(txIdx, x > 0 ? tx : 0);
    const Ti = indexOf(TIdx, T);
    const key =
      xi < 2 ** 19 && ti < 2 ** 17 && Ti < 2 ** 17 ? (xi * 2 ** 17 + ti) * 2 ** 17 + Ti : `${xi},${ti},${Ti}`;
    const r = rowIdx.get(key);
    if (r !== undefined) rw[r]++;
    else {
      rowIdx.set(key, rx.length);
      rx.push(xi);
      rtx.push(ti);
      rT.push(Ti);
      rw.push(1);
    }
  }
  const xWeight = new Float64Array(xIdx.size);
  for (let k = 0; k < rx.length; k++) xWeight[rx[k]] += rw[k];
  return {
    buyers,
    repeatBuyers,
    xWeight,
    xValues: Float64Array.from(xIdx.keys()),
    txValues: Float64Array.from(txIdx.keys()),
    TValues: Float64Array.from(TIdx.keys()),
    rowX: Int32Array.from(rx),
    rowTx: Int32Array.from(rtx),
    rowT: Int32Array.from(rT),
    rowWeight: Float64Array.from(rw),
  };
}

/**
 * Log-likelihood of the data (sum over buyers). With A = B(a, b+x)/B(a, b) · Γ(r+x)α^r/Γ(r):
 * L = A · [(α+T)^−(r+x) + [x>0] · a/(b+x−1) · (α+tx)^−(r+x)], evaluated in logs with log-sum-exp.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, d: BgNbdData): number {
  return bgnbdLogLikelihoodGradient(p, d, null);
}

/**
 * The log-likelihood and, into `grad` when given, its gradient in (r, α, a, b). Per buyer, with
 * π = the share of the second (dropped-out-after-tx) term in the log-sum-exp:
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−π) ln(α+T) − π ln(α+tx)
 *   ∂/∂α = r/α − (r+x) [(1−π)/(α+T) + π/(α+tx)]
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + π/a
 *   ∂/∂b = ψ(b+x) − ψ(b) + ψ(a+b) − ψ(a+b+x) − π/(b+x−1)
 * Everything that depends on x alone is summed once per distinct x (weighted by its buyers), so
 * the loop over rows costs one exp and one log1p per row — the same as the value alone.
 */
export function bgnbdLogLikelihoodGradient(p: BgNbdParams, d: BgNbdData, grad: Float64Array | null): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
    grad?.fill(Number.NaN);
    return Number.NaN;
  }
  const nx = d.xValues.length;
  const xBranch = new Float64Array(nx);
  const invB1 = new Float64Array(nx);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const logA = Math.log(a);
  const psiR = grad ? digamma(r) : 0;
  const psiB = grad ? digamma(b) : 0;
  const psiAB = grad ? digamma(a + b) : 0;
  // Σ over buyers of the x-only terms (value and gradient).
  let constSum = 0;
  let dr = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < nx; i++) {
    const x = d.xValues[i];
    const w = d.xWeight[i];
    constSum += w * (logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
    xBranch[i] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    invB1[i] = x > 0 ? 1 / (b + x - 1) : 0;
    if (grad && x > 0) {
      const psiABX = digamma(a + b + x);
      dr += w * (digamma(r + x) - psiR);
      da += w * (psiAB - psiABX);
      db += w * (digamma(b + x) - psiB + psiAB - psiABX);
    }
  }
  const logAT = logsOfShifted(d.TValues, alpha);
  const logAtx = logsOfShifted(d.txValues, alpha);
  // 1/(α+T) and 1/(α+tx) per distinct value, so the gradient adds no division per row.
  const invAT = grad ? inversesOfShifted(d.TValues, alpha) : logAT;
  const invAtx = grad ? inversesOfShifted(d.txValues, alpha) : logAtx;
  let sum = 0;
  // Σ w·[(1−π) ln(α+T) + π ln(α+tx)], Σ w·(r+x)[(1−π)/(α+T) + π/(α+tx)], Σ w·π, Σ w·π/(b+x−1).
  let sLog = 0;
  let sInv = 0;
  let sPi = 0;
  let sPiB = 0;
  const n = d.rowWeight.length;
  const { rowX, rowT, rowTx, rowWeight, xValues } = d;
  for (let k = 0; k < n; k++) {
    const xi = rowX[k];
    const x = xValues[xi];
    const rx = r + x;
    const w = rowWeight[k];
    const Ti = rowT[k];
    const lT = logAT[Ti];
    const first = -rx * lT;
    if (x > 0) {
      const ti = rowTx[k];
      const lt = logAtx[ti];
      // second − first = ln(a/(b+x−1)) + (r+x)·(ln(α+T) − ln(α+tx)).
      const diff = xBranch[xi] + rx * (lT - lt);
      let term: number;
      let pi: number;
      if (diff > 0) {
        const e = Math.exp(-diff);
        term = first + diff + Math.log1p(e);
        pi = 1 / (1 + e);
      } else {
        const e = Math.exp(diff);
        term = first + Math.log1p(e);
        pi = e / (1 + e);
      }
      sum += w * term;
      if (grad) {
        const wpi = w * pi;
        sLog += w * lT + wpi * (lt - lT);
        const iT = invAT[Ti];
        sInv += w * rx * (iT + pi * (invAtx[ti] - iT));
        sPi += wpi;
        sPiB += wpi * invB1[xi];
      }
    } else {
      sum += w * first;
      if (grad) {
        sLog += w * lT;
        sInv += w * rx * invAT[Ti];
      }
    }
  }
  const logAlpha = Math.log(alpha);
  if (grad) {
    grad[0] = dr + d.buyers * logAlpha - sLog;
    grad[1] = (d.buyers * r) / alpha - sInv;
    grad[2] = da + sPi / a;
    grad[3] = db - sPiB;
  }
  return constSum + sum + d.buyers * r * logAlpha;
}

function inversesOfShifted(values: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = 1 / (shift + values[i]);
  return out;
}

function logsOfShifted(values: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.log(shift + values[i]);
  return out;
}

export interface BgNbdFit {
  params: BgNbdParams;
  ll: number;
  evaluations: number;
  converged: boolean;
  /** Which optimiser produced the result: BFGS, or Nelder–Mead when BFGS did not converge. */
  method: 'bfgs' | 'nelder-mead';
}

export interface FitOptions<P> {
  /** Parameters of an earlier fit (e.g. yesterday's), screened as one more starting point. */
  start?: P;
}

/**
 * Maximum likelihood on log-parameters (every step stays inside the domain). A few starting
 * points (and `options.start`) are screened by their likelihood; BFGS with the analytic
 * gradient runs from the best. If it does not converge (e.g. stalls in the long flat valleys in
 * a and b), Nelder–Mead with restarts continues from where it stopped. Null when nothing finite
 * is found.
 */
export function fitBgNbd(d: BgNbdData, options: FitOptions<BgNbdParams> = {}): BgNbdFit | null {
  if (d.buyers === 0) return null;
  const meanT = meanOf(d.TValues, d.rowT, d.rowWeight, d.buyers);
  const scale = meanT > 0 ? meanT : 1;
  const params = (w: ArrayLike<number>): BgNbdParams => ({
    r: Math.exp(w[0]),
    alpha: Math.exp(w[1]),
    a: Math.exp(w[2]),
    b: Math.exp(w[3]),
  });
  const negLL = (w: readonly number[]) => -bgnbdLogLikelihood(params(w), d);
  const g = new Float64Array(4);
  const negLLGrad = (w: Float64Array, out: Float64Array) => {
    const p = params(w);
    const ll = bgnbdLogLikelihoodGradient(p, d, g);
    // Chain rule for log-parameters: ∂/∂ln θ = θ · ∂/∂θ.
    out[0] = -g[0] * p.r;
    out[1] = -g[1] * p.alpha;
    out[2] = -g[2] * p.a;
    out[3] = -g[3] * p.b;
    return -ll;
  };
  // A neutral start scaled to the data, and ones leaning towards low/high dropout.
  const starts = [
    [0, Math.log(scale), 0, 0],
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(2)],
    [Math.log(2), Math.log(scale * 2), Math.log(2), Math.log(8)],
    [Math.log(0.25), Math.log(scale / 10), Math.log(1), Math.log(3)],
  ];
  const prev = options.start;
  if (prev && prev.r > 0 && prev.alpha > 0 && prev.a > 0 && prev.b > 0) {
    starts.push([Math.log(prev.r), Math.log(prev.alpha), Math.log(prev.a), Math.log(prev.b)]);
  }
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

function meanOf(values: Float64Array, idx: Int32Array, w: Float64Array, n: number): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += values[idx[k]] * w[k];
  return s / n;
}

/** ln of a/(b+x−1) · ((α+T)/(α+tx))^(r+x): the odds that a buyer with repeats has dropped out. */
function logDropoutOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
}

/** P(alive | x, tx, T). A buyer without repeat purchases is alive by the model's assumption. */
export function bgnbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const lo = logDropoutOdds(p, x, tx, T);
  return lo === Number.NEGATIVE_INFINITY ? 1 : 1 / (1 + Math.exp(lo));
}

/**
 * Expected purchases in the next `t` time units given (x, tx, T):
 * [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + odds).
 */
export function bgnbdConditionalExpected(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  // The closed form has a removable singularity at a = 1; average the two sides of it.
  if (Math.abs(p.a - 1) < 1e-7) {
    const lo = bgnbdConditionalExpected({ ...p, a: 1 - 1e-5 }, t, x, tx, T);
    const hi = bgnbdConditionalExpected({ ...p, a: 1 + 1e-5 }, t, x, tx, T);
    return (lo + hi) / 2;
  }
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const power = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const hyp = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - power * hyp);
  const odds = Math.exp(logDropoutOdds(p, x, tx, T));
  const e = numerator / (1 + odds);
  return Number.isFinite(e) && e > 0 ? e : 0;
}
