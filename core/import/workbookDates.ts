/**
 * Excel stores a date as a serial number of days, the fraction being the time of day, in one
 * of two systems: 1900 (Windows; day 1 = 1900-01-01, with Lotus 1-2-3's phantom 1900-02-29 as
 * day 60) and 1904 (old Mac Excel; day 0 = 1904-01-01). The number is a wall-clock reading with
 * no zone, so it becomes wall-clock text that the importer reads in the shop's time zone.
 */

const DAY_MS = 86_400_000;
/** 1899-12-30 UTC: day 0 of the 1900 system once the phantom leap day is skipped. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01 UTC: day 0 of the 1904 system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd` for a whole day); undefined for a negative or phantom day. */
export function excelSerialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let days = serial;
  if (!date1904) {
    // Day 60 is 1900-02-29, which never existed; days before it are one off from EPOCH_1900.
    if (Math.floor(serial) === 60) return undefined;
    if (serial < 60) days += 1;
  }
  // Whole seconds: exports never carry less, and float noise (0.999999…) must not roll a day back.
  const ms = Math.round((days * DAY_MS) / 1000) * 1000;
  const d = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && mi === 0 && s === 0 && Number.isInteger(serial) ? day : `${day} ${p(h)}:${p(mi)}:${p(s)}`;
}
