import type { BuyerAggregate, Prediction, Reason, Settings } from '../model';
import {
  type BgNbdParams,
  bgnbdConditionalExpected,
  bgnbdProbabilityAlive,
  compressBgNbd,
  fitBgNbd,
} from './bgnbd';
import { bgnbdInputs, hasPaidPurchase, repeatMeanSpend } from './features';
import {
  fitGammaGamma,
  type GammaGammaParams,
  gammaGammaExpectedValue,
  prepareGammaGamma,
} from './gammaGamma';
import { NO_REASONS, reason, round3 } from './reasons';

/** The shop's fitted purchase (BG/NBD) and order value (Gamma-Gamma) models. */
export interface ShopFits {
  status: 'ok' | 'not-enough-history' | 'fit-failed';
  /** Days per model time unit: 1 (days) or 7 (weeks). */
  unitDays: number;
  buyers: number;
  repeatBuyers: number;
  minRepeatBuyers: number;
  bgnbd: (BgNbdParams & { ll: number }) | null;
  gammaGamma: (GammaGammaParams & { ll: number }) | null;
}

export function unitDaysOf(unit: Settings['prediction']['unit']): number {
  return unit === 'weeks' ? 7 : 1;
}

/**
 * Fits both models on every buyer with a paid purchase, measured to `asOfDay`, but only when at
 * least `minRepeatBuyers` buyers have a repeat purchase day: with less the likelihood is too flat
 * to trust and the UI says "not enough history" instead of guessing.
 */
export function fitShopModels(
  aggs: Iterable<BuyerAggregate>,
  asOfDay: number,
  settings: Pick<Settings, 'prediction'>,
  options: { warmStart?: ShopFits } = {},
): ShopFits {
  const unitDays = unitDaysOf(settings.prediction.unit);
  const rows: Array<{ x: number; tx: number; T: number }> = [];
  const spend: Array<{ x: number; zbar: number }> = [];
  for (const agg of aggs) {
    if (!hasPaidPurchase(agg)) continue;
    const row = bgnbdInputs(agg, asOfDay, unitDays);
    rows.push(row);
    if (row.x > 0) spend.push({ x: row.x, zbar: repeatMeanSpend(agg) });
  }
  const base = {
    unitDays,
    buyers: rows.length,
    repeatBuyers: spend.length,
    minRepeatBuyers: settings.prediction.minRepeatBuyers,
    bgnbd: null,
    gammaGamma: null,
  };
  if (spend.length < settings.prediction.minRepeatBuyers) return { ...base, status: 'not-enough-history' };
  // Earlier fits in the same time unit (α is in that unit) are one more starting point.
  const warm = options.warmStart?.unitDays === unitDays ? options.warmStart : undefined;
  const bg = fitBgNbd(compressBgNbd(rows), { start: warm?.bgnbd ?? undefined });
  if (!bg) return { ...base, status: 'fit-failed' };
  const gg = fitGammaGamma(prepareGammaGamma(spend), { start: warm?.gammaGamma ?? undefined });
  return {
    ...base,
    status: 'ok',
    bgnbd: { ...bg.params, ll: bg.ll },
    // Without q > 1 the model has no finite mean order value; expected values are then left out.
    gammaGamma: gg && gg.params.q > 1 ? { ...gg.params, ll: gg.ll } : null,
  };
}

/** A buyer's prediction over `settings.prediction.horizonDays` from the shop fits. */
export function predictBuyer(
  agg: BuyerAggregate,
  asOfDay: number,
  fits: ShopFits,
  horizonDays: number,
  explain = true,
): { prediction: Prediction; reasons: Reason[] } {
  if (!hasPaidPurchase(agg)) {
    return {
      prediction: { status: 'not-enough-history' },
      reasons: explain ? [reason('prediction.no-purchase')] : NO_REASONS,
    };
  }
  const bg = fits.bgnbd;
  if (fits.status !== 'ok' || !bg) {
    return {
      prediction: { status: 'not-enough-history' },
      reasons: explain
        ? [
            reason('prediction.not-enough-history', {
              repeatBuyers: fits.repeatBuyers,
              minRepeatBuyers: fits.minRepeatBuyers,
            }),
          ]
        : NO_REASONS,
    };
  }
  const { x, tx, T } = bgnbdInputs(agg, asOfDay, fits.unitDays);
  const pAlive = bgnbdProbabilityAlive(bg, x, tx, T);
  const expectedOrders = bgnbdConditionalExpected(bg, horizonDays / fits.unitDays, x, tx, T);
  const prediction: Prediction = { status: 'ok', pAlive, horizonDays, expectedOrders };
  const reasons: Reason[] = explain ? [] : NO_REASONS;
  if (explain) {
    reasons.push(
      reason('prediction.ok', {
        x,
        tx: round3(tx),
        T: round3(T),
        unit: fits.unitDays === 7 ? 'weeks' : 'days',
        pAlive: round3(pAlive),
        expectedOrders: round3(expectedOrders),
        horizonDays,
      }),
    );
  }
  if (fits.gammaGamma && x > 0) {
    const zbar = repeatMeanSpend(agg);
    const value = gammaGammaExpectedValue(fits.gammaGamma, x, zbar);
    if (Number.isFinite(value) && value >= 0) {
      prediction.expectedOrderValue = value;
      prediction.expectedValue = value * expectedOrders;
      if (explain) {
        reasons.push(
          reason('prediction.order-value', {
            x,
            zbar: Math.round(zbar),
            expectedOrderValue: Math.round(value),
          }),
        );
      }
    }
  }
  return { prediction, reasons };
}
