import { neutralizeCell, quoteCell } from '../export/cells';
import { formatMinor } from '../import/money';
import type { BuyerAggregate, BuyerClasses } from '../model';
import { SCORE_CLASS_COLUMNS } from '../model/dimensions';
import { isoDayInZone } from '../model/time';
import { epochDayInZoneFast } from '../scoring/zoneDay';

export const SCORE_COLUMNS = [
  'buyer_id',
  'orders',
  'paid_orders',
  'spend',
  'first_order',
  'last_order',
  'recency_days',
  'r',
  'f',
  'm',
  // The registry's class columns, in BuyerClasses order: segment, value_tier, loyalty, lifecycle.
  ...SCORE_CLASS_COLUMNS.map((c) => c.column),
  'p_alive',
  'expected_orders_90d',
  'expected_order_value',
] as const;

export interface ScoredBuyer {
  buyerId: string;
  agg: BuyerAggregate;
  classes: BuyerClasses | undefined;
}

/** `yyyy-MM-dd` in the zone, formatted once per calendar day (formatting dominated the output). */
function dayCell(at: number | undefined, timeZone: string, memo: Map<number, string>): string {
  if (at === undefined) return '';
  const day = epochDayInZoneFast(at, timeZone);
  let text = memo.get(day);
  if (text === undefined) {
    text = isoDayInZone(at, timeZone);
    memo.set(day, text);
  }
  return text;
}

function fixed(x: number | undefined, digits: number): string {
  return x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits);
}

/** Scored buyers as CSV in the file's money units (not minor units); no BOM: for tools. */
export function scoredBuyersCsv(buyers: readonly ScoredBuyer[], currency: string, timeZone: string): string {
  const lines = [SCORE_COLUMNS.join(',')];
  const days = new Map<number, string>();
  for (const b of buyers) {
    const c = b.classes;
    const p = c?.prediction.status === 'ok' ? c.prediction : undefined;
    const eov = p?.expectedOrderValue;
    const cells = [
      b.buyerId,
      String(b.agg.orders),
      String(b.agg.paidOrders),
      formatMinor(b.agg.paidSpend, currency),
      dayCell(b.agg.firstOrderAt, timeZone, days),
      dayCell(b.agg.lastOrderAt, timeZone, days),
      c?.rfm ? String(c.rfm.recencyDays) : '',
      c?.rfm ? String(c.rfm.r) : '',
      c?.rfm ? String(c.rfm.f) : '',
      c?.rfm ? String(c.rfm.m) : '',
      ...SCORE_CLASS_COLUMNS.map(({ dimension }) => c?.[dimension] ?? ''),
      fixed(p?.pAlive, 4),
      fixed(p?.expectedOrders, 4),
      eov === undefined ? '' : formatMinor(Math.round(eov), currency),
    ];
    lines.push(cells.map((x) => quoteCell(neutralizeCell(x))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
