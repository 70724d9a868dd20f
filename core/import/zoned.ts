import { zonedWallTimeToEpoch, zoneOffsetMinutes } from '../model';

/**
 * Wall-clock → instant in a time zone, fast enough for 200,000-line imports: the model's
 * `zonedWallTimeToEpoch` (one Intl formatter per zone, two offset look-ups a call) is memoised
 * here per wall-clock hour, as the shift from UTC wall time (zone offsets change on hour
 * boundaries in the zones sellers use). A test checks that results agree with the model's.
 */
const cache = new Map<string, Map<number, number>>();
const MAX_CACHE = 50_000;

/** How far the instant of `y-mo-d h:00` in `timeZone` lies from the same wall time in UTC. */
function zoneShift(y: number, mo: number, d: number, h: number, timeZone: string): number {
  return zonedWallTimeToEpoch(y, mo, d, h, 0, 0, timeZone) - Date.UTC(y, mo - 1, d, h, 0, 0);
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
  zoneOffsetMinutes(0, timeZone);
}
