import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorDigits } from '../../../core/import/currency';
import { formatMinor, parseMoney } from '../../../core/import/money';

describe('parseMoney', () => {
  it.each([
    ['¥1,234.50', undefined, 123450, 'CNY'],
    ['￥99', undefined, 9900, 'CNY'],
    ['CN¥12.3', undefined, 1230, 'CNY'],
    ['1.234,50 €', undefined, 123450, 'EUR'],
    ['US$12.00', undefined, 1200, 'USD'],
    ['-3.00', 'USD', -300, undefined],
    ['RM 12.50', undefined, 1250, 'MYR'],
    ['(3.00)', 'USD', -300, undefined],
    ['12', 'USD', 1200, undefined],
    ['12.50元', undefined, 1250, 'CNY'],
    ['USD 1,000', undefined, 100000, 'USD'],
    ['1 234,56', 'EUR', 123456, undefined],
    ["1'234.50", 'CHF', 123450, undefined],
    ['3.00-', 'USD', -300, undefined],
    ['-$3.00', undefined, -300, 'USD'],
    ['$-3.00', undefined, -300, 'USD'],
    ['29.990000', 'USD', 2999, undefined],
    ['0.125', 'USD', 13, undefined],
    ['1,23,456.00', 'INR', 12345600, undefined],
    ['RMB 8.8', undefined, 880, 'CNY'],
  ])('%s', (raw, currency, amount, detected) => {
    const r = parseMoney(raw, { currency });
    expect(r).toEqual(detected ? { ok: true, amount, currency: detected } : { ok: true, amount });
  });

  it('uses zero-decimal currencies (JPY, KRW)', () => {
    expect(parseMoney('¥1,234', { currency: 'JPY' })).toEqual({ ok: true, amount: 1234, currency: 'JPY' });
    expect(parseMoney('₩15,000')).toEqual({ ok: true, amount: 15000, currency: 'KRW' });
    expect(parseMoney('JPY 500')).toEqual({ ok: true, amount: 500, currency: 'JPY' });
    expect(parseMoney('1.234', { currency: 'JPY' })).toEqual({ ok: true, amount: 1234 });
  });

  it('infers separators: a lone separator before 3 digits groups thousands', () => {
    expect(parseMoney('1,234', { currency: 'USD' })).toEqual({ ok: true, amount: 123400 });
    expect(parseMoney('1.234', { currency: 'EUR' })).toEqual({ ok: true, amount: 123400 });
    expect(parseMoney('12,5', { currency: 'EUR' })).toEqual({ ok: true, amount: 1250 });
    expect(parseMoney('1.234', { currency: 'KWD' })).toEqual({ ok: true, amount: 1234 });
    expect(parseMoney('1.234', { currency: 'USD', decimal: '.' })).toEqual({ ok: true, amount: 123 });
  });

  it.each(['', 'abc', '1.2.3,4,5', '12,34,5', '1e5', '$', '--3', 'US$12 EUR', '1.23457E+17'])(
    'refuses %j with a reason',
    (raw) => {
      const r = parseMoney(raw, { currency: 'USD' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(3);
    },
  );

  it('refuses amounts beyond safe integers', () => {
    expect(parseMoney('99999999999999999999.00').ok).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(undefined, 'USD', 'JPY', 'EUR'), (s, c) => {
        const r = parseMoney(s, { currency: c });
        if (r.ok) expect(Number.isSafeInteger(r.amount)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatted amounts (plain, grouped, decimal comma, symbols)', () => {
    const currencies = ['USD', 'EUR', 'JPY', 'KWD', 'CNY'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(...currencies),
        fc.constantFrom('plain', 'grouped', 'euro', 'symbol'),
        (amount, currency, style) => {
          const plain = formatMinor(amount, currency);
          let text = plain;
          let decimal: '.' | ',' | undefined;
          if (style === 'grouped') text = group(plain, ',', '.');
          if (style === 'euro') {
            text = group(plain, '.', ',');
            decimal = ',';
          }
          if (style === 'symbol') text = `${currency} ${group(plain, ',', '.')}`;
          const r = parseMoney(text, {
            currency,
            decimal: decimal ?? (minorDigits(currency) === 3 ? '.' : undefined),
          });
          expect(r.ok && r.amount).toBe(amount);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/** Groups the integer part by thousands with `sep` and writes the decimal as `dec`. */
function group(plain: string, sep: string, dec: string): string {
  const neg = plain.startsWith('-');
  const [int, frac] = (neg ? plain.slice(1) : plain).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? '-' : '') + grouped + (frac !== undefined ? dec + frac : '');
}
