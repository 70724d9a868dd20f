import { describe, expect, it } from 'vitest';
import { type BuyerAggregate, BuyerClasses, type Settings } from '../../../core/model';
import { classifyBuyer } from '../../../core/scoring/classify';
import { buildScoringContext } from '../../../core/scoring/context';
import { scoreAll } from '../../../core/scoring/index';
import { REASON_CODES } from '../../../core/scoring/reasons';
import { ASOF, aggOf, PROSPECT, testSettings } from './helpers';

/** Classifies `target` in a shop made of `others` plus the target itself. */
function classifyIn(
  others: BuyerAggregate[],
  target: BuyerAggregate,
  settings: Settings = testSettings(),
  name?: string,
): BuyerClasses {
  const buyers = [
    ...others.map((agg, i) => ({ key: `t:${i}`, agg })),
    { key: 't:target', name, agg: target },
  ];
  return scoreAll(buyers, settings, ASOF).classes.get('t:target')!;
}

const absolute = (patch: Partial<Settings> = {}): Settings => {
  const s = testSettings(patch);
  return { ...s, rfm: { ...s.rfm, method: 'absolute' as const } };
};
const one = (agg: BuyerAggregate, settings = absolute(), name?: string) =>
  classifyIn([], agg, settings, name);

/** Buyer i (1…20): i orders on one day i days ago, spending i × 1,000. */
const ladder = Array.from({ length: 20 }, (_, k) => aggOf([[k + 1, (k + 1) * 1000, k + 1]]));

describe('RFM scores', () => {
  it('absolute cut points: 3 days → R5, 2 orders → F2, 12,000 → M2', () => {
    const c = one(
      aggOf([
        [3, 5000],
        [40, 7000],
      ]),
    );
    expect(c.rfm).toEqual({
      r: 5,
      f: 2,
      m: 2,
      recencyDays: 3,
      frequency: 2,
      monetary: 12000,
      method: 'absolute',
    });
    expect(c.reasons.rfm.map((r) => r.code)).toEqual(['rfm.r.absolute', 'rfm.f.absolute', 'rfm.m.absolute']);
  });

  it('quantiles over 20 buyers: ranks 1…20, score = ceil(5(rank−1)/19)', () => {
    const res = scoreAll(
      ladder.map((agg, k) => ({ key: `t:${k + 1}`, agg })),
      testSettings(),
      ASOF,
    );
    // Buyer 4: 4 days ago (reverse rank 17 → R5), 4 orders (rank 4 → F1), 4,000 (rank 4 → M1).
    expect(res.classes.get('t:4')!.rfm).toMatchObject({ r: 5, f: 1, m: 1, method: 'quantile' });
    // Buyer 5: reverse rank 16 → ceil(75/19) = 4; rank 5 → ceil(20/19) = 2.
    expect(res.classes.get('t:5')!.rfm).toMatchObject({ r: 4, f: 2, m: 2 });
    expect(res.classes.get('t:20')!.rfm).toMatchObject({ r: 1, f: 5, m: 5, recencyDays: 20, frequency: 20 });
    expect(res.classes.get('t:1')!.reasons.rfm[1]).toEqual({
      code: 'rfm.f.quantile',
      values: { orders: 1, rank: 1, maxRank: 20, score: 1, windowDays: 0 },
    });
    expect(res.warnings).not.toContain('shop.rfm-absolute-fallback');
  });

  it('falls back to absolute cut points below 20 scored buyers, and says so', () => {
    const shop = ladder.slice(0, 18).map((agg, k) => ({ key: `t:${k}`, agg }));
    shop.push({ key: 't:prospect', agg: PROSPECT });
    const res = scoreAll(shop, testSettings(), ASOF);
    expect(res.context.method).toBe('absolute-fallback');
    expect(res.warnings).toContain('shop.rfm-absolute-fallback');
    expect(res.context.notices[0].values).toEqual({ scoredBuyers: 18, minBuyers: 20 });
    const c = res.classes.get('t:2')!; // 3 days ago, 3 orders, 3,000
    expect(c.rfm).toMatchObject({ r: 5, f: 3, m: 1, method: 'absolute-fallback' });
    expect(c.reasons.rfm.map((r) => r.code)).toContain('rfm.absolute-fallback');
  });

  it('window: only days in (asOf − N, asOf] count for F and M, recency is not windowed', () => {
    const s = absolute();
    s.rfm.windowDays = 30;
    const c = one(
      aggOf([
        [10, 1000, 2],
        [29, 500, 1],
        [30, 9000, 3],
        [45, 7000, 1],
      ]),
      s,
    );
    expect(c.rfm).toMatchObject({ frequency: 3, monetary: 1500, recencyDays: 10 });
    const old = one(aggOf([[45, 7000, 1]]), s);
    expect(old.rfm).toMatchObject({ frequency: 0, monetary: 0, f: 1, m: 1, recencyDays: 45 });
  });

  it('window counts a day without a stored order count as one order', () => {
    const s = absolute();
    s.rfm.windowDays = 30;
    const agg = aggOf([
      [5, 1000],
      [6, 1000],
    ]);
    agg.days = agg.days.map(([d, spend]) => [d, spend]);
    agg.paidOrders = 7;
    expect(one(agg, s).rfm?.frequency).toBe(2);
  });
});

describe('value-8 segments', () => {
  // Shop: recency 10,20,…,50 days; orders 1…5; spend 1,000…5,000 (buyer k has all three k-th).
  const shop = [1, 2, 3, 4, 5].map((k) => aggOf([[k * 10, k * 1000, k]]));
  const v8 = (threshold: 'median' | 'absolute') => {
    const s = testSettings({ scheme: 'value-8' });
    return { ...s, value8: { threshold, recencyDays: 30, frequency: 3, monetary: 3000 } };
  };

  it('median thresholds: R high when days ≤ median, F and M high when strictly above the median', () => {
    // With the target (days 30, 3 orders, 3,000) the medians are 30 days, 3 orders, 3,000.
    const mid = classifyIn(shop, aggOf([[30, 3000, 3]]), v8('median'));
    expect(mid.segment).toBe('general-develop'); // R high (30 ≤ 30), F and M not above 3 / 3,000
    expect(mid.reasons.segment[0].values).toMatchObject({
      recencyThreshold: 30,
      frequencyThreshold: 3,
      monetaryThreshold: 3000,
      rHigh: true,
      fHigh: false,
      mHigh: false,
    });
    expect(classifyIn(shop, aggOf([[5, 9000, 9]]), v8('median')).segment).toBe('important-value');
    expect(classifyIn(shop, aggOf([[90, 9000, 1]]), v8('median')).segment).toBe('important-retain');
    expect(classifyIn(shop, aggOf([[90, 500, 8]]), v8('median')).segment).toBe('general-keep');
  });

  it('absolute thresholds: recency ≤ 30 days, at least 3 orders, at least 3,000', () => {
    expect(classifyIn(shop, aggOf([[30, 3000, 3]]), v8('absolute')).segment).toBe('important-value');
    expect(classifyIn(shop, aggOf([[31, 2999, 2]]), v8('absolute')).segment).toBe('general-retain');
    expect(classifyIn(shop, aggOf([[31, 3000, 2]]), v8('absolute')).segment).toBe('important-retain');
  });

  it('buyers without a paid order are prospects', () => {
    const c = one(PROSPECT, v8('median'));
    expect(c).toMatchObject({
      segment: 'prospect',
      valueTier: 'none',
      lifecycle: 'prospect',
      keyAccount: false,
      prediction: { status: 'not-enough-history' },
    });
    expect(c.rfm).toBeUndefined();
  });
});

describe('value tier, key account, bands', () => {
  it('weighted score with the default weights .2/.3/.5 and cut points 2.5 / 3.8', () => {
    // R5 F1 M1 → 1.0 + .3 + .5 = 1.8 → low (absolute: 3 days, 1 order, 5,000).
    const low = one(aggOf([[3, 5000]]));
    expect(low.valueTier).toBe('low');
    expect(low.reasons.valueTier[0].values.score).toBe(1.8);
    // R5 F3 M3 → 1.0 + .9 + 1.5 = 3.4 → medium (3 orders, 90,000).
    expect(
      one(
        aggOf([
          [3, 30000],
          [20, 30000],
          [40, 30000],
        ]),
      ).valueTier,
    ).toBe('medium');
    // R5 F5 M5 → 5 → high (8 orders, 400,000).
    expect(one(aggOf([[3, 400_000, 8]])).valueTier).toBe('high');
  });

  it('cut points are inclusive: equal weights, highAt 4 → (4,4,4) high, (4,4,3) medium', () => {
    const s = absolute();
    s.valueTier = { weights: { r: 1, f: 1, m: 1 }, mediumAt: 2.5, highAt: 4 };
    // 20 days → R4; 5 orders → F4; 200,000 → M4; 50,000 → M3.
    expect(one(aggOf([[20, 200_000, 5]]), s).valueTier).toBe('high');
    expect(one(aggOf([[20, 50_000, 5]]), s).valueTier).toBe('medium');
  });

  it('key account: top 10% of 20 buyers by spend → the top 2, ties included', () => {
    const s = testSettings({ keyAccount: { topShare: 0.1, minSpend: 0 } });
    const res = scoreAll(
      ladder.map((agg, k) => ({ key: `t:${k + 1}`, agg })),
      s,
      ASOF,
    );
    const keys = [...res.classes].filter(([, c]) => c.keyAccount).map(([k]) => k);
    expect(keys.sort()).toEqual(['t:19', 't:20']);
    expect(res.classes.get('t:19')!.reasons.keyAccount[0]).toEqual({
      code: 'key-account.top-share',
      values: { spend: 19000, rank: 2, cutoffRank: 2, topShare: 0.1 },
    });
    // A tie with the 2nd-largest spend is in too.
    const tied = [...ladder, aggOf([[50, 19000]])].map((agg, k) => ({ key: `t:${k + 1}`, agg }));
    const res2 = scoreAll(tied, s, ASOF);
    expect(res2.classes.get('t:21')!.keyAccount).toBe(true);
    expect(res2.classes.get('t:18')!.keyAccount).toBe(false);
  });

  it('key account by absolute spend', () => {
    const s = absolute({ keyAccount: { topShare: 0, minSpend: 50_000 } });
    expect(one(aggOf([[3, 50_000]]), s).keyAccount).toBe(true);
    expect(one(aggOf([[3, 49_999]]), s).keyAccount).toBe(false);
  });

  it('frequency band > 1 medium, > 4 high; spend band > 20,000 medium, > 100,000 high', () => {
    const band = (orders: number, spend: number) => {
      const c = one(aggOf([[3, spend, orders]]));
      return [c.frequencyBand, c.spendBand];
    };
    expect(band(1, 20_000)).toEqual(['low', 'low']);
    expect(band(2, 20_001)).toEqual(['medium', 'medium']);
    expect(band(4, 100_000)).toEqual(['medium', 'medium']);
    expect(band(5, 100_001)).toEqual(['high', 'high']);
  });
});

describe('loyalty', () => {
  const loyalty = (days: Array<[number, number]>, extra: Partial<BuyerAggregate> = {}) =>
    one(aggOf(days, extra)).loyalty;

  it('repeat purchases on rhythm → loyal; behind rhythm → fairly-loyal; lapsed → disloyal', () => {
    // Every 30 days; 10 days since → ratio 0.33; 40 → 1.33 (≤ 1.5); 60 → 2 (> 1.5).
    expect(
      loyalty([
        [100, 1],
        [70, 1],
        [40, 1],
        [10, 1],
      ]),
    ).toBe('loyal');
    expect(
      loyalty([
        [130, 1],
        [100, 1],
        [70, 1],
        [40, 1],
      ]),
    ).toBe('loyal');
    expect(
      loyalty([
        [150, 1],
        [120, 1],
        [90, 1],
        [60, 1],
      ]),
    ).toBe('fairly-loyal');
    // Intervals 30, 30, 40 → median 30; 100 days since → ratio 3.33 > 3.
    const lapsed = one(
      aggOf([
        [200, 1],
        [170, 1],
        [140, 1],
        [100, 1],
      ]),
    );
    expect(lapsed.loyalty).toBe('disloyal');
    expect(lapsed.reasons.loyalty[0]).toEqual({
      code: 'loyalty.lapsed',
      values: { repeat: 3, daysSince: 100, medianInterval: 30, rhythmRatio: 3.333, lapseFactor: 3 },
    });
  });

  it('one repeat purchase on rhythm is fairly-loyal (loyal needs 3)', () => {
    expect(
      loyalty([
        [40, 1],
        [10, 1],
      ]),
    ).toBe('fairly-loyal');
  });

  it('a single purchase is average, or disloyal after 365 days', () => {
    expect(loyalty([[365, 1]])).toBe('average');
    expect(loyalty([[366, 1]])).toBe('disloyal');
  });

  it('refunds: a share over 20% caps at average, 50% or more is disloyal', () => {
    const onRhythm: Array<[number, number]> = [
      [100, 1],
      [70, 1],
      [40, 1],
      [10, 1],
    ];
    // 4 paid + 1 refunded = 20% → still loyal; + 2 refunded = 33% → average; + 4 → 50% → disloyal.
    expect(loyalty(onRhythm, { refundedOrders: 1 })).toBe('loyal');
    expect(loyalty(onRhythm, { refundedOrders: 2 })).toBe('average');
    expect(loyalty(onRhythm, { refundedOrders: 4 })).toBe('disloyal');
  });
});

describe('lifecycle and repurchase', () => {
  const lc = (days: Array<[number, number]>) => one(aggOf(days)).lifecycle;

  it('new within 30 days of the first purchase, even when already lapsing', () => {
    expect(lc([[30, 1]])).toBe('new');
    expect(
      lc([
        [29, 1],
        [28, 1],
      ]),
    ).toBe('new');
  });

  it('declining after 180 inactive days or over 2× the usual interval', () => {
    expect(lc([[181, 1]])).toBe('declining');
    expect(lc([[180, 1]])).toBe('growing');
    // Intervals 10 → 2 × 10 = 20 < 40 days since.
    const c = one(
      aggOf([
        [50, 1],
        [40, 1],
      ]),
    );
    expect(c.lifecycle).toBe('declining');
    expect(c.reasons.lifecycle[0].code).toBe('lifecycle.declining-rhythm');
  });

  it('growing below 4 purchase days, mature from 4', () => {
    expect(
      lc([
        [90, 1],
        [60, 1],
        [31, 1],
      ]),
    ).toBe('growing');
    expect(
      lc([
        [100, 1],
        [70, 1],
        [40, 1],
        [10, 1],
      ]),
    ).toBe('mature');
  });

  it('repurchase due = median interval − days since; negative is overdue', () => {
    expect(
      one(
        aggOf([
          [100, 1],
          [70, 1],
          [40, 1],
          [10, 1],
        ]),
      ).repurchase,
    ).toEqual({
      medianIntervalDays: 30,
      dueInDays: 20,
    });
    // Intervals 30 and 15 → median 22.5; 45 days since → −22.5, rounded half up to −22.
    const overdue = one(
      aggOf([
        [90, 1],
        [60, 1],
        [45, 1],
      ]),
    );
    expect(overdue.repurchase).toEqual({ medianIntervalDays: 22.5, dueInDays: -22 });
    expect(overdue.reasons.repurchase[0].code).toBe('repurchase.overdue');
    expect(one(aggOf([[10, 1]])).repurchase).toBeUndefined();
  });
});

describe('preferences, geography, customer type', () => {
  // Shop median unit price: buyers at 800, 1,000, 1,200 plus the target.
  const priced = [800, 1000, 1200].map((p) => aggOf([[5, 1000]], { avgUnitPrice: p }));
  const prefs = (extra: Partial<BuyerAggregate>) =>
    classifyIn(
      priced,
      aggOf(
        [
          [5, 1000],
          [10, 1000],
          [15, 1000],
          [20, 1000],
        ],
        extra,
      ),
      absolute(),
    ).preferences;

  it('price-sensitive when more than half the orders are discounted', () => {
    expect(prefs({ discountedOrders: 3, avgUnitPrice: 1000 }).priceSensitive).toBe(true);
    expect(prefs({ discountedOrders: 2, avgUnitPrice: 1000 }).priceSensitive).toBe(false);
  });

  it('price-sensitive at ≤ 0.7 × the shop median unit price; quality-oriented at ≥ 1.5 × with few refunds', () => {
    // Medians with the target: (700, 800, 1000, 1200) → 900; 630 = 0.7 × 900.
    expect(prefs({ avgUnitPrice: 630 }).priceSensitive).toBe(true);
    expect(prefs({ avgUnitPrice: 640 }).priceSensitive).toBe(false);
    // (800, 1000, 1200, 2000) → 1,100; 1,650 = 1.5 × 1,100.
    expect(prefs({ avgUnitPrice: 1650 })).toMatchObject({ qualityOriented: true, priceSensitive: false });
    expect(prefs({ avgUnitPrice: 1640 }).qualityOriented).toBe(false);
    // 1 refund in 5 orders = 20% > 10%.
    expect(prefs({ avgUnitPrice: 2000, refundedOrders: 1 }).qualityOriented).toBe(false);
    // Discount hunters are not quality-oriented even at high prices.
    expect(prefs({ avgUnitPrice: 2000, discountedOrders: 4 })).toMatchObject({
      qualityOriented: false,
      priceSensitive: true,
    });
  });

  it('top categories by spend, ties by name, uncategorised skipped', () => {
    const p = prefs({ categorySpend: { '': 9000, tea: 300, cups: 500, books: 300, maps: 100 } });
    expect(p.topCategories).toEqual(['cups', 'books', 'tea']);
  });

  it('geography: the most-shipped country, domestic or cross-border against the shop country', () => {
    const s = absolute({ shopCountry: 'CN' });
    expect(one(aggOf([[3, 1]], { countries: { CN: 2, US: 3 } }), s).geography).toEqual({
      country: 'US',
      scope: 'cross-border',
    });
    expect(one(aggOf([[3, 1]], { countries: { CN: 3, US: 1 } }), s).geography).toEqual({
      country: 'CN',
      scope: 'domestic',
    });
    expect(one(aggOf([[3, 1]], { countries: { DE: 2, AT: 2 } }), s).geography.country).toBe('AT');
    expect(one(aggOf([[3, 1]]), s).geography).toEqual({ scope: 'unknown' });
  });

  it('customer type: wholesale quantities or many items per order → reseller; company name → business', () => {
    const type = (extra: Partial<BuyerAggregate>, name?: string) =>
      one(
        aggOf(
          [
            [3, 1],
            [10, 1],
          ],
          extra,
        ),
        absolute(),
        name,
      ).customerType;
    expect(type({ maxQtyPerLine: 10 })).toBe('reseller');
    expect(type({ maxQtyPerLine: 9, itemCount: 40 })).toBe('reseller'); // 20 per order
    expect(type({ maxQtyPerLine: 9, itemCount: 39 })).toBe('consumer');
    expect(type({}, 'Acme GmbH')).toBe('business');
    expect(type({}, '杭州某某贸易有限公司')).toBe('business');
    expect(type({}, 'Ingrid Coates')).toBe('consumer');
    expect(type({ maxQtyPerLine: 50 }, 'Acme Ltd.')).toBe('reseller');
    expect(one(PROSPECT, absolute(), 'Big Trading Co.').customerType).toBe('business');
  });
});

describe('every class carries documented reasons', () => {
  it('classes validate against the schema and every reason code and value name is documented', () => {
    const shop = [
      ...ladder,
      PROSPECT,
      aggOf(
        [
          [3, 1000],
          [33, 500],
        ],
        { countries: { US: 2 }, categorySpend: { tea: 1500 }, discountedOrders: 2 },
      ),
    ];
    for (const scheme of ['rfm-grid', 'value-8'] as const) {
      const res = scoreAll(
        shop.map((agg, k) => ({ key: `t:${k}`, agg, name: k === 3 ? 'Acme Inc' : undefined })),
        testSettings({ scheme }),
        ASOF,
      );
      for (const c of res.classes.values()) {
        expect(BuyerClasses.safeParse(c).success).toBe(true);
        for (const dim of [
          'segment',
          'valueTier',
          'loyalty',
          'lifecycle',
          'geography',
          'customerType',
          'prediction',
        ]) {
          expect(c.reasons[dim]?.length, dim).toBeGreaterThan(0);
        }
        for (const reasons of Object.values(c.reasons)) {
          for (const r of reasons) {
            const doc = REASON_CODES[r.code as keyof typeof REASON_CODES];
            expect(doc, r.code).toBeDefined();
            for (const k of Object.keys(r.values))
              expect(doc.values as readonly string[], `${r.code}.${k}`).toContain(k);
          }
        }
      }
    }
  });

  it('classifyBuyer at the context asOf equals the full pass for every buyer', () => {
    const shop = ladder.map((agg, k) => ({ key: `t:${k}`, agg }));
    const s = testSettings();
    const res = scoreAll(shop, s, ASOF);
    const ctx = buildScoringContext(
      shop.map((b) => b.agg),
      s,
      ASOF,
    );
    for (const b of shop) expect(classifyBuyer(b, ctx, s, ASOF)).toEqual(res.classes.get(b.key));
  });
});
