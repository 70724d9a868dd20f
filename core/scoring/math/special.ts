/**
 * Special functions for the likelihoods. Written for accuracy near the parameter values the
 * BG/NBD and Gamma-Gamma fits visit (small shape parameters, large counts), not for generality.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0. Small arguments are shifted up with Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1))
 * until the Stirling series (six correction terms) is accurate to about 1e-14.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
    // Keep the running product far from overflow/underflow for tiny x.
    if (product > 1e280 || product < 1e-280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  shift += Math.log(product);
  const inv = 1 / y;
  const inv2 = inv * inv;
  // Bernoulli-number coefficients of the Stirling series: 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360.
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360))))));
  return (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + series - shift;
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0, for the analytic likelihood gradients. Same scheme as
 * `logGamma`: recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ), which is accurate to about 1e-15 there.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let acc = 0;
  let y = x;
  while (y < 10) {
    acc -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  // 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760.
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return acc + Math.log(y) - 0.5 * inv - series;
}

/**
 * ln Γ(q + a) − ln Γ(q) for q, a > 0, accurate also when q is huge: there the two log-gammas
 * are ~q·ln q each and their difference would lose every digit, so it is taken from the
 * Stirling series directly, (q − ½)·ln(1 + a/q) + a·ln(q + a) − a plus the difference of the
 * correction terms.
 */
export function logGammaRatio(q: number, a: number): number {
  if (!(q >= 1e4) || a > q) return logGamma(q + a) - logGamma(q);
  const z = q + a;
  const corr = (1 / z - 1 / q) / 12 - (1 / (z * z * z) - 1 / (q * q * q)) / 360;
  return (q - 0.5) * Math.log1p(a / q) + a * Math.log(z) - a + corr;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^a + e^b) without overflow: the larger term is factored out. */
export function logSumExp2(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and c > 0. The BG/NBD
 * conditional expectation only needs z = t / (α + T + t), which is below 1 for any finite horizon.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}

/** Median of an ascending array (mean of the two middle values for an even length); NaN when empty. */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
