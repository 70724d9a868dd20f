import { type BuyerAggregate, DAY_MS, defaultSettings, type Settings } from '../../core/model';
import { aggregateOrders } from '../../core/scoring/aggregate';
import { compressBgNbd, fitBgNbd } from '../../core/scoring/bgnbd';
import { classifyBuyer } from '../../core/scoring/classify';
import { bgnbdInputs, hasPaidPurchase } from '../../core/scoring/features';
import { scoreAll } from '../../core/scoring/index';
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
 * 1. aggregate + score 1,000,000 synthetic orders of 100,000 buyers, including both model fits (≤ 400 ms);
 * 2. rescore 100,000 aggregates: scoreAll reusing the last fits (context rebuilt, no refit) (≤ 100 ms);
 * 3. BG/NBD fit on the full CDNOW master log, 23,570 buyers (≤ 2 s).
 * Inputs are generated / read before the clock starts; each figure is the median of a few runs.
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
  for (let i = 0; i < 3; i++) {
    const [bs, tAgg] = time(() =>
      shop.map((b) => ({ key: b.key, name: b.name, agg: aggregateOrders(b.orders, aggCtx) })),
    );
    const [res, tScore] = time(() => scoreAll(bs, settings, asOf));
    buyers = bs;
    last = res;
    aggTimes.push(tAgg);
    scoreTimes.push(tScore);
    totals.push(tAgg + tScore);
  }
  report('aggregate 1M orders (100k buyers)', median(aggTimes), 'ms');
  report('scoreAll 100k buyers incl. BG/NBD + Gamma-Gamma fit', median(scoreTimes), 'ms');
  report('aggregate + score 1M orders, total', median(totals), 'ms');

  const fits = last!.context.fits;
  const rescore: number[] = [];
  for (let i = 0; i < 5; i++) rescore.push(time(() => scoreAll(buyers, settings, asOf, { fits }))[1]);
  report('rescore 100k aggregates (scoreAll, fits reused)', median(rescore), 'ms');
  const ctx = last!.context;
  const classifyOnly: number[] = [];
  for (let i = 0; i < 5; i++) {
    classifyOnly.push(
      time(() => {
        for (const b of buyers) classifyBuyer(b, ctx, settings, asOf);
      })[1],
    );
  }
  report('classify 100k buyers against an existing context', median(classifyOnly), 'ms');

  // CDNOW master log: aggregate each buyer's calibration-period orders, then fit.
  const utc = { shopCurrency: 'USD', currencyRates: {}, timeZone: 'UTC' };
  const master = readMasterOrders();
  const masterAggs: BuyerAggregate[] = [];
  for (const orders of master.values()) {
    const cal = orders.filter((o) => o.placedAt <= CALIBRATION_END_MS);
    if (cal.length > 0) masterAggs.push(aggregateOrders(cal, utc));
  }
  const asOfDay = Math.floor(CALIBRATION_END_MS / DAY_MS);
  const fitTimes: number[] = [];
  let ll = 0;
  for (let i = 0; i < 3; i++) {
    const [fit, t] = time(() =>
      fitBgNbd(compressBgNbd(masterAggs.filter(hasPaidPurchase).map((a) => bgnbdInputs(a, asOfDay, 7)))),
    );
    fitTimes.push(t);
    ll = fit?.ll ?? Number.NaN;
  }
  report(`BG/NBD fit, CDNOW master (${masterAggs.length} buyers)`, median(fitTimes), 'ms');
  report('BG/NBD log-likelihood, CDNOW master', ll, 'nats');
}
