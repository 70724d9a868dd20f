import { NEEDS, type Need } from '@/core/needs';

/** Precision and recall per need over labelled messages (multi-label: each need scored on its own). */
export interface NeedMetrics {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function perNeedMetrics(
  rows: ReadonlyArray<{ expected: readonly Need[]; predicted: ReadonlySet<Need> }>,
): Record<Need, NeedMetrics> {
  const out = {} as Record<Need, NeedMetrics>;
  for (const n of NEEDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const want = r.expected.includes(n);
      const got = r.predicted.has(n);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    out[n] = {
      tp,
      fp,
      fn,
      precision: tp + fp > 0 ? tp / (tp + fp) : 1,
      recall: tp + fn > 0 ? tp / (tp + fn) : 1,
    };
  }
  return out;
}
