import type { Band, Settings } from '../model';

/** Weighted RFM score on the 1–5 scale: (wr·R + wf·F + wm·M) / (wr + wf + wm). */
export function weightedRfmScore(
  r: number,
  f: number,
  m: number,
  w: Settings['valueTier']['weights'],
): number {
  return (w.r * r + w.f * f + w.m * m) / (w.r + w.f + w.m);
}

/** high from `highAt`, medium from `mediumAt`, low below (both inclusive). */
export function valueTierOf(score: number, t: Settings['valueTier']): 'high' | 'medium' | 'low' {
  // Scores are sums of weighted integers; a hair of tolerance stops 3.8 − 1e-16 from missing "≥ 3.8".
  const s = score + 1e-9;
  return s >= t.highAt ? 'high' : s >= t.mediumAt ? 'medium' : 'low';
}

/** Bands with two cut points: > cuts[1] high, > cuts[0] medium, else low. */
export function bandOf(value: number, cuts: readonly number[]): Band {
  return value > cuts[1] ? 'high' : value > cuts[0] ? 'medium' : 'low';
}

/**
 * Rank of the buyer's spend from the top (ties share the best rank) against the cutoff rank
 * ceil(topShare · buyers): a buyer at the cutoff value is in, so equal spend → equal flag.
 */
export function keyAccountCutoffRank(scoredBuyers: number, topShare: number): number {
  return Math.ceil(topShare * scoredBuyers - 1e-9);
}
