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

/** Rows with x > 0 and zbar > 0; logs that do not depend on the parameters are taken once here. */
export interface GammaGammaData {
  buyers: number;
  /** x·zbar per row: the buyer's repeat spend. */
  xz: Float64Array;
  /** ln(x·zbar) per row. */
  logXz: Float64Array;
  x: Float64Array;
  /** Distinct x values and how many rows have each, for the per-x log-gamma terms. */
  xValues: Float64Array;
  xCount: Float64Array;
  /** Σ ln zbar over the rows: the parameter-free part of the likelihood. */
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
  const counts = new Map<number, number>();
  let total = 0;
  let sumLogZbar = 0;
  const xz = new Float64Array(xs.length);
  const logXz = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    counts.set(xs[i], (counts.get(xs[i]) ?? 0) + 1);
    total += zs[i];
    sumLogZbar += Math.log(zs[i]);
    xz[i] = xs[i] * zs[i];
    logXz[i] = Math.log(xz[i]);
  }
  return {
    buyers: xs.length,
    xz,
    logXz,
    x: Float64Array.from(xs),
    xValues: Float64Array.from(counts.keys()),
    xCount: Float64Array.from(counts.values()),
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
 * t = x·zbar / v and u = v + x·zbar, let A = ln(1 + 1/t) and B = ln(1 + t); then
 *   ll    = Σₓ c[lnΓ(px+q) − lnΓ(px) − lnΓ(q)] − Σ ln zbar − p Σ x·A − q Σ B
 *   ∂/∂p = Σ x[ψ(px+q) − ψ(px)] − Σ x·A
 *   ∂/∂q = Σ [ψ(px+q) − ψ(q)] − Σ B
 *   ∂/∂v = q Σ t/u − p Σ x/u
 * This is the paper's Γ(px+q)/(Γ(px)Γ(q)) · v^q · x^(px) · zbar^(px−1) / u^(px+q), with its
 * ln terms grouped so that nothing huge cancels: A and B are small or plain logs, whichever of
 * t < 1 or t ≥ 1 holds (one log1p per row, the other from ln t = ln(x·zbar) − ln v). Written
 * as sums of ln u times p or q instead, a shop whose buyers spend alike (q and v huge) or
 * always spend the same (p huge) lost every digit to rounding, and the fit wandered.
 * The log-gamma and digamma terms depend on x only and are summed per distinct x.
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
  let sXA = 0;
  let sB = 0;
  let sTInv = 0;
  let sXInv = 0;
  const { x: xs, xz, logXz } = d;
  const n = d.buyers;
  const logV = Math.log(v);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const t = xz[i] / v;
    const logT = logXz[i] - logV;
    let a: number;
    let b: number;
    if (t < 1) {
      b = Math.log1p(t);
      a = b - logT;
    } else {
      a = Math.log1p(1 / t);
      b = a + logT;
    }
    sXA += x * a;
    sB += b;
    if (grad) {
      const inv = 1 / (v + xz[i]);
      sTInv += t * inv;
      sXInv += x * inv;
    }
  }
  if (grad) {
    grad[0] = dpX - sXA;
    grad[1] = dqX - sB;
    grad[2] = q * sTInv - p * sXInv;
  }
  return perX - d.sumLogZbar - p * sXA - q * sB;
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
 * Above this p a buyer's order values vary by under 0.1 % around their own mean (their
 * coefficient of variation is 1/√p): the shop sells each buyer the same thing at the same
 * price, again and again. The likelihood then rises without end as p → ∞ with v·p fixed, and
 * the search wandered there as it did along q.
 */
export const GAMMA_GAMMA_MAX_P = 1e6;

/**
 * The fit of a shop that lies at a ceiling, or no fit for every other shop (with the probes'
 * evaluations either way). Three cheap probes, each a BFGS over the parameters left free: p and
 * q both at their ceilings (every order alike), q alone (every buyer spends alike), p alone
 * (each buyer always spends the same). A probe is the answer when the likelihood still rises
 * along each ridge it sits on, so its maximum is at the ceiling. Along q the ridge keeps v/q
 * (ν's mean) fixed, along p it keeps v·p (each buyer's mean spend) fixed, and v is written in
 * those terms so the free parameters stay put. A shop with real spread on both counts is
 * refused by all three after a few dozen evaluations and goes to the full fit.
 */
type Ceiling = readonly [atP: boolean, atQ: boolean];
const ALL_CEILINGS: readonly Ceiling[] = [
  [true, true],
  [false, true],
  [true, false],
];

function fitAtCeiling(
  d: GammaGammaData,
  which: readonly Ceiling[] = ALL_CEILINGS,
): { fit: GammaGammaFit | null; evaluations: number } {
  let evaluations = 0;
  for (const [atP, atQ] of which) {
    const probe = probeCeiling(d, atP, atQ);
    evaluations += probe.evaluations;
    if (probe.fit) return { fit: { ...probe.fit, evaluations }, evaluations };
  }
  return { fit: null, evaluations };
}

/**
 * Which ceilings the data point to, from moments alone (one pass, no fit). Within a group of
 * buyers with the same x, ln zbar varies by Var(ln μ) between buyers (ψ′(q): zero as q → ∞)
 * plus about 1/(p·x) within them (zero as p → ∞), so a least-squares line of each group's
 * variance of ln zbar against 1/x estimates both parts. Logs, not amounts: with q < 2 the
 * amounts' variance between buyers is infinite and their sample variance says nothing. Only a
 * hint: the probe it picks is accepted only at the likelihood's maximum, and a shop it
 * misjudges gets the full fit (and every probe before Nelder–Mead).
 */
export function gammaGammaCeilingHints(d: GammaGammaData): Ceiling[] {
  const groups = new Map<number, { n: number; sum: number; sumSq: number }>();
  // Shifted by the first value, so equal amounts give a variance of exactly zero.
  const shift = d.buyers > 0 ? d.logXz[0] - Math.log(d.x[0]) : 0;
  for (let i = 0; i < d.buyers; i++) {
    const x = d.x[i];
    const z = d.logXz[i] - Math.log(x) - shift;
    const g = groups.get(x) ?? { n: 0, sum: 0, sumSq: 0 };
    g.n++;
    g.sum += z;
    g.sumSq += z * z;
    groups.set(x, g);
  }
  // Weighted least squares of s²ₓ = A + B/x, weight = group size.
  let sw = 0;
  let su = 0;
  let suu = 0;
  let sy = 0;
  let suy = 0;
  for (const [x, g] of groups) {
    if (g.n < 2) continue;
    const mean = g.sum / g.n;
    const variance = Math.max(0, (g.sumSq - g.n * mean * mean) / (g.n - 1));
    const u = 1 / x;
    sw += g.n;
    su += g.n * u;
    suu += g.n * u * u;
    sy += g.n * variance;
    suy += g.n * u * variance;
  }
  if (!(sw > 0)) return [];
  const det = sw * suu - su * su;
  // One x value only: the two parts cannot be told apart; all alike still points to both.
  if (!(det > 1e-12 * sw * sw)) return sy / sw <= 1e-10 ? [[true, true]] : [];
  const b = (sw * suy - su * sy) / det;
  const a = (sy - b * su) / sw;
  const within = Math.max(b, 0) * (su / sw);
  const noBetween = a <= 0.01 * within + 1e-10;
  const noWithin = within <= 0.001 * Math.max(a, 0) + 1e-10;
  const out: Ceiling[] = [];
  if (noBetween && noWithin) out.push([true, true]);
  if (noBetween) out.push([false, true]);
  if (noWithin) out.push([true, false]);
  return out;
}

function probeCeiling(
  d: GammaGammaData,
  atP: boolean,
  atQ: boolean,
): { fit: GammaGammaFit | null; evaluations: number } {
  const g = new Float64Array(3);
  // Free parameters, in order: ln p (unless at its ceiling), logit q (unless at its), then s.
  const params = (w: ArrayLike<number>): GammaGammaParams => {
    let i = 0;
    const p = atP ? GAMMA_GAMMA_MAX_P : Math.exp(w[i++]);
    const q = atQ ? GAMMA_GAMMA_MAX_Q : qOf(w[i++]);
    const v = (Math.exp(w[i]) * (atQ ? q : 1)) / (atP ? p : 1);
    return { p, q, v };
  };
  // Starts with the population's mean order value p·v/(q − 1) near the data's.
  const start = [...(atP ? [] : [0]), ...(atQ ? [] : [wOfQ(2)]), Math.log(d.meanZbar)];
  const res = bfgs(
    (w, out) => {
      const pr = params(w);
      const ll = gammaGammaLogLikelihoodGradient(pr, d, g);
      let i = 0;
      if (!atP) out[i++] = -g[0] * pr.p;
      if (!atQ) out[i++] = -g[1] * pr.q * (1 - pr.q / GAMMA_GAMMA_MAX_Q);
      out[i] = -g[2] * pr.v;
      return -ll;
    },
    start,
    // At a ceiling the likelihood is steep across the ridge (curvature ~ p or q), so rounding
    // hides the last steps sooner: a step under 1e-4 (0.01 % in each parameter) is arrived.
    { gradientTolerance: 1e-10, maxIterations: 200, stepTolerance: 1e-4 },
  );
  const evaluations = res.evaluations + 1;
  if (!res.converged || !Number.isFinite(res.fx)) return { fit: null, evaluations };
  const best = params(res.x);
  gammaGammaLogLikelihoodGradient(best, d, g);
  // d ll along each ridge: q up with v/q held, p up with v·p held.
  if (atQ && !(g[1] + (best.v / best.q) * g[2] >= 0)) return { fit: null, evaluations };
  if (atP && !(g[0] - (best.v / best.p) * g[2] >= 0)) return { fit: null, evaluations };
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
  // Shops at a ceiling stall every BFGS run: the moments say which to probe first.
  const hinted = fitAtCeiling(d, gammaGammaCeilingHints(d));
  if (hinted.fit) return hinted.fit;
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
  // A shop the hints missed: every probe, before Nelder–Mead would wander.
  const fit = minimise(negLL, negLLGrad, starts, {
    beforeFallback: () => {
      const { fit: at, evaluations } = fitAtCeiling(d);
      return at ? { x: toW(at.params.p, at.params.q, at.params.v), fx: -at.ll, evaluations } : null;
    },
  });
  if (!fit) return null;
  return {
    params: params(fit.x),
    ll: -fit.fx,
    evaluations: hinted.evaluations + fit.evaluations,
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
