import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuyerAggregate, Settings } from '../../../core/model';
import { classifyBuyer } from '../../../core/scoring/classify';
import { buildScoringContext, updateScoringContext } from '../../../core/scoring/context';
import { scoreAll } from '../../../core/scoring/index';
import { ASOF, aggOf, PROSPECT, testSettings } from './helpers';

/** A shop: per buyer 0…4 purchase days (0 = prospect) within the last 400 days. */
const arbAgg: fc.Arbitrary<BuyerAggregate> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 50_000 }),
      fc.integer({ min: 1, max: 3 }),
    ),
    {
      maxLength: 4,
    },
  )
  .map((days) => {
    const unique = new Map<number, [number, number, number]>();
    for (const d of days) unique.set(d[0], d);
    return unique.size === 0 ? PROSPECT : aggOf([...unique.values()]);
  });
const arbShop = fc.array(arbAgg, { minLength: 1, maxLength: 60 });
const arbSettings: fc.Arbitrary<Settings> = fc
  .record({
    scheme: fc.constantFrom('rfm-grid' as const, 'value-8' as const),
    windowDays: fc.constantFrom(0, 90, 365),
    threshold: fc.constantFrom('median' as const, 'absolute' as const),
    minBuyers: fc.constantFrom(1, 20),
  })
  .map(({ scheme, windowDays, threshold, minBuyers }) => {
    const s = testSettings({ scheme });
    return {
      ...s,
      rfm: { ...s.rfm, windowDays, minBuyersForQuantiles: minBuyers },
      value8: { ...s.value8, threshold },
      // Keep the property runs fast and deterministic: predictions need history these shops lack.
      prediction: { ...s.prediction, minRepeatBuyers: 1_000 },
    };
  });

const keyed = (aggs: BuyerAggregate[]) => aggs.map((agg, i) => ({ key: `t:${i}`, agg }));

describe('shop properties of the whole pass', () => {
  it('buyers with equal R, F, M values get equal scores; scores are monotone in the values', () => {
    fc.assert(
      fc.property(arbShop, arbSettings, (aggs, settings) => {
        const res = scoreAll(keyed(aggs), settings, ASOF);
        const scored = [...res.classes.values()].filter((c) => c.rfm);
        for (const a of scored) {
          for (const b of scored) {
            const x = a.rfm!;
            const y = b.rfm!;
            if (x.recencyDays === y.recencyDays) expect(x.r).toBe(y.r);
            if (x.frequency === y.frequency) expect(x.f).toBe(y.f);
            if (x.monetary === y.monetary) expect(x.m).toBe(y.m);
            if (x.recencyDays < y.recencyDays) expect(x.r).toBeGreaterThanOrEqual(y.r);
            if (x.frequency < y.frequency) expect(x.f).toBeLessThanOrEqual(y.f);
            if (x.monetary < y.monetary) expect(x.m).toBeLessThanOrEqual(y.m);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a buyer’s classes do not depend on the order buyers are listed in', () => {
    fc.assert(
      fc.property(arbShop, arbSettings, (aggs, settings) => {
        const shop = keyed(aggs);
        const forward = scoreAll(shop, settings, ASOF).classes;
        const backward = scoreAll([...shop].reverse(), settings, ASOF).classes;
        for (const b of shop) expect(backward.get(b.key)).toEqual(forward.get(b.key));
      }),
      { numRuns: 60 },
    );
  });
});

describe('incremental scoring', () => {
  it('after updateScoringContext, the touched buyer scores exactly as in a full rescore', () => {
    fc.assert(
      fc.property(arbShop, arbAgg, fc.nat(), arbSettings, (aggs, changed, pick, settings) => {
        const i = pick % aggs.length;
        const before = buildScoringContext(aggs, settings, ASOF);
        const after = [...aggs];
        after[i] = changed;
        const ctx = updateScoringContext(before, aggs[i], changed, settings);
        const full = scoreAll(keyed(after), settings, ASOF, { fits: before.fits });
        expect(classifyBuyer({ agg: changed }, ctx, settings, ASOF)).toEqual(full.classes.get(`t:${i}`));
        // The context itself matches a rebuilt one (same sorted values, medians, cutoffs).
        const rebuilt = buildScoringContext(after, settings, ASOF, { fits: before.fits });
        expect(ctx).toEqual(rebuilt);
      }),
      { numRuns: 150 },
    );
  });

  it('adding a new buyer and forgetting one keeps the context equal to a rebuild', () => {
    const s = testSettings();
    const aggs = Array.from({ length: 25 }, (_, k) =>
      aggOf([[k * 7 + 1, (k % 6) * 1000 + 500, 1 + (k % 3)]]),
    );
    const base = buildScoringContext(aggs, s, ASOF);
    const added = aggOf([[2, 99_000, 5]]);
    const grown = updateScoringContext(base, undefined, added, s);
    expect(grown).toEqual(buildScoringContext([...aggs, added], s, ASOF, { fits: base.fits }));
    const shrunk = updateScoringContext(grown, aggs[0], undefined, s);
    expect(shrunk).toEqual(buildScoringContext([...aggs.slice(1), added], s, ASOF, { fits: base.fits }));
    // The old context is untouched.
    expect(base).toEqual(buildScoringContext(aggs, s, ASOF, { fits: base.fits }));
  });

  it('classifying at a later asOf moves the buyer’s own recency but keeps the shop ranks', () => {
    const s = testSettings();
    const aggs = Array.from({ length: 25 }, (_, k) => aggOf([[k * 5 + 1, 1000 * (k + 1)]]));
    const ctx = buildScoringContext(aggs, s, ASOF);
    const now = classifyBuyer({ agg: aggs[3] }, ctx, s, ASOF);
    const later = classifyBuyer({ agg: aggs[3] }, ctx, s, ASOF + 10 * 86_400_000);
    expect(later.rfm!.recencyDays).toBe(now.rfm!.recencyDays + 10);
    expect(later.rfm!.r).toBe(now.rfm!.r);
    expect(later.asOf).toBe(ASOF + 10 * 86_400_000);
  });
});

describe('predictions gate', () => {
  it('says not-enough-history (shop warning + per-buyer reason) below minRepeatBuyers', () => {
    const s = testSettings();
    const aggs = Array.from({ length: 30 }, (_, k) =>
      aggOf(
        k < 10
          ? [
              [k + 2, 100],
              [k + 40, 100],
            ]
          : [[k + 2, 100]],
      ),
    );
    const res = scoreAll(keyed(aggs), s, ASOF);
    expect(res.fits.bgnbd).toBeNull();
    expect(res.warnings).toContain('shop.prediction-not-enough-history');
    const c = res.classes.get('t:0')!;
    expect(c.prediction).toEqual({ status: 'not-enough-history' });
    expect(c.reasons.prediction[0]).toEqual({
      code: 'prediction.not-enough-history',
      values: { repeatBuyers: 10, minRepeatBuyers: 30 },
    });
  });
});
