/**
 * Wall-clock → instant in a time zone, fast enough for 200,000-line imports. The model's
 * `zonedWallTimeToEpoch` builds a new Intl formatter on every call (~0.1 ms); here the formatter
 * is cached per zone and the zone offset is memoised per wall-clock hour (zone offsets change on
 * hour boundaries in the zones sellers use). Same two-step algorithm, so results agree with it
 * (a test checks this).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, Map<number, number>>();
const MAX_CACHE = 50_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC in `timeZone` at instant `at`. */
function offsetMinutes(at: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60000);
}

function zoneShift(y: number, mo: number, d: number, h: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, 0, 0);
  const off1 = offsetMinutes(guess, timeZone);
  const first = guess - off1 * 60000;
  const off2 = offsetMinutes(first, timeZone);
  return off1 === off2 ? -off1 * 60000 : -off2 * 60000;
}

export function wallTimeToEpoch(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  timeZone: string,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wall;
  let zone = cache.get(timeZone);
  if (!zone) {
    zone = new Map();
    cache.set(timeZone, zone);
  }
  const key = ((y * 13 + mo) * 32 + d) * 24 + h;
  let shift = zone.get(key);
  if (shift === undefined) {
    shift = zoneShift(y, mo, d, h, timeZone);
    if (zone.size >= MAX_CACHE) zone.clear();
    zone.set(key, shift);
  }
  return wall + shift;
}

/** Throws a RangeError for an unknown zone name (so callers can report it once, up front). */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}
