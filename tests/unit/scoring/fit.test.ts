import { describe, expect, it } from 'vitest';
import { DAY_MS, defaultSettings } from '../../../core/model';
import { aggregateOrders } from '../../../core/scoring/aggregate';
import {
  type BgNbdParams,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodGradient,
  compressBgNbd,
  fitBgNbd,
} from '../../../core/scoring/bgnbd';
import { bgnbdInputs, hasPaidPurchase, repeatMeanSpend } from '../../../core/scoring/features';
import {
  fitGammaGamma,
  GAMMA_GAMMA_MAX_P,
  GAMMA_GAMMA_MAX_Q,
  type GammaGammaParams,
  gammaGammaCeilingHints,
  gammaGammaExpectedValue,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  prepareGammaGamma,
} from '../../../core/scoring/gammaGamma';
import { bfgs } from '../../../core/scoring/math/bfgs';
import { minimise } from '../../../core/scoring/math/minimise';
import { nelderMead } from '../../../core/scoring/math/nelderMead';
import { digamma, logGamma, logGammaRatio } from '../../../core/scoring/math/special';
import { syntheticShop } from '../../support/synthetic';
import { readSummaryWithTransactions } from './cdnow';

const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);
const EULER = 0.5772156649015329;

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 14);
  });

  it('satisfies ψ(x+1) = ψ(x) + 1/x and is the derivative of ln Γ', () => {
    for (const x of [1e-3, 0.07, 0.9, 3.3, 9.99, 25, 1234.5]) {
      expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 10);
      const h = 1e-5 * Math.max(1, x);
      const fd = (logGamma(x + h) - logGamma(x - Math.min(h, x / 2))) / (h + Math.min(h, x / 2));
      expect(Math.abs(digamma(x) - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
    }
  });
});

describe('bfgs', () => {
  it('finds the minimum of a shifted quadratic in a few evaluations', () => {
    const res = bfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        g[1] = 20 * (x[1] + 1);
        return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2;
      },
      [0, 0],
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(3, 8);
    expect(res.x[1]).toBeCloseTo(-1, 8);
    expect(res.evaluations).toBeLessThan(30);
  });

  it('follows the curved Rosenbrock valley to (1, 1)', () => {
    const res = bfgs(
      (x, g) => {
        const a = 1 - x[0];
        const b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
      },
      [-1.2, 1],
      { maxStep: 1 },
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
  });

  it('backs away from non-finite values', () => {
    // ln-barrier: undefined for x ≤ 0, minimum at x = 1.
    const res = bfgs(
      (x, g) => {
        g[0] = 1 - 1 / x[0];
        return x[0] - Math.log(x[0]);
      },
      [5],
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 8);
  });
});

describe('minimise', () => {
  it('falls back to Nelder–Mead when the gradient is useless', () => {
    const f = (w: readonly number[]) => (w[0] - 2) ** 2 + (w[1] + 1) ** 2;
    const res = minimise(
      f,
      (w, g) => {
        // A gradient that points the wrong way: BFGS cannot make progress.
        g[0] = -(w[0] - 2);
        g[1] = -(w[1] + 1);
        return f(Array.from(w));
      },
      [[0, 0]],
    );
    expect(res?.method).toBe('nelder-mead');
    expect(res!.x[0]).toBeCloseTo(2, 4);
    expect(res!.x[1]).toBeCloseTo(-1, 4);
  });
});

/** Central finite differences of `f` in each coordinate, with a step relative to the value. */
function numericGradient(f: (p: number[]) => number, p: number[]): number[] {
  return p.map((v, i) => {
    const h = 1e-6 * v;
    const up = [...p];
    const down = [...p];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe('analytic likelihood gradients', () => {
  const summary = readSummaryWithTransactions();
  const bg = compressBgNbd(summary);
  const gg = prepareGammaGamma(summary.map((s) => ({ x: s.x, zbar: s.zbar })));

  it('BG/NBD: matches finite differences, away from and at the optimum', () => {
    for (const p of [
      { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262 },
      { r: 1.3, alpha: 0.7, a: 3.1, b: 0.4 },
      { r: 0.05, alpha: 40, a: 0.2, b: 15 },
    ]) {
      const grad = new Float64Array(4);
      const ll = bgnbdLogLikelihoodGradient(p, bg, grad);
      expect(ll).toBeCloseTo(bgnbdLogLikelihood(p, bg), 8);
      const f = (q: number[]) => bgnbdLogLikelihood({ r: q[0], alpha: q[1], a: q[2], b: q[3] }, bg);
      const fd = numericGradient(f, [p.r, p.alpha, p.a, p.b]);
      for (let i = 0; i < 4; i++)
        expect(Math.abs(grad[i] - fd[i])).toBeLessThan(1e-4 * (1 + Math.abs(fd[i])));
    }
  });

  it('Gamma-Gamma: matches finite differences', () => {
    for (const p of [
      { p: 6.25, q: 3.74, v: 15.44 },
      { p: 0.8, q: 1.2, v: 3 },
      { p: 20, q: 0.6, v: 150 },
    ]) {
      const grad = new Float64Array(3);
      const ll = gammaGammaLogLikelihoodGradient(p, gg, grad);
      expect(ll).toBeCloseTo(gammaGammaLogLikelihood(p, gg), 8);
      const f = (q: number[]) => gammaGammaLogLikelihood({ p: q[0], q: q[1], v: q[2] }, gg);
      const fd = numericGradient(f, [p.p, p.q, p.v]);
      for (let i = 0; i < 3; i++)
        expect(Math.abs(grad[i] - fd[i])).toBeLessThan(1e-4 * (1 + Math.abs(fd[i])));
    }
  });

  it('is NaN outside the domain', () => {
    const grad = new Float64Array(4);
    expect(bgnbdLogLikelihoodGradient({ r: -1, alpha: 1, a: 1, b: 1 }, bg, grad)).toBeNaN();
    expect(grad[0]).toBeNaN();
  });
});

/** The old optimiser on its own: Nelder–Mead with restarts from the fits' neutral start. */
function nelderMeadBgNbd(d: ReturnType<typeof compressBgNbd>, scale: number): BgNbdParams & { ll: number } {
  const params = (w: readonly number[]) => ({
    r: Math.exp(w[0]),
    alpha: Math.exp(w[1]),
    a: Math.exp(w[2]),
    b: Math.exp(w[3]),
  });
  const res = nelderMead((w) => -bgnbdLogLikelihood(params(w), d), [0, Math.log(scale), 0, 0], {
    initialStep: 0.7,
    maxEvaluations: 5000,
    restarts: 4,
    fTolerance: 1e-10,
    xTolerance: 1e-6,
  });
  return { ...params(res.x), ll: -res.fx };
}

function nelderMeadGammaGamma(d: ReturnType<typeof prepareGammaGamma>): GammaGammaParams & { ll: number } {
  const params = (w: readonly number[]) => ({ p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) });
  const res = nelderMead(
    (w) => -gammaGammaLogLikelihood(params(w), d),
    [0, Math.log(2), Math.log(d.meanZbar)],
    {
      initialStep: 0.7,
      maxEvaluations: 5000,
      restarts: 4,
      fTolerance: 1e-10,
      xTolerance: 1e-6,
    },
  );
  return { ...params(res.x), ll: -res.fx };
}

describe('gradient fits agree with Nelder–Mead', () => {
  const asOf = Date.UTC(2025, 0, 1);
  const asOfDay = Math.floor(asOf / DAY_MS);
  const shop = syntheticShop({
    buyers: 8000,
    orders: 60_000,
    startMs: asOf - 730 * DAY_MS,
    endMs: asOf,
    seed: 3,
  });
  const settings = defaultSettings('zh-CN');
  const ctx = { shopCurrency: settings.shopCurrency, currencyRates: {}, timeZone: settings.timeZone };
  const aggs = shop.map((b) => aggregateOrders(b.orders, ctx)).filter(hasPaidPurchase);
  const rows = aggs.map((a) => bgnbdInputs(a, asOfDay, 7));
  const spend = aggs.flatMap((a, i) => (rows[i].x > 0 ? [{ x: rows[i].x, zbar: repeatMeanSpend(a) }] : []));
  const summary = readSummaryWithTransactions();

  it.each([
    ['CDNOW summary', compressBgNbd(summary)],
    ['synthetic shop (weeks)', compressBgNbd(rows)],
    ['synthetic shop (days)', compressBgNbd(aggs.map((a) => bgnbdInputs(a, asOfDay, 1)))],
  ])('BG/NBD on the %s', (_, d) => {
    const fit = fitBgNbd(d)!;
    expect(fit.method).toBe('bfgs');
    expect(fit.converged).toBe(true);
    expect(fit.evaluations).toBeLessThan(80);
    let sumT = 0;
    for (let k = 0; k < d.rowT.length; k++) sumT += d.TValues[d.rowT[k]] * d.rowWeight[k];
    const nm = nelderMeadBgNbd(d, sumT / d.buyers);
    // Both stop where the likelihood is flat to double precision; BFGS is no worse beyond that.
    expect(fit.ll).toBeGreaterThanOrEqual(nm.ll - 1e-9 * Math.abs(nm.ll));
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(relErr(fit.params[k], nm[k])).toBeLessThan(1e-4);
  });

  it.each([
    ['CDNOW summary', prepareGammaGamma(summary.map((s) => ({ x: s.x, zbar: s.zbar })))],
    ['synthetic shop', prepareGammaGamma(spend)],
  ])('Gamma-Gamma on the %s', (_, d) => {
    const fit = fitGammaGamma(d)!;
    expect(fit.method).toBe('bfgs');
    expect(fit.evaluations).toBeLessThan(80);
    const nm = nelderMeadGammaGamma(d);
    expect(fit.ll).toBeGreaterThanOrEqual(nm.ll - 1e-9 * Math.abs(nm.ll));
    for (const k of ['p', 'q', 'v'] as const) expect(relErr(fit.params[k], nm[k])).toBeLessThan(1e-4);
  });

  it('a warm start from an earlier fit converges to the same parameters in fewer evaluations', () => {
    const d = compressBgNbd(rows);
    const cold = fitBgNbd(d)!;
    const warm = fitBgNbd(d, { start: cold.params })!;
    expect(warm.evaluations).toBeLessThan(cold.evaluations);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(relErr(warm.params[k], cold.params[k])).toBeLessThan(1e-5);
    const g = prepareGammaGamma(spend);
    const gCold = fitGammaGamma(g)!;
    const gWarm = fitGammaGamma(g, { start: gCold.params })!;
    expect(gWarm.evaluations).toBeLessThan(gCold.evaluations);
    for (const k of ['p', 'q', 'v'] as const)
      expect(relErr(gWarm.params[k], gCold.params[k])).toBeLessThan(1e-5);
  });
});

describe('Gamma-Gamma when every buyer spends alike', () => {
  it('takes ln Γ(q + a) − ln Γ(q) accurately however large q is', () => {
    // Γ(q + 1) = q Γ(q) exactly, and ln Γ(q + 2) − ln Γ(q) = ln q + ln(q + 1).
    for (const q of [20_000, 1e6, 1e9, 1e13]) {
      expect(relErr(logGammaRatio(q, 1), Math.log(q))).toBeLessThan(1e-12);
      expect(relErr(logGammaRatio(q, 2), Math.log(q) + Math.log(q + 1))).toBeLessThan(1e-12);
    }
    // Below the switch it is the plain difference.
    expect(logGammaRatio(3.5, 2.25)).toBeCloseTo(logGamma(5.75) - logGamma(3.5), 12);
  });

  it('is found at the q ceiling in a few dozen evaluations, predicting the shop’s mean order value', () => {
    // One price level: every order 5–305.00, whoever buys. The likelihood keeps rising as
    // q → ∞; the old fit lost its digits there and wandered for 5,000+ Nelder–Mead steps
    // (6 s at 80,000 buyers).
    let seed = 11;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const rows: Array<{ x: number; zbar: number }> = [];
    let all = 0;
    let count = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = 1 + Math.floor(rand() * 15);
      let sum = 0;
      for (let k = 0; k < x; k++) sum += 500 + Math.floor(rand() * 30_000);
      rows.push({ x, zbar: sum / x });
      all += sum;
      count += x;
    }
    const fit = fitGammaGamma(prepareGammaGamma(rows));
    expect(fit?.method).toBe('bfgs');
    expect(fit?.converged).toBe(true);
    expect(fit?.evaluations).toBeLessThan(200);
    const params = fit?.params ?? { p: 0, q: 0, v: 0 };
    expect(params.q).toBeGreaterThan(GAMMA_GAMMA_MAX_Q / 2);
    expect(params.q).toBeLessThanOrEqual(GAMMA_GAMMA_MAX_Q);
    // Any buyer's expected order value is then the shop's mean, whatever their own history.
    const mean = all / count;
    expect(relErr(gammaGammaExpectedValue(params, 1, 600), mean)).toBeLessThan(0.01);
    expect(relErr(gammaGammaExpectedValue(params, 12, 30_000), mean)).toBeLessThan(0.01);
  });

  it('is found at the p ceiling when each buyer always spends the same, predicting their own spend', () => {
    // Two products, each buyer always buys the same one: no spread within a buyer (p → ∞).
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ x: 1 + (i % 15), zbar: i % 2 ? 9_900 : 4_900 }));
    const fit = fitGammaGamma(prepareGammaGamma(rows));
    expect(fit?.method).toBe('bfgs');
    expect(fit?.evaluations).toBeLessThan(200);
    const params = fit?.params ?? { p: 0, q: 0, v: 0 };
    expect(params.p).toBe(GAMMA_GAMMA_MAX_P);
    expect(relErr(gammaGammaExpectedValue(params, 3, 9_900), 9_900)).toBeLessThan(0.001);
    expect(relErr(gammaGammaExpectedValue(params, 3, 4_900), 4_900)).toBeLessThan(0.001);
  });

  it('the moment hints send a real shop (CDNOW) straight to the full fit, and alike shops to a probe', () => {
    const summary = readSummaryWithTransactions();
    expect(gammaGammaCeilingHints(prepareGammaGamma(summary.map((r) => ({ x: r.x, zbar: r.zbar }))))).toEqual(
      [],
    );
    const alike = Array.from({ length: 2_000 }, (_, i) => ({ x: 1 + (i % 9), zbar: i % 2 ? 50 : 20 }));
    expect(gammaGammaCeilingHints(prepareGammaGamma(alike))).toEqual([[true, false]]);
  });

  it('is found at both ceilings when every order costs the same', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ x: 1 + (i % 15), zbar: 9_900 }));
    const fit = fitGammaGamma(prepareGammaGamma(rows));
    expect(fit?.evaluations).toBeLessThan(50);
    expect(
      relErr(gammaGammaExpectedValue(fit?.params ?? { p: 0, q: 0, v: 0 }, 5, 9_900), 9_900),
    ).toBeLessThan(0.001);
  });
});
