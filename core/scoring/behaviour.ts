import type { Lifecycle, Loyalty, Reason, Settings } from '../model';
import { NO_REASONS, reason, round3 } from './reasons';

/** What loyalty, lifecycle and repurchase read about a buyer with at least one paid purchase. */
export interface Rhythm {
  /** Distinct paid purchase days. */
  purchaseDays: number;
  /** Days from the last / first purchase day to asOf. */
  daysSince: number;
  daysSinceFirst: number;
  /** Median gap between purchase days; undefined with a single purchase day. */
  medianInterval: number | undefined;
  refundShare: number;
}

/**
 * Days since the last purchase over the buyer's own median interval: 1 = right on rhythm.
 * Purchase days are distinct, so every interval is ≥ 1 and the division is safe.
 */
export function rhythmRatio(r: Rhythm): number | undefined {
  return r.medianInterval === undefined ? undefined : r.daysSince / r.medianInterval;
}

/**
 * Loyalty ladder, first match wins:
 * 1. refund share ≥ disloyalRefundShare → disloyal;
 * 2. one purchase day: disloyal if older than singlePurchaseLapsedDays, else average;
 * 3. lapsed (rhythm ratio > lapseFactor) → disloyal;
 * 4. refund share > maxRefundShare → average;
 * 5. ≥ loyalMinRepeat repeats and rhythm ratio ≤ rhythmTolerance → loyal;
 * 6. otherwise (repeat buyer, not lapsed) → fairly-loyal.
 */
export function loyaltyOf(
  r: Rhythm,
  s: Settings['loyalty'],
  explain = true,
): { loyalty: Loyalty; reasons: Reason[] } {
  const repeat = r.purchaseDays - 1;
  const refundShare = round3(r.refundShare);
  if (r.refundShare >= s.disloyalRefundShare) {
    return {
      loyalty: 'disloyal',
      reasons: explain
        ? [reason('loyalty.refunds-high', { refundShare, limit: s.disloyalRefundShare })]
        : NO_REASONS,
    };
  }
  const ratio = rhythmRatio(r);
  if (ratio === undefined || r.medianInterval === undefined) {
    const lapsed = r.daysSince > s.singlePurchaseLapsedDays;
    const values = { daysSince: r.daysSince, lapsedDays: s.singlePurchaseLapsedDays };
    return lapsed
      ? {
          loyalty: 'disloyal',
          reasons: explain ? [reason('loyalty.single-purchase-lapsed', values)] : NO_REASONS,
        }
      : { loyalty: 'average', reasons: explain ? [reason('loyalty.single-purchase', values)] : NO_REASONS };
  }
  const rhythm = { repeat, rhythmRatio: round3(ratio), medianInterval: r.medianInterval, refundShare };
  if (ratio > s.lapseFactor) {
    return {
      loyalty: 'disloyal',
      reasons: explain
        ? [
            reason('loyalty.lapsed', {
              repeat,
              daysSince: r.daysSince,
              medianInterval: r.medianInterval,
              rhythmRatio: rhythm.rhythmRatio,
              lapseFactor: s.lapseFactor,
            }),
          ]
        : NO_REASONS,
    };
  }
  if (r.refundShare > s.maxRefundShare) {
    return {
      loyalty: 'average',
      reasons: explain
        ? [reason('loyalty.refunds-cap', { repeat, refundShare, limit: s.maxRefundShare })]
        : NO_REASONS,
    };
  }
  if (repeat >= s.loyalMinRepeat && ratio <= s.rhythmTolerance) {
    return { loyalty: 'loyal', reasons: explain ? [reason('loyalty.repeat-in-rhythm', rhythm)] : NO_REASONS };
  }
  return { loyalty: 'fairly-loyal', reasons: explain ? [reason('loyalty.repeat', rhythm)] : NO_REASONS };
}

/**
 * Lifecycle of a buyer with a paid purchase, first match wins:
 * new (first purchase within newDays) → declining (inactive over decliningAfterDays, or over
 * decliningRhythmFactor × their own median interval) → growing (fewer than
 * matureMinPurchaseDays purchase days) → mature. "New" wins over "declining" because a buyer
 * met this month has no established rhythm to fall behind yet.
 */
export function lifecycleOf(
  r: Rhythm,
  s: Settings['lifecycle'],
  explain = true,
): { lifecycle: Lifecycle; reasons: Reason[] } {
  if (r.daysSinceFirst <= s.newDays) {
    return {
      lifecycle: 'new',
      reasons: explain
        ? [reason('lifecycle.new', { daysSinceFirst: r.daysSinceFirst, newDays: s.newDays })]
        : NO_REASONS,
    };
  }
  if (r.daysSince > s.decliningAfterDays) {
    return {
      lifecycle: 'declining',
      reasons: explain
        ? [
            reason('lifecycle.declining-inactive', {
              daysSince: r.daysSince,
              afterDays: s.decliningAfterDays,
            }),
          ]
        : NO_REASONS,
    };
  }
  if (r.medianInterval !== undefined && r.daysSince > s.decliningRhythmFactor * r.medianInterval) {
    return {
      lifecycle: 'declining',
      reasons: explain
        ? [
            reason('lifecycle.declining-rhythm', {
              daysSince: r.daysSince,
              medianInterval: r.medianInterval,
              factor: s.decliningRhythmFactor,
            }),
          ]
        : NO_REASONS,
    };
  }
  const values = { purchaseDays: r.purchaseDays, matureMinPurchaseDays: s.matureMinPurchaseDays };
  return r.purchaseDays >= s.matureMinPurchaseDays
    ? { lifecycle: 'mature', reasons: explain ? [reason('lifecycle.mature', values)] : NO_REASONS }
    : { lifecycle: 'growing', reasons: explain ? [reason('lifecycle.growing', values)] : NO_REASONS };
}

/**
 * Next purchase expected one median interval after the last: dueInDays = median − daysSince,
 * rounded half up to whole days (negative = overdue). Needs at least two purchase days.
 */
export function repurchaseOf(
  r: Rhythm,
  explain = true,
): {
  repurchase: { medianIntervalDays: number; dueInDays: number } | undefined;
  reasons: Reason[];
} {
  if (r.medianInterval === undefined) {
    return {
      repurchase: undefined,
      reasons: explain ? [reason('repurchase.unknown', { purchaseDays: r.purchaseDays })] : NO_REASONS,
    };
  }
  const dueInDays = Math.round(r.medianInterval - r.daysSince);
  const values = { medianInterval: r.medianInterval, daysSince: r.daysSince, dueInDays };
  return {
    repurchase: { medianIntervalDays: r.medianInterval, dueInDays },
    reasons: explain ? [reason(dueInDays < 0 ? 'repurchase.overdue' : 'repurchase.due', values)] : NO_REASONS,
  };
}
