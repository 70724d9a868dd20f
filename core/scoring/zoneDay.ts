import { DAY_MS, epochDayInZone } from '../model';

/**
 * `epochDayInZone` for many instants at once. Intl formatting costs microseconds per call, which
 * dominates aggregating a million orders; a zone's UTC offset only changes a few times a year,
 * so it is looked up once per UTC day and the day computed arithmetically. A UTC day whose offset
 * differs at its start and end contains a transition: instants in it take the exact (slow) path.
 * (Two transitions that cancel out within one day do not occur in the tz database.)
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 100_000;

function offsetMs(at: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
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
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

export function epochDayInZoneFast(at: number, timeZone: string): number {
  if (timeZone === 'UTC') return Math.floor(at / DAY_MS);
  // Before 1970 some zones had offsets with seconds (local mean time): not worth caching.
  if (!(at >= 0)) return epochDayInZone(at, timeZone);
  let cache = offsetsByZone.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetsByZone.set(timeZone, cache);
  }
  const utcDay = Math.floor(at / DAY_MS);
  let off = cache.get(utcDay);
  if (off === undefined) {
    const start = offsetMs(utcDay * DAY_MS, timeZone);
    const end = offsetMs(utcDay * DAY_MS + DAY_MS - 1000, timeZone);
    off = start === end ? start : Number.NaN;
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(utcDay, off);
  }
  return Number.isNaN(off) ? epochDayInZone(at, timeZone) : Math.floor((at + off) / DAY_MS);
}
