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
      unit: z.enum(['days', 'weeks']),
      horizonDays: z.number().int().positive(),
      minRepeatBuyers: z.number().int().positive(),
    }),
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
    capture: {},
    demoLoaded: false,
  };
}
