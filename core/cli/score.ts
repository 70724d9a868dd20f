import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { minorDigits } from '../import/currency';
import { normalizeEncodingLabel } from '../import/encoding';
import { ImportError } from '../import/errors';
import { type FastImport, importFast } from '../import/fast/importFast';
import { MappingSpec } from '../import/mapping';
import { explainMappingError } from '../import/mappingProblems';
import {
  type FileMoneySummary,
  MoneyTally,
  summariseFileMoney,
  unconvertedAgainst,
} from '../import/moneySummary';
import { getPreset } from '../import/presets';
import { assertTimeZone, wallTimeToEpoch } from '../import/zoned';
import { defaultSettings, epochDayInZone, isoDayInZone, splitBuyerKey } from '../model';
import { type AggregateContext, aggregateOrdersByBuyer, scoreAll } from '../scoring';
import { aggregateColumns, type KeyedAggregate, rowsUpToDay } from '../scoring/aggregateColumns';
import { parseScoreArgs } from './args';
import { type ScoredBuyer, scoredBuyersCsv } from './buyersCsv';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * `npm run score`: import a file, aggregate per buyer, score, write one CSV row per buyer and
 * print the fitted model parameters. Bad rows are counted and listed in the report, never
 * fatal; file-level problems (unreadable file, no header, missing columns) exit with code 2.
 */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  const args = parseScoreArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    return 2;
  }
  try {
    assertTimeZone(args.timeZone);
  } catch {
    io.err(`unknown time zone '${args.timeZone}'`);
    return 2;
  }
  let mapping: MappingSpec | undefined;
  if (args.map) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(args.map, 'utf8'));
    } catch (e) {
      io.err(`cannot read mapping ${args.map}: ${(e as Error).message}`);
      return 2;
    }
    const parsed = MappingSpec.safeParse(raw);
    if (!parsed.success) {
      io.err(`mapping ${args.map}: ${explainMappingError(parsed.error)}`);
      return 2;
    }
    mapping = parsed.data;
  } else if (args.preset && !getPreset(args.preset)) {
    io.err(`unknown preset '${args.preset}'`);
    return 2;
  }
  const encoding = normalizeEncodingLabel(args.encoding ?? 'auto');
  if (!encoding) {
    io.err(`unknown encoding '${args.encoding}'`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args.input));
  } catch (e) {
    io.err(`cannot read ${args.input}: ${(e as Error).message}`);
    return 2;
  }
  const tz = args.timeZone;
  const asOfParts = args.asOf?.split('-').map(Number);
  const now = asOfParts
    ? wallTimeToEpoch(asOfParts[0], asOfParts[1], asOfParts[2], 0, 0, 0, 0, tz)
    : Date.now();
  let result: FastImport;
  try {
    result = importFast(bytes, {
      mapping,
      preset: mapping ? undefined : args.preset,
      timeZone: tz,
      currency: args.currency,
      encoding,
      now,
      // --as-of may lie in the past (later orders are then ignored, not rejected): only dates
      // after the real today are impossible.
      today: Date.now(),
      importId: 'cli',
    });
  } catch (e) {
    if (e instanceof ImportError) {
      io.err(`${args.input}: ${e.message}`);
      return 2;
    }
    throw e;
  }

  // As-of: start of that day in the shop zone; orders on later calendar days are ignored.
  // Without --as-of, the day of the latest order.
  const lastAt = latestOrderAt(result);
  const asOf = asOfParts ? now : startOfDay(lastAt, tz);
  const chosen = ordersUpTo(result, tz, epochDayInZone(asOf, tz));
  const before = result.path === 'columns' ? result.columns.count : result.orders.length;
  const ignored = before - chosen.count;

  const settings = defaultSettings('en');
  settings.timeZone = tz;
  settings.scheme = args.scheme;
  settings.prediction.unit = args.unit;
  // Money is reported in the file's own currency (most of its orders) unless --currency forces one.
  const money = chosen.money;
  settings.shopCurrency = args.currency ?? mapping?.currency ?? money.dominant ?? 'USD';
  const currency = settings.shopCurrency;
  const unconverted = unconvertedAgainst(money, currency, settings.currencyRates);

  const buyers = chosen.aggregate({
    shopCurrency: currency,
    currencyRates: settings.currencyRates,
    timeZone: tz,
  });
  // The output holds no reasons, so classes are lean (the same classes, without explanations).
  const scored = scoreAll(buyers, settings, asOf, { reasons: false });

  const rows: ScoredBuyer[] = buyers.map((b) => ({
    buyerId: splitBuyerKey(b.key).buyerId,
    agg: b.agg,
    classes: scored.classes.get(b.key),
  }));
  writeFileSync(args.out, scoredBuyersCsv(rows, currency, tz));

  const unit = 10 ** minorDigits(currency);
  const report = {
    input: args.input,
    preset: result.preset,
    layout: result.layout,
    encoding: result.encoding,
    delimiter: result.delimiter,
    headerLine: result.headerLine,
    asOf: new Date(asOf).toISOString(),
    timeZone: tz,
    currency,
    currencies: money.byCurrency,
    unconvertedOrders: unconverted.orders,
    presetDetected: !mapping && !args.preset,
    footerLines: result.footerLines,
    rowsRead: result.rowsRead,
    orders: chosen.count,
    ordersAfterAsOf: ignored,
    buyers: buyers.length,
    rejectedRows: result.rejects.length,
    rejects: result.rejects,
    warnings: scored.warnings,
    fits: {
      bgnbd: scored.fits.bgnbd,
      gammaGamma: scored.fits.gammaGamma && { ...scored.fits.gammaGamma, v: scored.fits.gammaGamma.v / unit },
    },
  };
  if (args.report) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);

  if (!mapping && !args.preset) {
    const how = result.layout ? `${result.preset} (${result.layout})` : result.preset;
    io.out(`detected preset ${how} from the header on line ${result.headerLine}`);
  }
  io.out(
    `read ${result.rowsRead} rows: ${before} orders (${ignored} after the as-of date ignored), ` +
      `${buyers.length} buyers, ${result.rejects.length} rejected rows`,
  );
  for (const r of result.rejects.slice(0, 10)) io.out(`  line ${r.line}: ${r.reason}`);
  if (result.rejects.length > 10) io.out(`  … ${result.rejects.length - 10} more in the report`);
  if (result.footerLines > 0) io.out(`  ${result.footerLines} footer lines skipped`);
  for (const c of unconverted.byCurrency.filter((u) => u.paidOrders > 0)) {
    io.out(
      `  ${c.paidOrders} paid orders in ${c.currency} are left out of spend (no rate to ${currency}); they still count as orders`,
    );
  }
  io.out(`as of ${isoDayInZone(asOf, tz)} (${tz}), money in ${currency}; wrote ${args.out}`);
  const bg = scored.fits.bgnbd;
  io.out(
    bg
      ? `bgnbd r=${bg.r.toFixed(4)} alpha=${bg.alpha.toFixed(4)} a=${bg.a.toFixed(4)} b=${bg.b.toFixed(4)} ll=${bg.ll.toFixed(2)}`
      : 'bgnbd not enough history',
  );
  const gg = scored.fits.gammaGamma;
  io.out(
    gg
      ? `gammagamma p=${gg.p.toFixed(4)} q=${gg.q.toFixed(4)} v=${(gg.v / unit).toFixed(4)}`
      : 'gammagamma not enough history',
  );
  return 0;
}

/** The latest order's time (0 for a file without orders). */
function latestOrderAt(result: FastImport): number {
  let latest = 0;
  if (result.path === 'columns') {
    for (const at of result.columns.placedAt) if (at > latest) latest = at;
  } else for (const o of result.orders) if (o.placedAt > latest) latest = o.placedAt;
  return latest;
}

/** The orders up to the as-of day: how many, their money, and their per-buyer aggregates. */
interface ChosenOrders {
  count: number;
  money: FileMoneySummary;
  aggregate: (ctx: AggregateContext) => KeyedAggregate[];
}

function ordersUpTo(result: FastImport, tz: string, asOfDay: number): ChosenOrders {
  if (result.path === 'columns') {
    const c = result.columns;
    const rows = rowsUpToDay(c, tz, asOfDay);
    return {
      count: rows.length,
      money: new MoneyTally().addRows(c, rows).summary(),
      aggregate: (ctx) => aggregateColumns(c, rows, ctx),
    };
  }
  const orders = result.orders.filter((o) => epochDayInZone(o.placedAt, tz) <= asOfDay);
  return {
    count: orders.length,
    money: summariseFileMoney(orders),
    aggregate: (ctx) => aggregateOrdersByBuyer(orders, ctx),
  };
}

function startOfDay(at: number, tz: string): number {
  const [y, m, d] = isoDayInZone(at, tz).split('-').map(Number);
  return wallTimeToEpoch(y, m, d, 0, 0, 0, 0, tz);
}

const invoked = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (invoked) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}
