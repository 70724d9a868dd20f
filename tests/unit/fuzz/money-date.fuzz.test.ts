/**
 * parseMoney and parseDate over arbitrary strings and options: they never throw, and every
 * result is either ok (integer minor units / a finite epoch after 1970) or a clear error.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMinor, ImportError, importText, MappingSpec, parseDate, parseMoney } from '@/core/import';
import { count, params, report, TIMEOUT } from './budget';

afterAll(report);

const CURRENCIES = [undefined, 'USD', 'CNY', 'JPY', 'EUR', 'KWD', 'BHD', 'GBP', 'XXX', 'usd', ''];
const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];

/** Strings that look like amounts or dates often enough to reach the deep branches. */
const moneyish = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(..."0123456789.,-+()$¥€£ USDCNYRM元\u00a0\u2212'’".split('')),
    maxLength: 40,
  }),
  fc
    .tuple(
      fc.constantFrom('', '-', '(', 'US$', '¥', 'RM ', 'EUR '),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      fc.constantFrom('', '.5', ',50', '.999', ' €', ')', '-', '元'),
    )
    .map(([a, n, b]) => `${a}${n}${b}`),
);

const dateish = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789-/.: TZ+年月日APMapmJanFebDec,'.split('')),
    maxLength: 40,
  }),
  fc
    .tuple(
      fc.integer({ min: -5, max: 99_999 }),
      fc.integer({ min: -1, max: 99 }),
      fc.integer({ min: -1, max: 99 }),
      fc.integer({ min: -1, max: 99 }),
      fc.constantFrom('', 'Z', ' +08:00', ' PST', ' GMT-14', ' +99:99', ' PM', ' am'),
    )
    .map(([y, m, d, h, z]) => `${y}-${m}-${d} ${h}:30:00${z}`),
  fc.double({ noNaN: false }).map(String),
);

const FORMATS = [
  undefined,
  'yyyyMMdd',
  'dd.MM.yyyy HH:mm',
  "yyyy-MM-dd'T'HH:mm:ssXXX",
  'YYYY-MM-DD',
  'j',
  'T',
  "'",
];

describe('parseMoney under fuzzed input', { timeout: TIMEOUT }, () => {
  it('never throws; ok means a safe integer amount, otherwise a readable error', () => {
    fc.assert(
      fc.property(
        moneyish,
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(undefined, '.', ','),
        (raw, currency, decimal) => {
          count('parseMoney');
          const r = parseMoney(raw, { currency, decimal: decimal as '.' | ',' | undefined });
          if (r.ok) {
            expect(Number.isSafeInteger(r.amount)).toBe(true);
            expect(Object.is(r.amount, -0)).toBe(false);
            if (r.currency !== undefined) expect(r.currency).toMatch(/^[A-Z]{3}$/);
          } else {
            expect(typeof r.error).toBe('string');
            expect(r.error.length).toBeGreaterThan(3);
            expect(r.error.length).toBeLessThan(200);
          }
        },
      ),
      params(),
    );
  });

  it('round-trips every amount it formats, in every currency and decimal style', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 14), max: 10 ** 14 }),
        fc.constantFrom('USD', 'CNY', 'JPY', 'EUR', 'KWD'),
        fc.constantFrom('.', ',') as fc.Arbitrary<'.' | ','>,
        (amount, currency, decimal) => {
          count('parseMoney: format round trip');
          const text = formatMinor(amount, currency, decimal);
          expect(parseMoney(text, { currency, decimal })).toEqual({ ok: true, amount });
        },
      ),
      params(),
    );
  });

  it('a 10 MB amount cell is refused quickly', () => {
    const started = Date.now();
    expect(parseMoney('9'.repeat(10_000_000)).ok).toBe(false);
    expect(parseMoney(`¥${'１'.repeat(1_000_000)}`).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    count('parseMoney: huge cells', 2);
  });
});

describe('parseDate under fuzzed input', { timeout: TIMEOUT }, () => {
  it('never throws; ok means a finite integer epoch at or after 1970', () => {
    fc.assert(
      fc.property(
        dateish,
        fc.constantFrom(...ZONES),
        fc.constantFrom(undefined, true, false),
        fc.constantFrom(...FORMATS),
        (raw, timeZone, dayFirst, format) => {
          count('parseDate');
          const r = parseDate(raw, { timeZone, dayFirst, format });
          if (r.ok) {
            expect(Number.isFinite(r.at)).toBe(true);
            expect(Number.isInteger(r.at)).toBe(true);
            expect(r.at).toBeGreaterThanOrEqual(0);
            expect(r.at).toBeLessThan(Date.UTC(2201, 0, 2));
          } else {
            expect(r.error.length).toBeGreaterThan(3);
            expect(r.error.length).toBeLessThan(400);
          }
        },
      ),
      params(),
    );
  });

  it('an arbitrary date format never throws either', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ maxLength: 30 }), (format, raw) => {
        count('parseDate: arbitrary formats');
        const r = parseDate(raw || '2024-01-02', { timeZone: 'UTC', format });
        if (r.ok) expect(Number.isFinite(r.at)).toBe(true);
        else expect(r.error.length).toBeGreaterThan(3);
      }),
      params(),
    );
  });

  it('regression: a mapping with a date-fns format it refuses (YYYY-MM-DD) is a clear mapping error, not a crash', () => {
    const text = 'buyer,date,total\nalice,2024-01-02,1\n';
    for (const dateFormat of ['YYYY-MM-DD', 'j', 'yyyy-MM-dd j']) {
      expect(
        MappingSpec.safeParse({ buyerId: 'buyer', date: 'date', total: 'total', dateFormat }).success,
      ).toBe(false);
      let thrown: unknown;
      try {
        importText(text, {
          timeZone: 'UTC',
          now: 1,
          mapping: { buyerId: 'buyer', date: 'date', total: 'total', dateFormat },
        });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ImportError);
      expect((thrown as ImportError).code).toBe('invalid-mapping');
      expect((thrown as ImportError).message).toMatch(/the date format is not usable/);
    }
    // Used directly (a preset or option bypassing the mapping schema), the cell gets the error.
    expect(parseDate('2024-01-02', { timeZone: 'UTC', format: 'YYYY-MM-DD' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/date format 'YYYY-MM-DD' is not usable/),
    });
    expect(
      MappingSpec.safeParse({ buyerId: 'b', date: 'd', total: 't', dateFormat: 'yyyyMMdd' }).success,
    ).toBe(true);
  });
});
