import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../core/scoring/math/nelderMead';
import { hyp2f1, logGamma, logSumExp2, medianSorted } from '../../../core/scoring/math/special';

describe('logGamma', () => {
  it('matches ln((n−1)!) for integers', () => {
    let fact = 1;
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(fact), 11);
      fact *= n;
    }
  });

  it('matches Γ(1/2) = √π and Γ(3/2) = √π/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
  });

  it('satisfies Γ(x+1) = xΓ(x) across small and large arguments', () => {
    for (const x of [1e-6, 0.01, 0.2426, 0.793, 2.4262, 9.99, 10, 57.3, 1e4, 1e7]) {
      // Absolute error can only be as good as the double holding ln Γ(x) itself.
      const tolerance = 1e-13 * Math.abs(logGamma(x)) + 1e-12;
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(tolerance);
    }
  });

  it('is NaN for negative input and +∞ at 0', () => {
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('logSumExp2', () => {
  it('adds in log space without overflow or underflow', () => {
    expect(logSumExp2(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logSumExp2(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp2(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logSumExp2(Number.NEGATIVE_INFINITY, 3)).toBe(3);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
      const want = z === 0 ? 1 : -Math.log(1 - z) / z;
      expect(Math.abs(hyp2f1(1, 1, 2, z) / want - 1)).toBeLessThan(1e-12);
      // ₂F₁(a, b; b; z) = (1 − z)^−a
      expect(Math.abs(hyp2f1(2.5, 3.3, 3.3, z) / (1 - z) ** -2.5 - 1)).toBeLessThan(1e-12);
    }
  });

  it('rejects z outside [0, 1)', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -0.1)).toBeNaN();
  });
});

describe('medianSorted', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(medianSorted([1, 3, 8])).toBe(3);
    expect(medianSorted([1, 3, 8, 10])).toBe(5.5);
    expect(medianSorted([])).toBeNaN();
  });
});

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const res = nelderMead(
      (x) => (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2 + 0.5 * (x[2] - 0.25) ** 2,
      [0, 0, 0],
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(3, 5);
    expect(res.x[1]).toBeCloseTo(-1, 5);
    expect(res.x[2]).toBeCloseTo(0.25, 5);
  });

  it('follows the curved Rosenbrock valley to (1, 1)', () => {
    const res = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1]);
    expect(res.x[0]).toBeCloseTo(1, 4);
    expect(res.x[1]).toBeCloseTo(1, 4);
    expect(res.fx).toBeLessThan(1e-8);
  });

  it('treats non-finite values as a wall', () => {
    // log(x) is NaN for x < 0: the minimum of x − log(x) is at x = 1.
    const res = nelderMead((x) => x[0] - Math.log(x[0]), [0.2], { initialStep: 1 });
    expect(res.x[0]).toBeCloseTo(1, 5);
  });

  it('stops at the evaluation budget and says it did not converge', () => {
    const res = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], {
      maxEvaluations: 20,
    });
    expect(res.converged).toBe(false);
    expect(res.evaluations).toBeLessThanOrEqual(22);
  });
});
