import type { BuyerAggregate, BuyerClasses, Settings } from '../model';
import { type BuyerInput, classifyBuyer } from './classify';
import { buildScoringContext, type ShopScoringContext } from './context';
import type { ShopFits } from './prediction';

export * from './actions';
export * from './aggregate';
export * from './bgnbd';
export * from './classify';
export {
  type ClusterGroup,
  type ClusterInput,
  type ClusteringSummary,
  type ClusterOptions,
  type ClusterResult,
  type CrossTable,
  clusterBuyers,
} from './cluster';
export * from './context';
export * from './diff';
export * from './features';
export * from './gammaGamma';
export * from './prediction';
export * from './prospect';
export * from './quantile';
export * from './reasons';
export * from './segments';

export interface ScoreAllOptions {
  /**
   * Prediction fits to reuse instead of refitting (e.g. from the last full rescore's context).
   * Refitting is the expensive part of a full rescore; see the benchmark.
   */
  fits?: ShopFits;
  /** Earlier fits to start the refit from (ignored when `fits` is given); see `fitShopModels`. */
  warmStart?: ShopFits;
  /** Build every buyer's reasons (the default); `false` gives lean classes, see `explainBuyer`. */
  reasons?: boolean;
}

export interface ScoreAllResult {
  classes: Map<string, BuyerClasses>;
  context: ShopScoringContext;
  /** Shop-level warning codes (`shop.*`, see REASON_CODES); their numbers are in `context.notices`. */
  warnings: string[];
  fits: {
    bgnbd: { r: number; alpha: number; a: number; b: number; ll: number } | null;
    gammaGamma: { p: number; q: number; v: number } | null;
  };
}

/** Full rescore: builds the shop context from every aggregate, then classifies every buyer. */
export function scoreAll(
  buyers: ReadonlyArray<{ key: string; name?: string; agg: BuyerAggregate }>,
  settings: Settings,
  asOf: number,
  options: ScoreAllOptions = {},
): ScoreAllResult {
  const aggs: BuyerAggregate[] = new Array(buyers.length);
  for (let i = 0; i < buyers.length; i++) aggs[i] = buyers[i].agg;
  const context = buildScoringContext(aggs, settings, asOf, {
    fits: options.fits,
    warmStart: options.warmStart,
  });
  const classes = new Map<string, BuyerClasses>();
  const classify = { reasons: options.reasons !== false };
  for (const b of buyers)
    classes.set(b.key, classifyBuyer(b as BuyerInput, context, settings, asOf, classify));
  const { bgnbd, gammaGamma } = context.fits;
  return {
    classes,
    context,
    warnings: context.notices.map((n) => n.code),
    fits: {
      bgnbd: bgnbd ? { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, ll: bgnbd.ll } : null,
      gammaGamma: gammaGamma ? { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v } : null,
    },
  };
}
