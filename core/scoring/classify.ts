import { type BuyerAggregate, type BuyerClasses, epochDayInZone, type Reason, type Settings } from '../model';
import { lifecycleOf, loyaltyOf, type Rhythm, repurchaseOf } from './behaviour';
import type { ShopScoringContext } from './context';
import { hasPaidPurchase, medianIntervalDays, refundShare, rfmValues } from './features';
import { predictBuyer } from './prediction';
import { customerTypeOf, geographyOf, preferencesOf } from './preferences';
import { absoluteScore, countAbove, quantileScoreWithMax } from './quantile';
import { reason, round3 } from './reasons';
import { rfmGridSegment, value8Segment } from './segments';
import { bandOf, valueTierOf, weightedRfmScore } from './tiers';

export interface BuyerInput {
  /** Display name, used only for business-name signals. */
  name?: string;
  agg: BuyerAggregate;
}

type Rfm = NonNullable<BuyerClasses['rfm']>;

/** R, F, M scores against the shop context, by quantile or absolute cut points. */
export function scoreRfm(
  agg: BuyerAggregate,
  ctx: ShopScoringContext,
  settings: Settings,
  asOfDay: number,
): { rfm: Rfm; lastDay: number; reasons: Reason[] } {
  const v = rfmValues(agg, asOfDay, ctx.windowDays);
  const windowDays = ctx.windowDays;
  const reasons: Reason[] = [];
  let r: number;
  let f: number;
  let m: number;
  if (ctx.method === 'quantile') {
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
    reasons.push(
      reason('rfm.r.absolute', { days: v.recencyDays, score: r }),
      reason('rfm.f.absolute', { orders: v.frequency, score: f, windowDays }),
      reason('rfm.m.absolute', { spend: v.monetary, score: m, windowDays }),
    );
    if (ctx.method === 'absolute-fallback') {
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
): { segment: BuyerClasses['segment']; reason: Reason } {
  const t = ctx.value8;
  const median = t.source === 'median';
  const rHigh = median ? lastDay >= t.medianLastDay : rfm.recencyDays <= t.recencyDays;
  const fHigh = median ? rfm.frequency > t.frequency : rfm.frequency >= t.frequency;
  const mHigh = median ? rfm.monetary > t.monetary : rfm.monetary >= t.monetary;
  return {
    segment: value8Segment(rHigh, fHigh, mHigh),
    reason: reason('segment.value-8', {
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
    }),
  };
}

function keyAccountOf(paidSpend: number, ctx: ShopScoringContext): { keyAccount: boolean; reason: Reason } {
  const { cutoffRank, minSpend } = ctx.keyAccount;
  const rank = 1 + countAbove(ctx.sorted.spend, paidSpend);
  if (paidSpend > 0 && rank <= cutoffRank) {
    return {
      keyAccount: true,
      reason: reason('key-account.top-share', {
        spend: paidSpend,
        rank,
        cutoffRank,
        topShare: ctx.keyAccount.topShare,
      }),
    };
  }
  if (minSpend > 0 && paidSpend >= minSpend) {
    return { keyAccount: true, reason: reason('key-account.min-spend', { spend: paidSpend, minSpend }) };
  }
  return {
    keyAccount: false,
    reason: reason('key-account.no', { spend: paidSpend, rank, cutoffRank, minSpend }),
  };
}

/**
 * Classifies one buyer against a shop context at `asOf`. With `asOf` equal to the context's,
 * the result is exactly the buyer's result in a whole-shop pass; with a later `asOf` the buyer's
 * own numbers move on while the shop distribution stays as of the context.
 */
export function classifyBuyer(
  buyer: BuyerInput,
  ctx: ShopScoringContext,
  settings: Settings,
  asOf: number,
): BuyerClasses {
  const agg = buyer.agg;
  const asOfDay = asOf === ctx.asOf ? ctx.asOfDay : epochDayInZone(asOf, settings.timeZone);
  const geography = geographyOf(agg, settings.shopCountry);
  const customer = customerTypeOf(agg, buyer.name, settings.customerType);

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
      reasons: {
        segment: [reason('segment.prospect')],
        valueTier: [reason('value-tier.prospect')],
        loyalty: [reason('loyalty.no-purchase')],
        lifecycle: [reason('lifecycle.prospect')],
        prediction: [reason('prediction.no-purchase')],
        geography: geography.reasons,
        customerType: customer.reasons,
      },
    };
  }

  const scored = scoreRfm(agg, ctx, settings, asOfDay);
  const { rfm } = scored;
  const segment =
    settings.scheme === 'rfm-grid'
      ? { segment: rfmGridSegment(rfm.r, rfm.f), reason: reason('segment.rfm-grid', { r: rfm.r, f: rfm.f }) }
      : value8Of(rfm, scored.lastDay, ctx);
  const weighted = weightedRfmScore(rfm.r, rfm.f, rfm.m, settings.valueTier.weights);
  const valueTier = valueTierOf(weighted, settings.valueTier);
  const key = keyAccountOf(agg.paidSpend, ctx);
  const [mediumAbove, highAbove] = settings.frequencyBands;
  const [spendMediumAbove, spendHighAbove] = settings.spendBands;

  const share = refundShare(agg);
  const rhythm: Rhythm = {
    purchaseDays: agg.days.length,
    daysSince: rfm.recencyDays,
    daysSinceFirst: Math.max(0, asOfDay - agg.days[0][0]),
    medianInterval: medianIntervalDays(agg),
    refundShare: share,
  };
  const loyalty = loyaltyOf(rhythm, settings.loyalty);
  const lifecycle = lifecycleOf(rhythm, settings.lifecycle);
  const repurchase = repurchaseOf(rhythm);
  const prefs = preferencesOf(agg, ctx.medianUnitPrice, share, settings.preferences);
  const prediction = predictBuyer(agg, asOfDay, ctx.fits, settings.prediction.horizonDays);

  return {
    asOf,
    scheme: settings.scheme,
    rfm,
    segment: segment.segment,
    valueTier,
    keyAccount: key.keyAccount,
    frequencyBand: bandOf(rfm.frequency, settings.frequencyBands),
    spendBand: bandOf(rfm.monetary, settings.spendBands),
    loyalty: loyalty.loyalty,
    lifecycle: lifecycle.lifecycle,
    repurchase: repurchase.repurchase,
    preferences: prefs.preferences,
    geography: geography.geography,
    customerType: customer.customerType,
    prediction: prediction.prediction,
    reasons: {
      rfm: scored.reasons,
      segment: [segment.reason],
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
      keyAccount: [key.reason],
      frequencyBand: [reason('frequency-band', { orders: rfm.frequency, mediumAbove, highAbove })],
      spendBand: [
        reason('spend-band', {
          spend: rfm.monetary,
          mediumAbove: spendMediumAbove,
          highAbove: spendHighAbove,
        }),
      ],
      loyalty: loyalty.reasons,
      lifecycle: lifecycle.reasons,
      repurchase: repurchase.reasons,
      preferences: prefs.reasons,
      geography: geography.reasons,
      customerType: customer.reasons,
      prediction: prediction.reasons,
    },
  };
}
