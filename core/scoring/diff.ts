import { type BuyerClasses, TRACKED_DIMENSIONS, type TrackedDimension } from '../model';

export type DiffDimension = TrackedDimension;
export interface ClassDiff {
  dimension: DiffDimension;
  from: string;
  to: string;
}

/**
 * The tracked dimensions whose class changed, for the class-change history. A first scoring
 * (no previous classes) is not a move, so it yields nothing; nor does a segment "change" caused
 * only by the seller switching segment schemes (rfm-grid ↔ value-8).
 */
export function diffClasses(prev: BuyerClasses | undefined, next: BuyerClasses): ClassDiff[] {
  if (!prev) return [];
  const out: ClassDiff[] = [];
  // The registry's order: one rescoring's changes are recorded, and listed, in it.
  for (const dimension of TRACKED_DIMENSIONS) {
    if (dimension === 'segment' && prev.scheme !== next.scheme) continue;
    const from = prev[dimension];
    const to = next[dimension];
    if (from !== to) out.push({ dimension, from, to });
  }
  return out;
}
