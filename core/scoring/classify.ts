import { type BuyerAggregate, type BuyerClasses, epochDayInZone, type Reason, type Settings } from '../model';
import { lifecycleOf, loyaltyOf, type Rhythm, repurchaseOf } from './behaviour';
import type { ShopScoringContext } from './context';
import { hasPaidPurchase, medianIntervalDays, refundShare, rfmValues } from './features';
import { predictBuyer } from './prediction';
import { customerTypeOf, geographyOf, preferencesOf } from './preferences';
import { absoluteScore, countAbove, countBelow, quantileScoreWithMax, scoreFromRank } from './quantile';
import { NO_REASONS, reason, round3 } from './reasons';
import { rfmGridSegment, value8Segment } from './segments';
import { bandOf, valueTierOf, weightedRfmScore } from './tiers';

export interface BuyerInput {
  /** Display name, used only for business-name signals. */
  name?: string;
  agg: BuyerAggregate;
}

type Rfm = NonNullable<BuyerClasses['rfm']>;

export interface ClassifyOptions {
  /**
   * Build the reasons (the default). Reasons are most of a result's objects; the background
   * stores lean classes (`reasons: {}`) and fills them for the buyer card with `explainBuyer`.
   */
  reasons?: boolean;
}

/** R, F, M scores against the shop context, by quantile or absolute cut points. */
export function scoreRfm(
  agg: BuyerAggregate,
  ctx: ShopScoringContext,
  settings: Settings,
  asOfDay: number,
  explain = true,
): { rfm: Rfm; lastDay: number; reasons: Reason[] } {
  const v = rfmValues(agg, asOfDay, ctx.windowDays);
  const windowDays = ctx.windowDays;
  const reasons: Reason[] = explain ? [] : NO_REASONS;
  let r: number;
  let f: number;
  let m: number;
  if (ctx.method === 'quantile' && !explain) {
    // Same scores as below without the rank objects: this runs for every buyer on every rescore.
    const s = ctx.sorted;
    r = scoreFromRank(1 + countBelow(s.lastDay, v.lastDay), ctx.maxRank.lastDay);
    f = scoreFromRank(1 + countBelow(s.frequency, v.frequency), ctx.maxRank.frequency);
    m = scoreFromRank(1 + countBelow(s.monetary, v.monetary), ctx.maxRank.monetary);
  } else if (ctx.method === 'quantile') {
    // Ranking last purchase days in reverse equals ranking days-ago ascending, independent of asOf.
    const rq = quantileScoreWithMax(ctx.sorted.lastDay, ctx.maxRank.lastDay, v.lastDay);
    const fq = quantileScoreWithMax(ctx.sorted.frequency, ctx.maxRank.frequency, v.frequency);
    const mq = quantileScoreWithMax(ctx.sorted.monetary, ctx.maxRank.monetary, v.monetary);
    r = rq.score;
    f = fq.score;
    m = mq.score;
    // Recency rank 1 = the longest ago, so a higher rank is a higher R like the other dimensions.
    reasons.push(
      reason('rfm.r.quantile', { days: v.recencyDays, rank: rq.rank, maxRank: rq.maxRank, score: r }),
      reason('rfm.f.quantile', {
        orders: v.frequency,
        rank: fq.rank,
        maxRank: fq.maxRank,
        score: f,
        windowDays,
      }),
      reason('rfm.m.quantile', {
        spend: v.monetary,
        rank: mq.rank,
        maxRank: mq.maxRank,
        score: m,
        windowDays,
      }),
    );
  } else {
    const cuts = settings.rfm;
    r = absoluteScore(cuts.recencyCuts, v.recencyDays, true);
    f = absoluteScore(cuts.frequencyCuts, v.frequency);
    m = absoluteScore(cuts.monetaryCuts, v.monetary);
    if (explain) {
      reasons.push(
        reason('rfm.r.absolute', { days: v.recencyDays, score: r }),
        reason('rfm.f.absolute', { orders: v.frequency, score: f, windowDays }),
        reason('rfm.m.absolute', { spend: v.monetary, score: m, windowDays }),
      );
    }
    if (ctx.method === 'absolute-fallback' && explain) {
      reasons.push(
        reason('rfm.absolute-fallback', {
          scoredBuyers: ctx.scoredBuyers,
          minBuyers: settings.rfm.minBuyersForQuantiles,
        }),
      );
    }
  }
  return {
    rfm: {
      r,
      f,
      m,
      recencyDays: v.recencyDays,
      frequency: v.frequency,
      monetary: v.monetary,
      method: ctx.method,
    },
    lastDay: v.lastDay,
    reasons,
  };
}

/**
 * value-8 highs. Median mode: R high when the last purchase day is on or after the shop's
 * median last day (= recency days ≤ median recency), F and M high when strictly above the shop
 * median. Absolute mode: recency ≤ days, F and M at least the amounts.
 */
function value8Of(
  rfm: Rfm,
  lastDay: number,
  ctx: ShopScoringContext,
  explain: boolean,
): { segment: BuyerClasses['segment']; reason: Reason | undefined } {
  const t = ctx.value8;
  const median = t.source === 'median';
  const rHigh = median ? lastDay >= t.medianLastDay : rfm.recencyDays <= t.recencyDays;
  const fHigh = median ? rfm.frequency > t.frequency : rfm.frequency >= t.frequency;
  const mHigh = median ? rfm.monetary > t.monetary : rfm.monetary >= t.monetary;
  return {
    segment: value8Segment(rHigh, fHigh, mHigh),
    reason: explain
      ? reason('segment.value-8', {
          recencyDays: rfm.recencyDays,
          recencyThreshold: t.recencyDays,
          rHigh,
          frequency: rfm.frequency,
          frequencyThreshold: t.frequency,
          fHigh,
          monetary: rfm.monetary,
          monetaryThreshold: t.monetary,
          mHigh,
          threshold: t.source,
        })
      : undefined,
  };
}

/** Whether the buyer is a key account: within the top share by all-time spend, or above the minimum. */
function isKeyAccount(paidSpend: number, ctx: ShopScoringContext): boolean {
  const { cutoffRank, minSpend } = ctx.keyAccount;
  const rank = 1 + countAbove(ctx.sorted.spend, paidSpend);
  return (paidSpend > 0 && rank <= cutoffRank) || (minSpend > 0 && paidSpend >= minSpend);
}

function keyAccountReason(paidSpend: number, ctx: ShopScoringContext): Reason {
  const { cutoffRank, minSpend } = ctx.keyAccount;
  const rank = 1 + countAbove(ctx.sorted.spend, paidSpend);
  if (paidSpend > 0 && rank <= cutoffRank) {
    return reason('key-account.top-share', {
      spend: paidSpend,
      rank,
      cutoffRank,
      topShare: ctx.keyAccount.topShare,
    });
  }
  if (minSpend > 0 && paidSpend >= minSpend) {
    return reason('key-account.min-spend', { spend: paidSpend, minSpend });
  }
  return reason('key-account.no', { spend: paidSpend, rank, cutoffRank, minSpend });
}

/**
 * Classifies one buyer against a shop context at `asOf`. With `asOf` equal to the context's,
 * the result is exactly the buyer's result in a whole-shop pass; with a later `asOf` the buyer's
 * own numbers move on while the shop distribution stays as of the context. With
 * `{ reasons: false }` every class is the same but `reasons` is empty (see `explainBuyer`).
 */
export function classifyBuyer(
  buyer: BuyerInput,
  ctx: ShopScoringContext,
  settings: Settings,
  asOf: number,
  options?: ClassifyOptions,
): BuyerClasses {
  const explain = options?.reasons !== false;
  const agg = buyer.agg;
  const asOfDay = asOf === ctx.asOf ? ctx.asOfDay : epochDayInZone(asOf, settings.timeZone);
  const geography = geographyOf(agg, settings.shopCountry, explain);
  const customer = customerTypeOf(agg, buyer.name, settings.customerType, explain);

  if (!hasPaidPurchase(agg)) {
    return {
      asOf,
      scheme: settings.scheme,
      segment: 'prospect',
      valueTier: 'none',
      keyAccount: false,
      frequencyBand: 'low',
      spendBand: 'low',
      loyalty: 'disloyal',
      lifecycle: 'prospect',
      preferences: { priceSensitive: false, qualityOriented: false, topCategories: [] },
      geography: geography.geography,
      customerType: customer.customerType,
      prediction: { status: 'not-enough-history' },
      reasons: explain
        ? {
            segment: [reason('segment.prospect')],
            valueTier: [reason('value-tier.prospect')],
            loyalty: [reason('loyalty.no-purchase')],
            lifecycle: [reason('lifecycle.prospect')],
            prediction: [reason('prediction.no-purchase')],
            geography: geography.reasons,
            customerType: customer.reasons,
          }
        : {},
    };
  }

  const scored = scoreRfm(agg, ctx, settings, asOfDay, explain);
  const { rfm } = scored;
  let segment: BuyerClasses['segment'];
  let segmentReason: Reason | undefined;
  if (settings.scheme === 'rfm-grid') {
    segment = rfmGridSegment(rfm.r, rfm.f);
    segmentReason = explain ? reason('segment.rfm-grid', { r: rfm.r, f: rfm.f }) : undefined;
  } else {
    const v8 = value8Of(rfm, scored.lastDay, ctx, explain);
    segment = v8.segment;
    segmentReason = v8.reason;
  }
  const weighted = weightedRfmScore(rfm.r, rfm.f, rfm.m, settings.valueTier.weights);
  const valueTier = valueTierOf(weighted, settings.valueTier);
  const keyAccount = isKeyAccount(agg.paidSpend, ctx);

  const share = refundShare(agg);
  const rhythm: Rhythm = {
    purchaseDays: agg.days.length,
    daysSince: rfm.recencyDays,
    daysSinceFirst: Math.max(0, asOfDay - agg.days[0][0]),
    medianInterval: medianIntervalDays(agg),
    refundShare: share,
  };
  const loyalty = loyaltyOf(rhythm, settings.loyalty, explain);
  const lifecycle = lifecycleOf(rhythm, settings.lifecycle, explain);
  const repurchase = repurchaseOf(rhythm, explain);
  const prefs = preferencesOf(agg, ctx.medianUnitPrice, share, settings.preferences, explain);
  const prediction = predictBuyer(agg, asOfDay, ctx.fits, settings.prediction.horizonDays, explain);

  return {
    asOf,
    scheme: settings.scheme,
    rfm,
    segment,
    valueTier,
    keyAccount,
    frequencyBand: bandOf(rfm.frequency, settings.frequencyBands),
    spendBand: bandOf(rfm.monetary, settings.spendBands),
    loyalty: loyalty.loyalty,
    lifecycle: lifecycle.lifecycle,
    repurchase: repurchase.repurchase,
    preferences: prefs.preferences,
    geography: geography.geography,
    customerType: customer.customerType,
    prediction: prediction.prediction,
    reasons: explain
      ? {
          rfm: scored.reasons,
          segment: segmentReason ? [segmentReason] : [],
          valueTier: [
            reason('value-tier.weighted', {
              score: round3(weighted),
              r: rfm.r,
              f: rfm.f,
              m: rfm.m,
              mediumAt: settings.valueTier.mediumAt,
              highAt: settings.valueTier.highAt,
            }),
          ],
          keyAccount: [keyAccountReason(agg.paidSpend, ctx)],
          frequencyBand: [
            reason('frequency-band', {
              orders: rfm.frequency,
              mediumAbove: settings.frequencyBands[0],
              highAbove: settings.frequencyBands[1],
            }),
          ],
          spendBand: [
            reason('spend-band', {
              spend: rfm.monetary,
              mediumAbove: settings.spendBands[0],
              highAbove: settings.spendBands[1],
            }),
          ],
          loyalty: loyalty.reasons,
          lifecycle: lifecycle.reasons,
          repurchase: repurchase.reasons,
          preferences: prefs.reasons,
          geography: geography.reasons,
          customerType: customer.reasons,
          prediction: prediction.reasons,
        }
      : {},
  };
}

/**
 * The reasons `classifyBuyer` would give the buyer against this context at `asOf` (the
 * explanation of a lean result, computed on demand for the buyer card).
 */
export function explainBuyer(
  buyer: BuyerInput,
  ctx: ShopScoringContext,
  settings: Settings,
  asOf: number,
): BuyerClasses['reasons'] {
  return classifyBuyer(buyer, ctx, settings, asOf).reasons;
}
