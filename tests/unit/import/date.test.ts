import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDayFirst, parseDate } from '../../../core/import/date';
import { wallTimeToEpoch } from '../../../core/import/zoned';
import { zonedWallTimeToEpoch } from '../../../core/model';

const SH = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const ok = (raw: string, opts: Parameters<typeof parseDate>[1]) => {
  const r = parseDate(raw, opts);
  if (!r.ok) throw new Error(r.error);
  return r.at;
};

describe('parseDate', () => {
  it.each([
    ['2024-01-02 13:04:05', '2024-01-02T05:04:05Z'],
    ['2024/1/2', '2024-01-01T16:00:00Z'],
    ['2024-01-02T13:04:05+00:00', '2024-01-02T13:04:05Z'],
    ['2024-01-02T13:04:05.250Z', '2024-01-02T13:04:05.250Z'],
    ['2024-01-02 13:04:05 +0800', '2024-01-02T05:04:05Z'],
    ['20240102', '2024-01-01T16:00:00Z'],
    ['Jan 2, 2024', '2024-01-01T16:00:00Z'],
    ['02 Jan 2024', '2024-01-01T16:00:00Z'],
    ['02 Jan 2024 13:04', '2024-01-02T05:04:00Z'],
    ['Mar-15-24', '2024-03-14T16:00:00Z'],
    ['Tue, Jan 2, 2024 1:04:05 PM PST', '2024-01-02T21:04:05Z'],
    ['2024年1月2日 13:04', '2024-01-02T05:04:00Z'],
    ['45293', '2024-01-01T16:00:00Z'],
    ['45293.5', '2024-01-02T04:00:00Z'],
  ])('%s', (raw, iso) => {
    expect(ok(raw, { timeZone: SH })).toBe(at(iso));
  });

  it('reads dd/mm or mm/dd as chosen, infers when unambiguous', () => {
    expect(ok('02/01/2024', { timeZone: 'UTC', dayFirst: true })).toBe(at('2024-01-02T00:00:00Z'));
    expect(ok('02/01/2024', { timeZone: 'UTC', dayFirst: false })).toBe(at('2024-02-01T00:00:00Z'));
    expect(ok('02/01/2024', { timeZone: 'UTC' })).toBe(at('2024-02-01T00:00:00Z'));
    expect(ok('25/12/2023', { timeZone: 'UTC' })).toBe(at('2023-12-25T00:00:00Z'));
    expect(parseDate('25/12/2023', { timeZone: 'UTC', dayFirst: false }).ok).toBe(false);
    expect(inferDayFirst(['01/02/2024', '13/02/2024'])).toBe(true);
    expect(inferDayFirst(['01/02/2024', '02/13/2024'])).toBe(false);
    expect(inferDayFirst(['01/02/2024'])).toBeUndefined();
  });

  it('honours an explicit date-fns format', () => {
    expect(ok('19970101', { timeZone: 'UTC', format: 'yyyyMMdd' })).toBe(at('1997-01-01T00:00:00Z'));
    expect(ok('02.01.2024 13:04', { timeZone: SH, format: 'dd.MM.yyyy HH:mm' })).toBe(
      at('2024-01-02T05:04:00Z'),
    );
    expect(ok('2024-01-02 13:04 +02:00', { timeZone: SH, format: 'yyyy-MM-dd HH:mm XXX' })).toBe(
      at('2024-01-02T11:04:00Z'),
    );
    expect(parseDate('2024-01-02', { timeZone: 'UTC', format: 'yyyyMMdd' }).ok).toBe(false);
  });

  it('interprets wall-clock time in the shop zone across DST', () => {
    expect(ok('2024-07-01 12:00', { timeZone: 'America/New_York' })).toBe(at('2024-07-01T16:00:00Z'));
    expect(ok('2024-01-01 12:00', { timeZone: 'America/New_York' })).toBe(at('2024-01-01T17:00:00Z'));
  });

  it.each([
    '',
    'yesterday',
    '2024-02-30',
    '2024-13-01',
    '13:00',
    '1969-12-31',
    '60',
    '2024-01-02 25:00',
    '2024-01-02 x',
  ])('refuses %j with a reason', (raw) => {
    const r = parseDate(raw, { timeZone: SH });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(3);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.boolean(), (s, dayFirst) => {
        const r = parseDate(s, { timeZone: SH, dayFirst });
        if (r.ok) expect(Number.isInteger(r.at) && r.at >= 0).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips formatted instants (several formats and zones)', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 }),
        fc.constantFrom(...zones),
        (secs, zone) => {
          const instant = secs * 1000;
          const p = wall(instant, zone);
          const pad = (n: number) => String(n).padStart(2, '0');
          const iso = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
          expect(ok(iso, { timeZone: zone })).toBe(instant);
          const us = `${p.mo}/${p.d}/${p.y} ${p.h % 12 || 12}:${pad(p.mi)}:${pad(p.s)} ${p.h < 12 ? 'AM' : 'PM'}`;
          expect(ok(us, { timeZone: zone, dayFirst: false })).toBe(instant);
          const offset = new Date(instant).toISOString().replace('Z', '+00:00');
          expect(ok(offset, { timeZone: zone })).toBe(instant);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('cached zone conversion agrees with the model helper', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1971, max: 2050 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Australia/Sydney'),
        (y, mo, d, h, mi, zone) => {
          expect(wallTimeToEpoch(y, mo, d, h, mi, 0, 0, zone)).toBe(
            zonedWallTimeToEpoch(y, mo, d, h, mi, 0, zone),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

function wall(at: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}
