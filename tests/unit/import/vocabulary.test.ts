/**
 * Issue 13 §3: one money, date-free amount and status vocabulary. Page capture (core/sites) and
 * file import (core/import) must read the same text the same way, and the UI must display
 * amounts with ISO 4217's digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../components/i18n';
import { money } from '../../../components/overlay/format';
import { formatMoneyWhole } from '../../../components/ui/format';
import { parseMoney as parseCell } from '../../../core/import/money';
import { readRowStatus } from '../../../core/import/status';
import { formatMinor, minorDigits, recogniseCurrency } from '../../../core/model/money';
import { parseMoney as parsePage } from '../../../core/sites/money';
import { statusFromText } from '../../../core/sites/status';

describe('ISO 4217 minor units', () => {
  it('IDR, HUF, COP, PKR have 2 digits, IQD 3, JPY/KRW 0 (ISO, not ICU)', () => {
    expect(['IDR', 'HUF', 'COP', 'PKR', 'USD', 'CNY'].map(minorDigits)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['IQD', 'KWD', 'BHD', 'JPY', 'KRW', 'VND'].map(minorDigits)).toEqual([3, 3, 3, 0, 0, 0]);
  });

  it('page and file read IDR/IQD amounts to the same minor units, and the UI shows them back', () => {
    expect(parsePage('Rp 150.000,50', 'IDR')).toEqual({ amount: 15_000_050, currency: 'IDR' });
    expect(parseCell('Rp 150.000,50', { currency: 'IDR' })).toEqual({
      ok: true,
      amount: 15_000_050,
      currency: 'IDR',
    });
    expect(parseCell('12.345', { currency: 'IQD' })).toEqual({ ok: true, amount: 12_345 });
    expect(money(15_000_050, 'IDR', 'en')).toMatch(/150,000\.50$/);
    expect(formatMoney(12_345, 'IQD', 'en')).toMatch(/12\.345$/);
    expect(formatMoneyWhole(15_000_050, 'IDR', 'en')).toMatch(/150,001$/);
    expect(formatMoneyWhole(123_400, 'HUF', 'en')).toMatch(/1,234$/);
  });
});

describe('non-ISO currency spellings', () => {
  it.each([
    ['CDN', undefined, 'CAD'],
    ['cdn', undefined, 'CAD'],
    ['RMB', undefined, 'CNY'],
    ['元', undefined, 'CNY'],
    ['人民币', undefined, 'CNY'],
    ['US$', undefined, 'USD'],
    ['NT$', undefined, 'TWD'],
    ['HK$', undefined, 'HKD'],
    ['R$', undefined, 'BRL'],
    ['C$', undefined, 'CAD'],
    ['A$', undefined, 'AUD'],
    ['S$', undefined, 'SGD'],
    ['€', undefined, 'EUR'],
    ['£', undefined, 'GBP'],
    ['₹', undefined, 'INR'],
    ['¥', 'CNY', 'CNY'],
    ['¥', 'JPY', 'JPY'],
    ['$', 'CAD', 'CAD'],
    ['$', undefined, 'USD'],
    ['日元', undefined, 'JPY'],
  ])('%s (context %s) → %s', (text, context, code) => {
    expect(recogniseCurrency(text, context)).toBe(code);
  });

  it('ignores three-letter words that are not currencies', () => {
    expect(recogniseCurrency('ABC')).toBeUndefined();
    expect(recogniseCurrency('Try')).toBeUndefined();
  });
});

const CURRENCIES = ['USD', 'CNY', 'JPY', 'EUR', 'GBP', 'IDR', 'IQD', 'KRW', 'HUF', 'CAD', 'INR'] as const;
const MARKERS: Record<(typeof CURRENCIES)[number], readonly string[]> = {
  USD: ['US$', 'USD ', ''],
  CNY: ['¥', '￥', 'RMB ', 'CNY ', ''],
  JPY: ['¥', 'JPY ', ''],
  EUR: ['€', 'EUR '],
  GBP: ['£', 'GBP '],
  IDR: ['Rp ', 'IDR '],
  IQD: ['IQD '],
  KRW: ['₩', 'KRW '],
  HUF: ['HUF '],
  CAD: ['C$', 'CDN ', 'CAD '],
  INR: ['₹', 'INR '],
};

/** Writes minor units the way pages and exports do: grouping, either decimal separator. */
function written(amount: number, currency: string, decimal: '.' | ',', group: boolean): string {
  const plain = formatMinor(amount, currency, decimal);
  if (!group) return plain;
  const [int, frac] = plain.split(decimal);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, decimal === '.' ? ',' : '.');
  return frac === undefined ? grouped : `${grouped}${decimal}${frac}`;
}

describe('page parsing and file parsing agree on the same text', () => {
  it('amounts: same minor units and currency (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom('', 'Total: ', '实收款：', 'Order total '),
        (currency, amount, comma, group, pick, label) => {
          const markers = MARKERS[currency];
          const marker = markers[pick % markers.length];
          const text = `${marker}${written(amount, currency, comma ? ',' : '.', group)}`;
          const yen = currency === 'JPY' ? 'JPY' : 'CNY';
          const page = parsePage(`${label}${text}`, currency, yen);
          const cell = parseCell(text, { currency });
          expect(cell.ok).toBe(true);
          if (!cell.ok) return;
          expect(page).toEqual({ amount: cell.amount, currency: cell.currency ?? currency });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips: what the file parser reads is what was written (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 9_999_999_999 }),
        (currency, amount) => {
          expect(parseCell(formatMinor(amount, currency), { currency })).toEqual({ ok: true, amount });
        },
      ),
    );
  });

  const STATUS_TEXTS = [
    'paid',
    'Paid',
    'pending',
    'Pending',
    'authorized',
    'voided',
    'refunded',
    'partially_refunded',
    'Partially refunded',
    'partially_paid',
    'Shipped',
    'Unshipped',
    'Cancelled',
    'Canceled',
    'Delivered',
    'Completed',
    'Returned',
    '交易成功',
    '交易关闭',
    '等待买家付款',
    '卖家已发货',
    '等待买家确认收货',
    '退款成功',
    '部分退款',
    '已取消',
    'Dispatched',
    'In transit',
  ];

  it('statuses: a captured and an imported order get the same status (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUS_TEXTS), fc.constantFrom('', ' ', '  '), (text, pad) => {
        const file = readRowStatus(`${pad}${text}${pad}`);
        const page = statusFromText(`${pad}${text}${pad}`);
        const fileAsPage = file === undefined || file.status === 'unpaid' ? null : file.status;
        expect(page).toBe(fileAsPage);
      }),
    );
  });

  it('partially refunded is a paid order everywhere', () => {
    expect(statusFromText('Partially refunded')).toBe('paid');
    expect(readRowStatus('partially_refunded')).toEqual({ status: 'paid', partialRefund: true });
    expect(statusFromText('authorized')).toBeNull();
    expect(readRowStatus('authorized')?.status).toBe('unpaid');
  });
});
