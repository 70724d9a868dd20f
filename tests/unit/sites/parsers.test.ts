import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../../core/sites/dates';
import { parseLocalMoney, parseMoney } from '../../../core/sites/money';
import { statusFromText } from '../../../core/sites/status';
import { cleanText, MAX_NAME_LENGTH } from '../../../core/sites/text';

describe('parseMoney', () => {
  it.each([
    ['¥1,234.50', 123450, 'CNY'],
    ['￥88', 8800, 'CNY'],
    ['实收款：￥0.29', 29, 'CNY'],
    ['$25.98', 2598, 'USD'],
    ['US$1,039.99', 103999, 'USD'],
    ['€1.234,50', 123450, 'EUR'],
    ['€12,34', 1234, 'EUR'],
    ['£18.50', 1850, 'GBP'],
    ['S$12.00', 1200, 'SGD'],
    ['RM 45.90', 4590, 'MYR'],
    ['1 234,56 EUR', 123456, 'EUR'],
    ['1,200', 120000, 'CNY'],
  ])('%s → %i %s', (text, amount, currency) => {
    expect(parseMoney(text)).toEqual({ amount, currency });
  });

  it('reads ¥ as yen where the site says so, with no minor units', () => {
    expect(parseMoney('￥1,980', 'USD', 'JPY')).toEqual({ amount: 1980, currency: 'JPY' });
  });

  it('returns null without a number', () => {
    expect(parseMoney('free')).toBeNull();
    expect(parseMoney('')).toBeNull();
  });
});

describe('parseDateTime', () => {
  it('reads fixed-offset times (Beijing)', () => {
    expect(parseDateTime('创建时间：2026-11-20 14:32:05', { offsetMinutes: 480 })).toBe(
      Date.parse('2026-11-20T06:32:05Z'),
    );
    expect(parseDateTime('2026年11月20日 09:05', { offsetMinutes: 480 })).toBe(
      Date.parse('2026-11-20T01:05:00Z'),
    );
  });

  it('honours printed zone abbreviations', () => {
    expect(parseDateTime('11/20/2026 10:15 AM PST')).toBe(Date.parse('2026-11-20T18:15:00Z'));
    expect(parseDateTime('12/1/2026 12:05 AM EST')).toBe(Date.parse('2026-12-01T05:05:00Z'));
  });

  it('reads local dates in several layouts', () => {
    expect(parseDateTime('Ordered Nov 18, 2026')).toBe(new Date(2026, 10, 18).getTime());
    expect(parseDateTime('12 Mar 2024')).toBe(new Date(2024, 2, 12).getTime());
    expect(parseDateTime('20/11/2026')).toBe(new Date(2026, 10, 20).getTime());
    expect(parseDateTime('05/06/2026', { dayFirst: true })).toBe(new Date(2026, 5, 5).getTime());
    expect(parseDateTime('05/06/2026')).toBe(new Date(2026, 4, 6).getTime());
    expect(parseDateTime('9:05 PM, 11/19/2026')).toBe(new Date(2026, 10, 19, 21, 5).getTime());
  });

  it('rejects impossible or missing dates', () => {
    expect(parseDateTime('2026-02-31')).toBeNull();
    expect(parseDateTime('yesterday')).toBeNull();
    expect(parseDateTime('2026-11-20 25:00', { offsetMinutes: 0 })).toBeNull();
  });
});

describe('statusFromText', () => {
  it.each([
    ['交易成功', 'paid'],
    ['卖家已发货', 'paid'],
    ['交易关闭', 'cancelled'],
    ['交易关闭 退款成功', 'refunded'],
    ['等待买家付款', null],
    ['Shipped', 'paid'],
    ['Unshipped', 'paid'],
    ['Canceled', 'cancelled'],
    ['Refund applied', 'refunded'],
    ['Pending', null],
    ['???', null],
  ])('%s → %s', (text, want) => {
    expect(statusFromText(text)).toBe(want);
  });
});

describe('cleanText', () => {
  it('removes bidi and zero-width characters and collapses whitespace', () => {
    expect(cleanText('  Mal\u200Blory \u202Egnp.exe\u202C \n 订单 ')).toBe('Mallory gnp.exe 订单');
  });

  it('caps length by code points without splitting surrogate pairs', () => {
    const long = '😀'.repeat(MAX_NAME_LENGTH + 50);
    const out = cleanText(long);
    expect(Array.from(out)).toHaveLength(MAX_NAME_LENGTH);
    expect(out).toBe('😀'.repeat(MAX_NAME_LENGTH));
  });
});

describe('localised dates and money (marketplaces)', () => {
  it.each([
    ['20.11.2026 14:32 MEZ', '2026-11-20T13:32:00Z'],
    ['05.06.2026 08:00 MESZ', '2026-06-05T06:00:00Z'],
    ['20 nov. 2026 14:32 CET', '2026-11-20T13:32:00Z'],
    ['20. November 2026 09:00 UTC', '2026-11-20T09:00:00Z'],
    ['20 de noviembre de 2026 10:00 UTC', '2026-11-20T10:00:00Z'],
    ['3 déc. 2026 12:00 UTC', '2026-12-03T12:00:00Z'],
    ['20 dic 2026 12:00 UTC', '2026-12-20T12:00:00Z'],
    ['2026/11/20 14:32 JST', '2026-11-20T05:32:00Z'],
  ])('%s', (text, iso) => {
    expect(parseDateTime(text)).toBe(Date.parse(iso));
  });

  it('does not let a word that is no month hide the date after it', () => {
    expect(parseDateTime('Ordered 12, 2026 — Nov 20, 2026 UTC')).toBe(Date.parse('2026-11-20T00:00:00Z'));
  });

  it.each([
    ['$12.99', 'CAD', 1299, 'CAD'],
    ['US$12.99', 'CAD', 1299, 'USD'],
    ['€12,99', 'CAD', 1299, 'EUR'],
    ['￥1,980', 'JPY', 1980, 'JPY'],
    ['¥88.00', 'CNY', 8800, 'CNY'],
    ['R$ 49,90', 'BRL', 4990, 'BRL'],
    ['129,00 zł', 'PLN', 12900, 'PLN'],
    ['249 kr', 'SEK', 24900, 'SEK'],
    ['₹1,299.00', 'INR', 129900, 'INR'],
    ['12.50', 'GBP', 1250, 'GBP'],
  ] as const)('%s on a %s marketplace', (text, local, amount, currency) => {
    expect(parseLocalMoney(text, local)).toEqual({ amount, currency });
  });
});
