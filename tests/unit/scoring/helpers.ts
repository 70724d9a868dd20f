import {
  type BuyerAggregate,
  DAY_MS,
  defaultSettings,
  EMPTY_AGGREGATE,
  type Settings,
} from '../../../core/model';

/** asOf used across the class tests: 2025-06-30 noon UTC, epoch day ASOF_DAY. */
export const ASOF = Date.UTC(2025, 5, 30, 12);
export const ASOF_DAY = Math.floor(ASOF / DAY_MS);

/** UTC settings so epoch days are plain arithmetic in tests. */
export function testSettings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings('en'), timeZone: 'UTC', ...patch };
}

/**
 * An aggregate from purchase days given as "days before ASOF" with spend (and orders that day);
 * counters default to one paid order per day. `extra` overrides any field.
 */
export function aggOf(
  daysAgo: Array<[number, number] | [number, number, number]>,
  extra: Partial<BuyerAggregate> = {},
): BuyerAggregate {
  const days = daysAgo
    .map(([ago, spend, orders]): [number, number, number] => [ASOF_DAY - ago, spend, orders ?? 1])
    .sort((a, b) => a[0] - b[0]);
  const paidOrders = days.reduce((s, d) => s + d[2], 0);
  const paidSpend = days.reduce((s, d) => s + d[1], 0);
  return {
    ...EMPTY_AGGREGATE,
    orders: paidOrders,
    paidOrders,
    paidSpend,
    days,
    firstOrderAt: days.length ? days[0][0] * DAY_MS : undefined,
    lastOrderAt: days.length ? days[days.length - 1][0] * DAY_MS : undefined,
    categorySpend: {},
    countries: {},
    ...extra,
  };
}

export const PROSPECT: BuyerAggregate = { ...EMPTY_AGGREGATE, days: [], categorySpend: {}, countries: {} };
