/**
 * Per-buyer aggregation straight from order columns against the object path (issue: speed).
 * `aggregateColumns` must give, buyer for buyer and in the same buyer order, what grouping the
 * same orders by buyer in file order and calling `aggregateOrders` gives; `MoneyTally.addRows`
 * what `MoneyTally.add` gives. Checked on every import fixture the fast importer reads into
 * columns and on generated columns full of refunds, cancellations, foreign currencies with and
 * without rates, countries, zones with daylight saving and buyers with many purchase days.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFast } from '@/core/import/fast/importFast';
import { MoneyTally } from '@/core/import/moneySummary';
import { epochDayInZone } from '@/core/model';
import { columnsToOrders, type OrderColumns, OrderColumnsBuilder } from '@/core/model/orderColumns';
import { type AggregateContext, aggregateOrdersByBuyer } from '@/core/scoring/aggregate';
import { aggregateColumns, rowsUpToDay } from '@/core/scoring/aggregateColumns';
import { seededRandom } from '@/core/scoring/cluster/random';

/** Asserts both ways agree for the orders up to `lastDay` (all when undefined). */
function same(c: OrderColumns, ctx: AggregateContext, lastDay?: number): number {
  const all = columnsToOrders(c);
  const chosen =
    lastDay === undefined ? all : all.filter((o) => epochDayInZone(o.placedAt, ctx.timeZone) <= lastDay);
  const rows = rowsUpToDay(c, ctx.timeZone, lastDay);
  expect(rows.length).toBe(chosen.length);
  expect(aggregateColumns(c, rows, ctx)).toEqual(aggregateOrdersByBuyer(chosen, ctx));
  expect(new MoneyTally().addRows(c, rows).summary()).toEqual(new MoneyTally().add(chosen).summary());
  return chosen.length;
}

describe('aggregateColumns on the import fixtures', () => {
  const dir = join(process.cwd(), 'tests/fixtures/import');
  const files = readdirSync(dir).filter((f) => /\.(csv|txt)$/.test(f));
  it('agrees with aggregateOrders on every fixture read into columns', () => {
    const compared: string[] = [];
    for (const f of files) {
      let r: ReturnType<typeof importFast>;
      try {
        r = importFast(readFileSync(join(dir, f)), {
          timeZone: 'Asia/Shanghai',
          now: 1_700_000_000_000,
          today: Date.UTC(2026, 0, 1),
          importId: 'agg',
        });
      } catch {
        continue; // files the importer refuses have no orders to aggregate
      }
      if (r.path !== 'columns') continue;
      const currency = r.columns.currencies[0] ?? 'USD';
      same(r.columns, { shopCurrency: currency, currencyRates: {}, timeZone: 'Asia/Shanghai' });
      compared.push(f);
    }
    // The comparison must have run on a real file (most fixtures carry items: general path).
    expect(compared).toContain('generic-plain.csv');
  });
});

/** Seeded item-less orders: statuses, currencies, countries and times chosen to be awkward. */
function generated(seed: number, orders: number, buyers: number): OrderColumns {
  const r = seededRandom(seed);
  const b = new OrderColumnsBuilder('import', 1_700_000_000_000, seed % 2 === 0 ? 'gen' : undefined);
  const start = Date.UTC(2023, 2, 20); // around the spring daylight-saving changes
  for (let i = 0; i < orders; i++) {
    // A few buyers get most orders, so some have far more than 16 purchase days.
    const buyer = Math.floor(r() * r() * r() * buyers);
    // Times of day near midnight and near the clock changes, a few milliseconds apart.
    const at = start + Math.floor(r() * 400) * 86_400_000 + Math.floor(r() * 86_400_000);
    const total = r() < 0.05 ? 0 : Math.floor(r() * 1_000_000);
    const status = r() < 0.8 ? 0 : r() < 0.5 ? 1 : 2;
    const currency = ['USD', 'EUR', 'GBP', 'JPY'][Math.floor(r() * r() * 4)];
    const country = r() < 0.3 ? undefined : ['US', 'DE', 'CN', 'GB', 'FR'][Math.floor(r() * 5)];
    b.push(
      `${seed}-${i}`,
      i + 2,
      b.buyerIndex(`import:B${buyer}`),
      r() < 0.5 ? `Buyer ${buyer}` : undefined,
      at,
      total,
      b.currencyIndex(currency),
      status,
      b.countryIndex(country),
    );
  }
  return b.build();
}

describe('aggregateColumns on generated columns', () => {
  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Pacific/Chatham'];
  for (const [n, timeZone] of zones.entries()) {
    it(`agrees with aggregateOrders in ${timeZone}, rates and as-of cuts`, () => {
      const c = generated(n + 1, 4000, 300);
      const rates = { EUR: 1.0825, GBP: 1.27 }; // JPY has no rate: unconverted orders
      const contexts: AggregateContext[] = [
        { shopCurrency: 'USD', currencyRates: rates, timeZone },
        { shopCurrency: 'EUR', currencyRates: {}, timeZone },
        { shopCurrency: 'JPY', currencyRates: { USD: 151.3 }, timeZone },
      ];
      for (const ctx of contexts) {
        expect(same(c, ctx)).toBe(4000);
        const firstDay = epochDayInZone(Date.UTC(2023, 2, 20), timeZone);
        for (const lastDay of [firstDay - 1, firstDay + 7, firstDay + 200]) same(c, ctx, lastDay);
      }
      const many = aggregateColumns(c, rowsUpToDay(c, timeZone, undefined), {
        shopCurrency: 'USD',
        currencyRates: rates,
        timeZone,
      });
      expect(Math.max(...many.map((b) => b.agg.days.length))).toBeGreaterThan(16);
    });
  }

  it('gives nothing for no orders and keeps buyers whose orders are all cut', () => {
    const c = generated(9, 0, 10);
    expect(
      aggregateColumns(c, rowsUpToDay(c, 'UTC', undefined), {
        shopCurrency: 'USD',
        currencyRates: {},
        timeZone: 'UTC',
      }),
    ).toEqual([]);
    const d = generated(10, 500, 40);
    expect(same(d, { shopCurrency: 'USD', currencyRates: {}, timeZone: 'UTC' }, 0)).toBe(0);
  });
});
