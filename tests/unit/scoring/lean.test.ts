import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type BuyerAggregate, DAY_MS, defaultSettings, type Settings } from '../../../core/model';
import { aggregateOrders } from '../../../core/scoring/aggregate';
import { classifyBuyer, explainBuyer } from '../../../core/scoring/classify';
import { buildScoringContext } from '../../../core/scoring/context';
import { scoreAll } from '../../../core/scoring/index';
import { NO_REASONS } from '../../../core/scoring/reasons';
import { syntheticShop } from '../../support/synthetic';
import { PROSPECT } from './helpers';

const asOf = Date.UTC(2025, 0, 1);

function buyersFor(settings: Settings, n: number, seed: number) {
  const shop = syntheticShop({
    buyers: n,
    orders: n * 6,
    startMs: asOf - 730 * DAY_MS,
    endMs: asOf,
    seed,
    currency: settings.shopCurrency,
  });
  const ctx = { shopCurrency: settings.shopCurrency, currencyRates: {}, timeZone: settings.timeZone };
  const buyers: Array<{ key: string; name?: string; agg: BuyerAggregate }> = shop.map((b) => ({
    key: b.key,
    name: b.name,
    agg: aggregateOrders(b.orders, ctx),
  }));
  buyers.push({ key: 'prospect', name: 'Acme Ltd', agg: PROSPECT });
  return buyers;
}

const zh = defaultSettings('zh-CN');
const en = defaultSettings('en');
const variants: Array<[string, Settings, number]> = [
  ['value-8, median thresholds, weeks', zh, 3000],
  ['rfm-grid, days', en, 3000],
  [
    'windowed F/M, absolute value-8',
    { ...zh, rfm: { ...zh.rfm, windowDays: 180 }, value8: { ...zh.value8, threshold: 'absolute' } },
    2000,
  ],
  [
    'absolute fallback, not enough history',
    { ...en, prediction: { ...en.prediction, minRepeatBuyers: 100_000 } },
    40,
  ],
];

describe('lean classification and explainBuyer', () => {
  it.each(variants)(
    '%s: lean classes equal the full ones, and explainBuyer gives the same reasons',
    (_, settings, n) => {
      const buyers = buyersFor(settings, n, n);
      const ctx = buildScoringContext(
        buyers.map((b) => b.agg),
        settings,
        asOf,
      );
      const later = asOf + 3 * DAY_MS;
      let withReasons = 0;
      for (const b of buyers) {
        for (const at of [asOf, later]) {
          const full = classifyBuyer(b, ctx, settings, at);
          const lean = classifyBuyer(b, ctx, settings, at, { reasons: false });
          expect(lean.reasons).toEqual({});
          const same = isDeepStrictEqual(lean, { ...full, reasons: {} });
          if (!same) expect(lean, b.key).toEqual({ ...full, reasons: {} });
          const explained = explainBuyer(b, ctx, settings, at);
          if (!isDeepStrictEqual(explained, full.reasons)) expect(explained, b.key).toEqual(full.reasons);
          if (Object.keys(full.reasons).length > 0) withReasons++;
        }
      }
      expect(withReasons).toBe(buyers.length * 2);
      // The shared empty list was never written to.
      expect(NO_REASONS).toHaveLength(0);
    },
  );

  it('scoreAll with reasons: false gives the lean classes of every buyer', () => {
    const buyers = buyersFor(zh, 500, 9);
    const full = scoreAll(buyers, zh, asOf);
    const lean = scoreAll(buyers, zh, asOf, { fits: full.context.fits, reasons: false });
    for (const b of buyers)
      expect(lean.classes.get(b.key)).toEqual({ ...full.classes.get(b.key), reasons: {} });
  });

  it('each lean result gets its own reasons record (the card fills it in)', () => {
    const buyers = buyersFor(zh, 50, 5);
    const ctx = buildScoringContext(
      buyers.map((b) => b.agg),
      zh,
      asOf,
    );
    const a = classifyBuyer(buyers[0], ctx, zh, asOf, { reasons: false });
    const b = classifyBuyer(buyers[1], ctx, zh, asOf, { reasons: false });
    expect(a.reasons).not.toBe(b.reasons);
  });
});
