/**
 * Column z-scores. A column without meaningful variance becomes all zeros instead of NaN or
 * magnified noise, so it neither breaks k-means nor pulls clusters apart.
 */

/**
 * Standard deviations below this (on the transformed scale: shares, or log1p of counts and
 * money) count as no variance. A spread of 1 percentage point in a share, or about 1% in an
 * amount, is rounding noise; standardising it would blow it up to ±1 and invent groups.
 */
export const MIN_SD = 0.01;
export interface Standardised {
  rows: number[][];
  mean: number[];
  /** Population standard deviation; 0 for a column below `MIN_SD`. */
  sd: number[];
}

export function standardise(rows: readonly number[][], width: number): Standardised {
  const n = rows.length;
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  if (n === 0) return { rows: [], mean, sd };
  for (const r of rows) for (let j = 0; j < width; j++) mean[j] += r[j];
  for (let j = 0; j < width; j++) mean[j] /= n;
  for (const r of rows) {
    for (let j = 0; j < width; j++) {
      const d = r[j] - mean[j];
      sd[j] += d * d;
    }
  }
  for (let j = 0; j < width; j++) {
    const s = Math.sqrt(sd[j] / n);
    sd[j] = s >= MIN_SD ? s : 0;
  }
  const out = rows.map((r) => {
    const z = new Array<number>(width);
    for (let j = 0; j < width; j++) z[j] = sd[j] > 0 ? (r[j] - mean[j]) / sd[j] : 0;
    return z;
  });
  return { rows: out, mean, sd };
}
