import type { Counts, PreviewCountsDto } from '../adminDtos';
import type { BuyerAggregate, Settings } from '../model';
import { buildScoringContext, classifyBuyer, type ShopFits, unitDaysOf } from '../scoring';

const bump = (c: Counts, k: string) => {
  c[k] = (c[k] ?? 0) + 1;
};

/**
 * How many buyers would fall in each class under `settings`, without writing anything: the
 * same context + classifier a full rescore uses, so the preview cannot disagree with the result.
 */
export function previewCounts(
  aggs: readonly BuyerAggregate[],
  settings: Settings,
  asOf: number,
): Omit<PreviewCountsDto, 'tookMs'> {
  // The preview counts classes, not predictions: skip the model fits (the expensive part) and
  // the reasons, so it stays quick while the seller types.
  const noFits: ShopFits = {
    status: 'not-enough-history',
    unitDays: unitDaysOf(settings.prediction.unit),
    buyers: 0,
    repeatBuyers: 0,
    minRepeatBuyers: settings.prediction.minRepeatBuyers,
    bgnbd: null,
    gammaGamma: null,
  };
  const ctx = buildScoringContext(aggs, settings, asOf, { fits: noFits });
  const out: Omit<PreviewCountsDto, 'tookMs'> = {
    total: aggs.length,
    scored: ctx.scoredBuyers,
    method: ctx.method,
    segments: {},
    valueTiers: {},
    lifecycles: {},
    frequencyBands: {},
    spendBands: {},
    keyAccounts: 0,
  };
  for (const agg of aggs) {
    const c = classifyBuyer({ agg }, ctx, settings, asOf, { reasons: false });
    bump(out.segments, c.segment);
    bump(out.valueTiers, c.valueTier);
    bump(out.lifecycles, c.lifecycle);
    if (c.segment !== 'prospect') {
      bump(out.frequencyBands, c.frequencyBand);
      bump(out.spendBands, c.spendBand);
    }
    if (c.keyAccount) out.keyAccounts++;
  }
  return out;
}
