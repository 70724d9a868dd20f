/**
 * Calendar days in the shop's time zone, as whole days since 1970-01-01 ("epoch days").
 * Recency is counted in these days, so an order at 23:59 and one at 00:01 are one day apart
 * in the shop's own calendar whatever the machine's time zone is.
 */
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

export const DAY_MS = 86_400_000;

export function epochDayInZone(at: number, timeZone: string): number {
  if (timeZone === 'UTC') return Math.floor(at / DAY_MS);
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Math.floor(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS);
}

/** `yyyy-MM-dd` of an instant in `timeZone` (exports, CLI output), with the cached formatter. */
export function isoDayInZone(at: number, timeZone: string): string {
  return formatterFor(timeZone).format(at);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const offsetFormatterCache = new Map<string, Intl.DateTimeFormat>();

/**
 * Offset of `timeZone` from UTC at instant `at`, in milliseconds, as the zone's wall clock shows
 * it to the second (not rounded to minutes: before 1972 some zones' offsets had seconds).
 */
export function zoneOffsetMs(at: number, timeZone: string): number {
  let f = offsetFormatterCache.get(timeZone);
  if (!f) {
    // Building a formatter costs ~0.1 ms; parsing a million dates needs it cached per zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatterCache.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** Offset of `timeZone` from UTC at instant `at`, in minutes (e.g. +480 for Asia/Shanghai). */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(at, timeZone) / 60000);
}

/** The instant at which a wall-clock time in `timeZone` happens. */
export function zonedWallTimeToEpoch(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const off1 = zoneOffsetMinutes(guess, timeZone);
  const first = guess - off1 * 60000;
  const off2 = zoneOffsetMinutes(first, timeZone);
  return off1 === off2 ? first : guess - off2 * 60000;
}

/**
 * English month abbreviations (and `sept`), lower-case, to month numbers 1–12: what marketplace
 * reports and seller consoles print. Spreading it into a larger table adds full names.
 */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
