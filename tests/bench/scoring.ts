import {
  type BuyerAggregate,
  DAY_MS,
  defaultSettings,
  epochDayInZone,
  type Settings,
} from '../../core/model';
import { OrderColumnsBuilder, statusCode } from '../../core/model/orderColumns';
import { aggregateOrders } from '../../core/scoring/aggregate';
import { aggregateColumns, rowsUpToDay } from '../../core/scoring/aggregateColumns';
import { compressBgNbd, fitBgNbd } from '../../core/scoring/bgnbd';
import { classifyBuyer } from '../../core/scoring/classify';
import { bgnbdInputs, hasPaidPurchase, repeatMeanSpend } from '../../core/scoring/features';
import { fitGammaGamma, prepareGammaGamma } from '../../core/scoring/gammaGamma';
import { scoreAll } from '../../core/scoring/index';
import { unitDaysOf } from '../../core/scoring/prediction';
import { syntheticShop } from '../support/synthetic';
import { CALIBRATION_END_MS, readMasterOrders } from '../unit/scoring/cdnow';

type Report = (name: string, value: number, unit: string) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * Scoring benchmarks (targets on a 2-core machine):
 * 1. aggregate + score 1,000,000 synthetic orders of 100,000 buyers, including both model fits
 *    from cold starts (≤ 400 ms). Classes are lean (no reasons), as the background stores them;
 *    The same orders as item-less columns, aggregated by `aggregateColumns` (the command line's path);
 * 2. rescore 100,000 aggregates: scoreAll reusing the last fits (context rebuilt, lean classes) (≤ 100 ms);
 * 3. BG/NBD fit on the full CDNOW master log, 23,570 buyers (≤ 2 s).
 * Inputs are generated / read before the clock starts; each figure is the median of a few runs.
 * Wall-clock figures: on a shared machine run it alone, other processes inflate them.
 */
export async function run(report: Report): Promise<void> {
  const settings: Settings = defaultSettings('zh-CN'); // Asia/Shanghai, value-8, weeks
  const asOf = Date.UTC(2025, 0, 1);
  const shop = syntheticShop({
    buyers: 100_000,
    orders: 1_000_000,
    startMs: asOf - 730 * DAY_MS,
    endMs: asOf,
  });
  const aggCtx = { shopCurrency: settings.shopCurrency, currencyRates: {}, timeZone: settings.timeZone };

  const aggTimes: number[] = [];
  const scoreTimes: number[] = [];
  const totals: number[] = [];
  let buyers: Array<{ key: string; name: string; agg: BuyerAggregate }> = [];
  let last: ReturnType<typeof scoreAll> | undefined;
  for (let i = 0; i < 5; i++) {
    const [bs, tAgg] = time(() =>
      shop.map((b) => ({ key: b.key, name: b.name, agg: aggregateOrders(b.orders, aggCtx) })),
    );
    // Cold fits every time: no `fits`, no `warmStart`.
    const [res, tScore] = time(() => scoreAll(bs, settings, asOf, { reasons: false }));
    buyers = bs;
    last = res;
    aggTimes.push(tAgg);
    scoreTimes.push(tScore);
    totals.push(tAgg + tScore);
  }
  if (!last) return;
  report('aggregate 1M orders (100k buyers)', median(aggTimes), 'ms');
  report('scoreAll 100k buyers incl. BG/NBD + Gamma-Gamma fits (lean)', median(scoreTimes), 'ms');
  report('aggregate + score 1M orders, total', median(totals), 'ms');

  // The same orders as item-less columns (what the fast importer gives for a one-line-order
  // export, and what `npm run score` aggregates): columnar aggregation, then the same scoring.
  const builder = new OrderColumnsBuilder('import', asOf, undefined);
  for (const b of shop) {
    const buyer = builder.buyerIndex(b.key);
    for (const o of b.orders) {
      builder.push(
        o.orderId,
        0,
        buyer,
        undefined,
        o.placedAt,
        o.total,
        builder.currencyIndex(o.currency),
        statusCode(o.status),
        0,
      );
    }
  }
  const columns = builder.build();
  const colAgg: number[] = [];
  const colTotals: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [bs, tAgg] = time(() =>
      aggregateColumns(columns, rowsUpToDay(columns, settings.timeZone, undefined), aggCtx),
    );
    const [, tScore] = time(() => scoreAll(bs, settings, asOf, { reasons: false }));
    colAgg.push(tAgg);
    colTotals.push(tAgg + tScore);
  }
  report('aggregate 1M item-less orders from columns', median(colAgg), 'ms');
  report('aggregate (columns) + score 1M orders, total', median(colTotals), 'ms');

  const fits = last.context.fits;
  const ctx = last.context;
  const rescore: number[] = [];
  for (let i = 0; i < 7; i++)
    rescore.push(time(() => scoreAll(buyers, settings, asOf, { fits, reasons: false }))[1]);
  report('rescore 100k (context rebuild + lean classify, fits reused)', median(rescore), 'ms');
  const lean: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 7; i++) {
    lean.push(
      time(() => {
        for (const b of buyers) classifyBuyer(b, ctx, settings, asOf, { reasons: false });
      })[1],
    );
    full.push(
      time(() => {
        for (const b of buyers) classifyBuyer(b, ctx, settings, asOf);
      })[1],
    );
  }
  report('classify 100k against an existing context (lean)', median(lean), 'ms');
  report('classify 100k against an existing context (with reasons)', median(full), 'ms');

  // The two fits on the synthetic shop on their own, with their evaluation counts.
  const asOfDay = epochDayInZone(asOf, settings.timeZone);
  const unitDays = unitDaysOf(settings.prediction.unit);
  const paid = buyers.map((b) => b.agg).filter(hasPaidPurchase);
  const rows = paid.map((a) => bgnbdInputs(a, asOfDay, unitDays));
  const spend = paid.flatMap((a, i) => (rows[i].x > 0 ? [{ x: rows[i].x, zbar: repeatMeanSpend(a) }] : []));
  const bgTimes: number[] = [];
  const ggTimes: number[] = [];
  let bgEvals = 0;
  let ggEvals = 0;
  for (let i = 0; i < 3; i++) {
    const [bg, tBg] = time(() => fitBgNbd(compressBgNbd(rows)));
    const [gg, tGg] = time(() => fitGammaGamma(prepareGammaGamma(spend)));
    bgTimes.push(tBg);
    ggTimes.push(tGg);
    bgEvals = bg?.evaluations ?? Number.NaN;
    ggEvals = gg?.evaluations ?? Number.NaN;
  }
  const distinctRows = compressBgNbd(rows).rowWeight.length;
  report(
    `BG/NBD fit, synthetic (${rows.length} buyers, ${distinctRows} distinct rows)`,
    median(bgTimes),
    'ms',
  );
  report('BG/NBD evaluations per fit, synthetic', bgEvals, 'evaluations');
  report(`Gamma-Gamma fit, synthetic (${spend.length} repeat buyers)`, median(ggTimes), 'ms');
  report('Gamma-Gamma evaluations per fit, synthetic', ggEvals, 'evaluations');

  // CDNOW master log: aggregate each buyer's calibration-period orders, then fit.
  const utc = { shopCurrency: 'USD', currencyRates: {}, timeZone: 'UTC' };
  const master = readMasterOrders();
  const masterAggs: BuyerAggregate[] = [];
  for (const orders of master.values()) {
    const cal = orders.filter((o) => o.placedAt <= CALIBRATION_END_MS);
    if (cal.length > 0) masterAggs.push(aggregateOrders(cal, utc));
  }
  const calDay = Math.floor(CALIBRATION_END_MS / DAY_MS);
  const fitTimes: number[] = [];
  let ll = 0;
  let evaluations = 0;
  for (let i = 0; i < 3; i++) {
    const [fit, t] = time(() =>
      fitBgNbd(compressBgNbd(masterAggs.filter(hasPaidPurchase).map((a) => bgnbdInputs(a, calDay, 7)))),
    );
    fitTimes.push(t);
    ll = fit?.ll ?? Number.NaN;
    evaluations = fit?.evaluations ?? Number.NaN;
  }
  report(`BG/NBD fit, CDNOW master (${masterAggs.length} buyers)`, median(fitTimes), 'ms');
  report('BG/NBD evaluations per fit, CDNOW master', evaluations, 'evaluations');
  report('BG/NBD log-likelihood, CDNOW master', ll, 'nats');
}
