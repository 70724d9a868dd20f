import { beforeAll, describe, expect, it } from 'vitest';
import { type BuyerAggregate, DAY_MS, defaultSettings, type Settings } from '../../../core/model';
import { aggregateOrders } from '../../../core/scoring/aggregate';
import {
  bgnbdConditionalExpected,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  compressBgNbd,
  fitBgNbd,
} from '../../../core/scoring/bgnbd';
import { bgnbdInputs, repeatMeanSpend } from '../../../core/scoring/features';
import { fitGammaGamma, prepareGammaGamma } from '../../../core/scoring/gammaGamma';
import { scoreAll } from '../../../core/scoring/index';
import { CALIBRATION_END_MS, readSampleElogOrders, readSummary, readSummaryWithTransactions } from './cdnow';

// Published values: Fader, Hardie & Lee (2005), as listed in ../shared/data/README.md.
const BGNBD = { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262, ll: -9582.43 };
const GG = { p: 6.25, q: 3.74, v: 15.44 };

const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

function expectBgNbdMatchesPublished(p: { r: number; alpha: number; a: number; b: number }, ll: number) {
  expect(relErr(p.r, BGNBD.r)).toBeLessThan(0.005);
  expect(relErr(p.alpha, BGNBD.alpha)).toBeLessThan(0.005);
  expect(relErr(p.a, BGNBD.a)).toBeLessThan(0.005);
  expect(relErr(p.b, BGNBD.b)).toBeLessThan(0.005);
  expect(Math.abs(ll - BGNBD.ll)).toBeLessThan(0.05);
}

describe('BG/NBD and Gamma-Gamma on the CDNOW calibration summary', () => {
  const summary = readSummaryWithTransactions();

  it('has the 2,357 buyers the paper used', () => {
    expect(summary).toHaveLength(2357);
    expect(summary.filter((s) => s.x > 0)).toHaveLength(946);
  });

  it('fits BG/NBD to the published maximum-likelihood estimates', () => {
    const fit = fitBgNbd(compressBgNbd(summary));
    expect(fit).not.toBeNull();
    expectBgNbdMatchesPublished(fit!.params, fit!.ll);
  });

  it('log-likelihood at the published parameters is the published value', () => {
    const ll = bgnbdLogLikelihood(BGNBD, compressBgNbd(summary));
    expect(Math.abs(ll - BGNBD.ll)).toBeLessThan(0.05);
  });

  it('reproduces the published buyer-level expectations with the fitted parameters', () => {
    const p = fitBgNbd(compressBgNbd(summary))!.params;
    expect(relErr(bgnbdConditionalExpected(p, 39, 2, 30.43, 38.86), 1.226)).toBeLessThan(0.005);
    expect(relErr(bgnbdProbabilityAlive(p, 26, 30.857, 31), 0.9689)).toBeLessThan(0.005);
    expect(relErr(bgnbdConditionalExpected(p, 52, 26, 30.857, 31), 25.757)).toBeLessThan(0.005);
  });

  it('fits Gamma-Gamma on the 946 repeat buyers to the published p, q, gamma', () => {
    const data = prepareGammaGamma(summary.map((s) => ({ x: s.x, zbar: s.zbar })));
    expect(data.buyers).toBe(946);
    const fit = fitGammaGamma(data)!;
    expect(relErr(fit.params.p, GG.p)).toBeLessThan(0.01);
    expect(relErr(fit.params.q, GG.q)).toBeLessThan(0.01);
    expect(relErr(fit.params.v, GG.v)).toBeLessThan(0.01);
  });

  it('fitting in days instead of weeks is the same model: alpha scales by 7, LL shifts by Σx·ln 7', () => {
    const weeks = fitBgNbd(compressBgNbd(summary))!;
    const days = fitBgNbd(compressBgNbd(summary.map((s) => ({ x: s.x, tx: s.tx * 7, T: s.T * 7 }))))!;
    const sumX = summary.reduce((s, r) => s + r.x, 0);
    expect(relErr(days.params.r, weeks.params.r)).toBeLessThan(1e-4);
    expect(relErr(days.params.alpha, weeks.params.alpha * 7)).toBeLessThan(1e-4);
    expect(relErr(days.params.a, weeks.params.a)).toBeLessThan(1e-4);
    expect(relErr(days.params.b, weeks.params.b)).toBeLessThan(1e-4);
    expect(days.ll).toBeCloseTo(weeks.ll - sumX * Math.log(7), 4);
  });
});

describe('the summary built from the CDNOW event log through the aggregate pipeline', () => {
  const settings: Settings = {
    ...defaultSettings('en'),
    timeZone: 'UTC',
    prediction: { unit: 'weeks', horizonDays: 273, minRepeatBuyers: 30 },
  };
  const asOfDay = Math.floor(CALIBRATION_END_MS / DAY_MS);
  const aggs = new Map<number, BuyerAggregate>();

  beforeAll(() => {
    const ctx = { shopCurrency: 'USD', currencyRates: {}, timeZone: 'UTC' };
    for (const [id, orders] of readSampleElogOrders()) {
      const calibration = orders.filter((o) => o.placedAt <= CALIBRATION_END_MS);
      if (calibration.length > 0) aggs.set(Number(id), aggregateOrders(calibration, ctx));
    }
  });

  it('merges same-day purchases and reproduces x, t_x, T of cdnow_customers_summary.csv', () => {
    const summary = readSummary();
    expect(aggs.size).toBe(summary.length);
    for (const s of summary) {
      const agg = aggs.get(s.id);
      expect(agg, `buyer ${s.id}`).toBeDefined();
      const got = bgnbdInputs(agg!, asOfDay, 7);
      expect(got.x, `x of buyer ${s.id}`).toBe(s.x);
      // The CSV rounds weeks to 2 decimals.
      expect(Math.abs(got.tx - s.tx), `t_x of buyer ${s.id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(got.T - s.T), `T of buyer ${s.id}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('reproduces zbar (mean spend of the repeat purchase days) in cents', () => {
    for (const s of readSummaryWithTransactions()) {
      const zbar = repeatMeanSpend(aggs.get(s.id)!) / 100;
      expect(Math.abs(zbar - s.zbar), `zbar of buyer ${s.id}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('scoreAll fits the same BG/NBD and Gamma-Gamma (order values in cents) as the paper', () => {
    const buyers = [...aggs].map(([id, agg]) => ({ key: `cdnow:${id}`, agg }));
    const res = scoreAll(buyers, settings, CALIBRATION_END_MS);
    expect(res.fits.bgnbd).not.toBeNull();
    expectBgNbdMatchesPublished(res.fits.bgnbd!, res.fits.bgnbd!.ll);
    const gg = res.fits.gammaGamma!;
    expect(relErr(gg.p, GG.p)).toBeLessThan(0.01);
    expect(relErr(gg.q, GG.q)).toBeLessThan(0.01);
    // Minor units: gamma is on the cents scale.
    expect(relErr(gg.v / 100, GG.v)).toBeLessThan(0.01);
    expect(res.warnings).toEqual([]);
  });

  it('per-buyer predictions agree with the closed forms on the buyer’s own summary', () => {
    const buyers = [...aggs].map(([id, agg]) => ({ key: `cdnow:${id}`, agg }));
    const res = scoreAll(buyers, settings, CALIBRATION_END_MS);
    const p = res.fits.bgnbd!;
    const c = res.classes.get('cdnow:1')!;
    expect(c.prediction.status).toBe('ok');
    if (c.prediction.status !== 'ok') return;
    const { x, tx, T } = bgnbdInputs(aggs.get(1)!, asOfDay, 7);
    expect(c.prediction.pAlive).toBeCloseTo(bgnbdProbabilityAlive(p, x, tx, T), 12);
    expect(c.prediction.expectedOrders).toBeCloseTo(bgnbdConditionalExpected(p, 39, x, tx, T), 12);
    // Buyer 1 is the paper's x = 2, t_x = 30.43, T = 38.86 example: 1.226 over 39 weeks.
    expect(relErr(c.prediction.expectedOrders, 1.226)).toBeLessThan(0.005);
    expect(c.prediction.expectedOrderValue).toBeGreaterThan(0);
  });
});
