import { DAY_MS, epochDayInZone, zoneOffsetMs } from '../model';

/**
 * `epochDayInZone` for many instants at once. Intl formatting costs microseconds per call, which
 * dominates aggregating a million orders; a zone's UTC offset only changes a few times a year,
 * so it is looked up once per UTC day and the day computed arithmetically. A UTC day whose offset
 * differs at its start and end contains a transition: instants in it take the exact (slow) path.
 * (Two transitions that cancel out within one day do not occur in the tz database.)
 */
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 100_000;
/**
 * UTC days 0…65535 (1970–2149) also get a flat per-zone table: one typed-array read per order
 * instead of a Map lookup, which showed in aggregating a million orders. 0 = not looked up yet,
 * so offsets are stored plus TABLE_BIAS (offsets are within ±1 day, never −TABLE_BIAS).
 */
const TABLE_DAYS = 65_536;
const TABLE_BIAS = 1e9;
const tablesByZone = new Map<string, Float64Array>();
let lastZone = '';
let lastTable: Float64Array | undefined;

export function epochDayInZoneFast(at: number, timeZone: string): number {
  if (timeZone === 'UTC') return Math.floor(at / DAY_MS);
  // Before 1970 some zones had offsets with seconds (local mean time): not worth caching.
  if (!(at >= 0)) return epochDayInZone(at, timeZone);
  const utcDay = Math.floor(at / DAY_MS);
  if (utcDay < TABLE_DAYS) {
    if (timeZone !== lastZone) {
      lastTable = tablesByZone.get(timeZone);
      if (!lastTable) {
        lastTable = new Float64Array(TABLE_DAYS);
        tablesByZone.set(timeZone, lastTable);
      }
      lastZone = timeZone;
    }
    const table = lastTable as Float64Array;
    let biased = table[utcDay];
    if (biased === 0) {
      biased = dayOffset(utcDay, timeZone) + TABLE_BIAS;
      table[utcDay] = biased;
    }
    return Number.isNaN(biased)
      ? epochDayInZone(at, timeZone)
      : Math.floor((at + biased - TABLE_BIAS) / DAY_MS);
  }
  let cache = offsetsByZone.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetsByZone.set(timeZone, cache);
  }
  let off = cache.get(utcDay);
  if (off === undefined) {
    off = dayOffset(utcDay, timeZone);
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(utcDay, off);
  }
  return Number.isNaN(off) ? epochDayInZone(at, timeZone) : Math.floor((at + off) / DAY_MS);
}

/** The zone's UTC offset throughout `utcDay`, or NaN when it changes during that day. */
function dayOffset(utcDay: number, timeZone: string): number {
  const start = zoneOffsetMs(utcDay * DAY_MS, timeZone);
  const end = zoneOffsetMs(utcDay * DAY_MS + DAY_MS - 1000, timeZone);
  return start === end ? start : Number.NaN;
}
