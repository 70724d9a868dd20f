import type { Counts, PreviewCountsDto } from '../adminDtos';
import type { BuyerAggregate, Settings } from '../model';
import { buildScoringContext, classifyBuyer } from '../scoring';

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
  const ctx = buildScoringContext(aggs, settings, asOf);
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
    const c = classifyBuyer({ agg }, ctx, settings, asOf);
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
