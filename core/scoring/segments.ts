import type { RFM_SEGMENTS, VALUE8_SEGMENTS } from '../model';

export type RfmSegment = (typeof RFM_SEGMENTS)[number];
export type Value8Segment = (typeof VALUE8_SEGMENTS)[number];

/**
 * The R×F grid; rows are R1…R5, columns F1…F5, so every one of the 25 cells has exactly one
 * segment (a table, not a chain of ifs, so a gap or overlap is visible at a glance).
 */
const GRID: readonly (readonly RfmSegment[])[] = [
  /* R1 */ ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  /* R2 */ ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  /* R3 */ ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  /* R4 */ ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'loyal'],
  /* R5 */ ['new', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
];

export function rfmGridSegment(r: number, f: number): RfmSegment {
  return GRID[r - 1][f - 1];
}

/** value-8 (RFM 八类): each letter high (H) or low (L), in the order R, F, M. */
const VALUE8: Record<string, Value8Segment> = {
  HHH: 'important-value', // 重要价值
  HLH: 'important-develop', // 重要发展
  LHH: 'important-keep', // 重要保持
  LLH: 'important-retain', // 重要挽留
  HHL: 'general-value', // 一般价值
  HLL: 'general-develop', // 一般发展
  LHL: 'general-keep', // 一般保持
  LLL: 'general-retain', // 一般挽留
};

export function value8Segment(rHigh: boolean, fHigh: boolean, mHigh: boolean): Value8Segment {
  return VALUE8[(rHigh ? 'H' : 'L') + (fHigh ? 'H' : 'L') + (mHigh ? 'H' : 'L')];
}
