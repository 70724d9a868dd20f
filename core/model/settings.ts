import { z } from 'zod';
import { CurrencyCode } from './common';

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

/** Four increasing cut points split a dimension into scores 1–5 (value ≤ cut[i] → score i+1). */
const CutPoints4 = z
  .array(z.number().nonnegative())
  .length(4)
  .refine(increasing, 'cut points must be strictly increasing');
/** Two increasing cut points split a dimension into low / medium / high. */
const CutPoints2 = z
  .array(z.number().nonnegative())
  .length(2)
  .refine(increasing, 'cut points must be strictly increasing');

export const SCHEMA_SETTINGS_VERSION = 1;

const Share = z.number().min(0).max(1);
const PositiveRatio = z.number().positive();

/**
 * Loyalty (忠诚 / 较忠诚 / 一般 / 非忠诚). "Rhythm ratio" = days since the last purchase divided by
 * the buyer's own median interval between purchase days (1 = exactly on their usual rhythm).
 */
export const LoyaltySettings = z
  .object({
    /** Repeat purchase days (distinct days − 1) needed for `loyal`. */
    loyalMinRepeat: z.number().int().min(1),
    /** Rhythm ratio at or below this is "within the usual interval". */
    rhythmTolerance: PositiveRatio,
    /** Rhythm ratio above this means the buyer has lapsed → `disloyal`. */
    lapseFactor: PositiveRatio,
    /** A one-time buyer whose only purchase is older than this many days is `disloyal`. */
    singlePurchaseLapsedDays: z.number().int().positive(),
    /** Refund share (refunded / (paid + refunded)) above this caps loyalty at `average`. */
    maxRefundShare: Share,
    /** Refund share at or above this makes the buyer `disloyal`. */
    disloyalRefundShare: Share,
  })
  .refine((v) => v.lapseFactor > v.rhythmTolerance, {
    message: 'the lapse factor must be above the rhythm tolerance',
    path: ['lapseFactor'],
  })
  .refine((v) => v.disloyalRefundShare > v.maxRefundShare, {
    message: 'the disloyal refund share must be above the maximum refund share',
    path: ['disloyalRefundShare'],
  });
export type LoyaltySettings = z.infer<typeof LoyaltySettings>;
export const DEFAULT_LOYALTY: LoyaltySettings = {
  loyalMinRepeat: 3,
  rhythmTolerance: 1.5,
  lapseFactor: 3,
  singlePurchaseLapsedDays: 365,
  maxRefundShare: 0.2,
  disloyalRefundShare: 0.5,
};

/** Lifecycle: prospect → new → growing → mature, and declining when the buyer drifts away. */
export const LifecycleSettings = z.object({
  /** First paid order within this many days → `new`. */
  newDays: z.number().int().nonnegative(),
  /** Distinct purchase days needed for `mature` (fewer → `growing`). */
  matureMinPurchaseDays: z.number().int().min(2),
  /** No purchase for more than this many days → `declining`. */
  decliningAfterDays: z.number().int().positive(),
  /** Days since last purchase above this multiple of the buyer's median interval → `declining`. */
  decliningRhythmFactor: PositiveRatio,
});
export type LifecycleSettings = z.infer<typeof LifecycleSettings>;
export const DEFAULT_LIFECYCLE: LifecycleSettings = {
  newDays: 30,
  matureMinPurchaseDays: 4,
  decliningAfterDays: 180,
  decliningRhythmFactor: 2,
};

/** Price sensitivity and quality orientation, relative to the shop's median unit price. */
export const PreferenceSettings = z.object({
  /** Discounted share of paid orders above this → price-sensitive ("most orders"). */
  discountShare: Share,
  /** Mean unit price at or below this multiple of the shop median → price-sensitive. */
  lowUnitPriceRatio: PositiveRatio,
  /** Mean unit price at or above this multiple of the shop median (and few refunds) → quality-oriented. */
  highUnitPriceRatio: PositiveRatio,
  /** Refund share at or below this is "few refunds" for quality orientation. */
  qualityMaxRefundShare: Share,
  /** How many top interest categories to list. */
  topCategories: z.number().int().min(0).max(10),
});
export type PreferenceSettings = z.infer<typeof PreferenceSettings>;
export const DEFAULT_PREFERENCES: PreferenceSettings = {
  discountShare: 0.5,
  lowUnitPriceRatio: 0.7,
  highUnitPriceRatio: 1.5,
  qualityMaxRefundShare: 0.1,
  topCategories: 3,
};

/** Business / reseller signals. */
export const CustomerTypeSettings = z.object({
  /** Largest quantity on one order line at or above this → reseller (wholesale quantities). */
  wholesaleQtyPerLine: z.number().int().positive(),
  /** Mean items per paid order at or above this → reseller. */
  resellerItemsPerOrder: PositiveRatio,
  /**
   * Words in a buyer name that mark a business. Latin words match whole words, case-insensitive
   * (a trailing "." is optional); CJK words match anywhere in the name.
   */
  businessNameWords: z.array(z.string().trim().min(1).max(40)).max(200),
});
export type CustomerTypeSettings = z.infer<typeof CustomerTypeSettings>;
export const DEFAULT_CUSTOMER_TYPE: CustomerTypeSettings = {
  wholesaleQtyPerLine: 10,
  resellerItemsPerOrder: 20,
  businessNameWords: [
    '公司',
    '有限',
    '集团',
    '企业',
    '商行',
    '商贸',
    '贸易',
    '工厂',
    '经营部',
    'Ltd',
    'Limited',
    'LLC',
    'LLP',
    'Inc',
    'Corp',
    'Corporation',
    'GmbH',
    'AG',
    'PLC',
    'Pty',
    'S.A.',
    'S.L.',
    'SARL',
    'SRL',
    'B.V.',
    'Co.',
    'Company',
    'Trading',
    'Wholesale',
  ],
};

/**
 * Needs read from conversations. A need sets the buyer's orientation when it came up in at least
 * `minChats` conversation-days (never fewer than 2: one message must not decide it) and in at
 * least `minShare` of the buyer's chats.
 */
export const NeedsSettings = z.object({
  /** Off: content scripts stop reading chats and no counts are recorded. */
  enabled: z.boolean(),
  minChats: z.number().int().min(2).max(100),
  minShare: Share,
});
export type NeedsSettings = z.infer<typeof NeedsSettings>;
export const DEFAULT_NEEDS: NeedsSettings = { enabled: true, minChats: 2, minShare: 0.3 };

export const Settings = z
  .object({
    version: z.literal(SCHEMA_SETTINGS_VERSION),
    language: z.enum(['auto', 'en', 'zh_CN']),
    shopCurrency: CurrencyCode,
    shopCountry: z.string().regex(/^[A-Z]{2}$/, 'country must be a 2-letter code such as CN'),
    timeZone: z.string().min(1),
    /** Units of shop currency per 1 unit of the keyed currency (CNY shop: { USD: 7.1 }). */
    currencyRates: z.record(CurrencyCode, z.number().positive()),
    scheme: z.enum(['rfm-grid', 'value-8']),
    rfm: z.object({
      method: z.enum(['quantile', 'absolute']),
      /** 0 = all time; otherwise only orders in the last N days count for F and M. */
      windowDays: z.number().int().nonnegative(),
      /** Absolute cut points: recency in days (a value ≤ cut gets the *higher* score), orders, spend (shop minor units). */
      recencyCuts: CutPoints4,
      frequencyCuts: CutPoints4,
      monetaryCuts: CutPoints4,
      minBuyersForQuantiles: z.number().int().min(1),
    }),
    /**
     * value-8 highs: R is high when recency days ≤ threshold; F and M are high when strictly above
     * the shop median (`median`), or at least the absolute amount (`absolute`).
     */
    value8: z.object({
      threshold: z.enum(['median', 'absolute']),
      recencyDays: z.number().nonnegative(),
      frequency: z.number().nonnegative(),
      monetary: z.number().nonnegative(),
    }),
    valueTier: z
      .object({
        weights: z.object({
          r: z.number().nonnegative(),
          f: z.number().nonnegative(),
          m: z.number().nonnegative(),
        }),
        /** Weighted score (1–5 scale): ≥ high → high, ≥ medium → medium, else low. */
        mediumAt: z.number().min(1).max(5),
        highAt: z.number().min(1).max(5),
      })
      .refine((v) => v.weights.r + v.weights.f + v.weights.m > 0, {
        message: 'value-tier weights cannot all be zero',
        path: ['weights'],
      })
      .refine((v) => v.highAt > v.mediumAt, {
        message: 'the high cut point must be above the medium one',
        path: ['highAt'],
      }),
    keyAccount: z.object({
      topShare: z.number().min(0).max(1),
      /** Absolute spend in shop minor units; 0 disables the absolute rule. */
      minSpend: z.number().int().nonnegative(),
    }),
    /** Paid orders: > cuts[1] high, > cuts[0] medium, else low. */
    frequencyBands: CutPoints2,
    /** Paid spend in shop minor units: > cuts[1] large, > cuts[0] medium, else small. */
    spendBands: CutPoints2,
    prediction: z.object({
      /** Time unit of the BG/NBD fit; the model is the same, only the scale of alpha changes. */
      unit: z.enum(['days', 'weeks']),
      horizonDays: z.number().int().positive(),
      /** Buyers with at least one repeat purchase day needed before predictions are shown. */
      minRepeatBuyers: z.number().int().positive(),
    }),
    // Added after version 1 shipped: defaults keep settings saved earlier valid.
    loyalty: LoyaltySettings.default(DEFAULT_LOYALTY),
    lifecycle: LifecycleSettings.default(DEFAULT_LIFECYCLE),
    preferences: PreferenceSettings.default(DEFAULT_PREFERENCES),
    customerType: CustomerTypeSettings.default(DEFAULT_CUSTOMER_TYPE),
    needs: NeedsSettings.default(DEFAULT_NEEDS),
    /** Per-site switch for capturing orders from order-list pages. */
    capture: z.record(z.string(), z.boolean()),
    demoLoaded: z.boolean(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(browserLanguage = 'en'): Settings {
  const zh = browserLanguage.toLowerCase().startsWith('zh');
  return {
    version: SCHEMA_SETTINGS_VERSION,
    language: 'auto',
    shopCurrency: zh ? 'CNY' : 'USD',
    shopCountry: zh ? 'CN' : 'US',
    timeZone: zh ? 'Asia/Shanghai' : 'UTC',
    currencyRates: {},
    scheme: zh ? 'value-8' : 'rfm-grid',
    rfm: {
      method: 'quantile',
      windowDays: 0,
      recencyCuts: [14, 30, 90, 180],
      frequencyCuts: [1, 2, 4, 7],
      monetaryCuts: [10_000, 30_000, 100_000, 300_000],
      minBuyersForQuantiles: 20,
    },
    value8: { threshold: 'median', recencyDays: 90, frequency: 2, monetary: 50_000 },
    valueTier: { weights: { r: 0.2, f: 0.3, m: 0.5 }, mediumAt: 2.5, highAt: 3.8 },
    keyAccount: { topShare: 0.05, minSpend: 0 },
    frequencyBands: [1, 4],
    spendBands: [20_000, 100_000],
    prediction: { unit: 'weeks', horizonDays: 90, minRepeatBuyers: 30 },
    loyalty: { ...DEFAULT_LOYALTY },
    lifecycle: { ...DEFAULT_LIFECYCLE },
    preferences: { ...DEFAULT_PREFERENCES },
    customerType: {
      ...DEFAULT_CUSTOMER_TYPE,
      businessNameWords: [...DEFAULT_CUSTOMER_TYPE.businessNameWords],
    },
    needs: { ...DEFAULT_NEEDS },
    capture: {},
    demoLoaded: false,
  };
}
