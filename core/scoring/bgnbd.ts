import { nelderMead } from './math/nelderMead';
import { hyp2f1, logGamma } from './math/special';

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
}

export function compressBgNbd(rows: Iterable<BgNbdRow>): BgNbdData {
  const xIdx = new Map<number, number>();
  const txIdx = new Map<number, number>();
  const TIdx = new Map<number, number>();
  const rowIdx = new Map<string, number>();
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
    const key = `${xi},${ti},${Ti}`;
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
  return {
    buyers,
    repeatBuyers,
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
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
  const nx = d.xValues.length;
  const xConst = new Float64Array(nx);
  const xBranch = new Float64Array(nx);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const logA = Math.log(a);
  for (let i = 0; i < nx; i++) {
    const x = d.xValues[i];
    xConst[i] = logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    xBranch[i] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logAT = logsOfShifted(d.TValues, alpha);
  const logAtx = logsOfShifted(d.txValues, alpha);
  const rLogAlpha = r * Math.log(alpha);
  let sum = 0;
  const n = d.rowWeight.length;
  for (let k = 0; k < n; k++) {
    const xi = d.rowX[k];
    const x = d.xValues[xi];
    const rx = r + x;
    const first = -rx * logAT[d.rowT[k]];
    let term: number;
    if (x > 0) {
      const second = xBranch[xi] - rx * logAtx[d.rowTx[k]];
      term =
        first > second
          ? first + Math.log1p(Math.exp(second - first))
          : second + Math.log1p(Math.exp(first - second));
    } else term = first;
    sum += d.rowWeight[k] * (xConst[xi] + term);
  }
  return sum + d.buyers * rLogAlpha;
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
}

/**
 * Maximum likelihood by Nelder–Mead on log-parameters. A few starting points are screened by
 * their likelihood and the simplex starts from the best; the minimiser then restarts around its
 * own optimum until a restart no longer improves it (the surface has long flat valleys in a
 * and b, where a single simplex can stall). Returns null when nothing finite is found.
 */
export function fitBgNbd(d: BgNbdData): BgNbdFit | null {
  if (d.buyers === 0) return null;
  const meanT = meanOf(d.TValues, d.rowT, d.rowWeight, d.buyers);
  const scale = meanT > 0 ? meanT : 1;
  const negLL = (v: readonly number[]) =>
    -bgnbdLogLikelihood(
      { r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) },
      d,
    );
  // Starts: a neutral one scaled to the data, and ones leaning towards low/high dropout.
  const starts = [
    [0, Math.log(scale), 0, 0],
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(2)],
    [Math.log(2), Math.log(scale * 2), Math.log(2), Math.log(8)],
    [Math.log(0.25), Math.log(scale / 10), Math.log(1), Math.log(3)],
  ];
  let start = starts[0];
  let startValue = Number.POSITIVE_INFINITY;
  for (const s of starts) {
    const v = negLL(s);
    if (v < startValue) {
      start = s;
      startValue = v;
    }
  }
  const res = nelderMead(negLL, start, {
    initialStep: 0.7,
    maxEvaluations: 5000,
    restarts: 4,
    fTolerance: 1e-10,
    xTolerance: 1e-6,
  });
  if (!Number.isFinite(res.fx)) return null;
  return {
    params: {
      r: Math.exp(res.x[0]),
      alpha: Math.exp(res.x[1]),
      a: Math.exp(res.x[2]),
      b: Math.exp(res.x[3]),
    },
    ll: -res.fx,
    evaluations: res.evaluations + starts.length,
    converged: res.converged,
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
