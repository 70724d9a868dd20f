import { type BuyerAggregate, epochDayInZone, type Reason, type Settings } from '../model';
import { hasPaidPurchase, rfmValues } from './features';
import { medianSorted } from './math/special';
import { fitShopModels, type ShopFits } from './prediction';
import { maxRankOf, sortedInsert, sortedRemove } from './quantile';
import { reason } from './reasons';
import { keyAccountCutoffRank } from './tiers';

/**
 * Everything about the shop that a single buyer's classes depend on. Built once per full
 * rescore; between full rescores the background classifies touched buyers against it (and can
 * keep it exact with `updateScoringContext`). Quantile scores come from ranks found by binary
 * search in the sorted per-dimension values, so a buyer classified against the context gets the
 * same scores as in a whole-shop pass.
 */
export interface ShopScoringContext {
  asOf: number;
  /** `asOf` as an epoch day in the shop time zone. */
  asOfDay: number;
  windowDays: number;
  /** Buyers with a paid purchase (the population every quantile and median is taken over). */
  scoredBuyers: number;
  method: 'quantile' | 'absolute' | 'absolute-fallback';
  /**
   * Ascending values per dimension over the scored buyers. Recency is kept as the last purchase
   * day rather than days-ago, so the ranking does not move when only the clock moves.
   */
  sorted: {
    lastDay: Float64Array;
    frequency: Float64Array;
    monetary: Float64Array;
    /** All-time paid spend (key accounts); the same array as `monetary` when there is no window. */
    spend: Float64Array;
    /** Mean unit price of buyers with a known one (> 0). */
    unitPrice: Float64Array;
  };
  value8: {
    source: 'median' | 'absolute';
    /** Median last purchase day: R is high when the buyer's last day is on or after it. */
    medianLastDay: number;
    /** The thresholds in days / orders / minor units, for reasons and for the absolute rule. */
    recencyDays: number;
    frequency: number;
    monetary: number;
  };
  /** Highest RANK() per quantile dimension (constant for the context, so kept rather than searched). */
  maxRank: { lastDay: number; frequency: number; monetary: number };
  keyAccount: { cutoffRank: number; topShare: number; minSpend: number };
  medianUnitPrice: number;
  fits: ShopFits;
  /** Shop-level notices (codes `shop.*`), e.g. the absolute fallback. */
  notices: Reason[];
}

export interface BuildContextOptions {
  /**
   * Refit the prediction models (the default), or reuse fits from an earlier context — a
   * rescore that only moves `asOf` does not need a new fit.
   */
  fits?: ShopFits;
  /**
   * When refitting: the previous fits (e.g. the last full rescore's), screened as one more
   * starting point, so a refit on slightly changed data converges in fewer evaluations.
   */
  warmStart?: ShopFits;
}

export function buildScoringContext(
  aggs: Iterable<BuyerAggregate>,
  settings: Settings,
  asOf: number,
  options: BuildContextOptions = {},
): ShopScoringContext {
  const asOfDay = epochDayInZone(asOf, settings.timeZone);
  const windowDays = settings.rfm.windowDays;
  const lastDay: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const spend: number[] = [];
  const unitPrice: number[] = [];
  const scored: BuyerAggregate[] = [];
  for (const agg of aggs) {
    if (!hasPaidPurchase(agg)) continue;
    scored.push(agg);
    const v = rfmValues(agg, asOfDay, windowDays);
    lastDay.push(v.lastDay);
    frequency.push(v.frequency);
    monetary.push(v.monetary);
    if (windowDays > 0) spend.push(agg.paidSpend);
    if (agg.avgUnitPrice > 0) unitPrice.push(agg.avgUnitPrice);
  }
  const sortedMonetary = Float64Array.from(monetary).sort();
  const sorted = {
    lastDay: Float64Array.from(lastDay).sort(),
    frequency: Float64Array.from(frequency).sort(),
    monetary: sortedMonetary,
    spend: windowDays > 0 ? Float64Array.from(spend).sort() : sortedMonetary,
    unitPrice: Float64Array.from(unitPrice).sort(),
  };
  const fits = options.fits ?? fitShopModels(scored, asOfDay, settings, { warmStart: options.warmStart });
  return derive(asOf, asOfDay, sorted, fits, settings);
}

/** Medians, cutoffs, method and notices follow from the sorted arrays alone (so updates stay exact). */
function derive(
  asOf: number,
  asOfDay: number,
  sorted: ShopScoringContext['sorted'],
  fits: ShopFits,
  settings: Settings,
): ShopScoringContext {
  const n = sorted.lastDay.length;
  const notices: Reason[] = [];
  let method: ShopScoringContext['method'] = settings.rfm.method;
  if (method === 'quantile' && n < settings.rfm.minBuyersForQuantiles) {
    method = 'absolute-fallback';
    notices.push(
      reason('shop.rfm-absolute-fallback', {
        scoredBuyers: n,
        minBuyers: settings.rfm.minBuyersForQuantiles,
      }),
    );
  }
  if (fits.status === 'not-enough-history') {
    notices.push(
      reason('shop.prediction-not-enough-history', {
        repeatBuyers: fits.repeatBuyers,
        minRepeatBuyers: fits.minRepeatBuyers,
      }),
    );
  } else if (fits.status === 'fit-failed') {
    notices.push(reason('shop.prediction-fit-failed', { buyers: fits.buyers }));
  } else if (!fits.gammaGamma) {
    notices.push(reason('shop.order-value-unavailable', { repeatBuyers: fits.repeatBuyers }));
  }
  const v8 = settings.value8;
  const medianLastDay = n > 0 ? medianSorted(sorted.lastDay) : asOfDay;
  const value8: ShopScoringContext['value8'] =
    v8.threshold === 'median'
      ? {
          source: 'median',
          medianLastDay,
          recencyDays: Math.max(0, asOfDay - medianLastDay),
          frequency: n > 0 ? medianSorted(sorted.frequency) : 0,
          monetary: n > 0 ? medianSorted(sorted.monetary) : 0,
        }
      : {
          source: 'absolute',
          medianLastDay,
          recencyDays: v8.recencyDays,
          frequency: v8.frequency,
          monetary: v8.monetary,
        };
  return {
    asOf,
    asOfDay,
    windowDays: settings.rfm.windowDays,
    scoredBuyers: n,
    method,
    sorted,
    maxRank: {
      lastDay: maxRankOf(sorted.lastDay),
      frequency: maxRankOf(sorted.frequency),
      monetary: maxRankOf(sorted.monetary),
    },
    value8,
    keyAccount: {
      cutoffRank: keyAccountCutoffRank(n, settings.keyAccount.topShare),
      topShare: settings.keyAccount.topShare,
      minSpend: settings.keyAccount.minSpend,
    },
    medianUnitPrice: sorted.unitPrice.length > 0 ? medianSorted(sorted.unitPrice) : 0,
    fits,
    notices,
  };
}

/**
 * Moves one buyer in the context from `prev` to `next` aggregate (either may be undefined for a
 * new or forgotten buyer) and re-derives medians and cutoffs, so the touched buyer is classified
 * exactly as a full rescore at the context's `asOf` would. Fits are kept until the next full
 * rescore. Returns a new context; the old one is not changed.
 */
export function updateScoringContext(
  ctx: ShopScoringContext,
  prev: BuyerAggregate | undefined,
  next: BuyerAggregate | undefined,
  settings: Settings,
): ShopScoringContext {
  const shared = ctx.sorted.spend === ctx.sorted.monetary;
  const s = { ...ctx.sorted };
  const move = (agg: BuyerAggregate | undefined, add: boolean) => {
    if (!agg || !hasPaidPurchase(agg)) return;
    const op = add ? sortedInsert : sortedRemove;
    const v = rfmValues(agg, ctx.asOfDay, ctx.windowDays);
    s.lastDay = op(s.lastDay, v.lastDay);
    s.frequency = op(s.frequency, v.frequency);
    s.monetary = op(s.monetary, v.monetary);
    if (!shared) s.spend = op(s.spend, agg.paidSpend);
    if (agg.avgUnitPrice > 0) s.unitPrice = op(s.unitPrice, agg.avgUnitPrice);
  };
  move(prev, false);
  move(next, true);
  if (shared) s.spend = s.monetary;
  return derive(ctx.asOf, ctx.asOfDay, s, ctx.fits, {
    ...settings,
    rfm: { ...settings.rfm, windowDays: ctx.windowDays },
  });
}
