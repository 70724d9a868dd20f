import { format as formatWith, isValid, parse as parseWithFormat } from 'date-fns';
import { MONTH_ABBREVIATIONS } from '../model';
import { wallTimeToEpoch } from './zoned';

export interface DateOptions {
  /** Shop time zone: wall-clock times without an offset happen there. */
  timeZone: string;
  /** For `02/01/2024`: true reads day first, false month first; unset infers, US order when ambiguous. */
  dayFirst?: boolean;
  /** An explicit date-fns format (e.g. `yyyyMMdd`, `dd.MM.yyyy HH:mm`); other shapes are then refused. */
  format?: string;
}

export type DateResult = { ok: true; at: number } | { ok: false; error: string };

const MONTHS: Record<string, number> = {
  ...MONTH_ABBREVIATIONS,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Zone abbreviations seen in US/EU marketplace reports; ambiguous ones (CST, IST) are left out. */
const ZONE_ABBR: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  UT: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  EST: -300,
  EDT: -240,
  CET: 60,
  CEST: 120,
  BST: 60,
  JST: 540,
  KST: 540,
  SGT: 480,
  HKT: 480,
  AEST: 600,
  AEDT: 660,
};

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const YMD_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/;
const NUMERIC_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[-\s]([A-Za-z]{3,9})\.?,?[-\s]+(\d{4}|\d{2})(?!\d)/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?[-\s](\d{1,2})(?:st|nd|rd|th)?,?[-\s]+(\d{4}|\d{2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
const TIME = /^(?:T|\s+|,\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap])?(?:\.?m\.?)?/i;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC when the text says so. */
  offset?: number;
}

/** Parses a date cell to epoch ms; wall-clock times are read in `opts.timeZone`. */
export function parseDate(raw: string, opts: DateOptions): DateResult {
  const text = (/[^\x00-\x7f]/.test(raw) ? raw.normalize('NFKC') : raw).trim();
  if (text === '') return { ok: false, error: 'empty date' };
  if (text.length > 80) return { ok: false, error: 'date cell is too long' };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const parts = opts.format ? withFormatSafe(text, opts.format) : guess(stripWeekday(text), opts.dayFirst);
  if (typeof parts === 'string') return { ok: false, error: `'${shown}': ${parts}` };
  const problem = checkParts(parts);
  if (problem) return { ok: false, error: `'${shown}': ${problem}` };
  const at =
    parts.offset !== undefined
      ? Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s, parts.ms) - parts.offset * 60_000
      : wallTimeToEpoch(parts.y, parts.mo, parts.d, parts.h, parts.mi, parts.s, parts.ms, opts.timeZone);
  if (!Number.isFinite(at) || at < 0) return { ok: false, error: `'${shown}' is before 1970` };
  return { ok: true, at };
}

function stripWeekday(s: string): string {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57 ? s : s.replace(WEEKDAY, '');
}

function guess(s: string, dayFirst: boolean | undefined): Parts | string {
  let m = YMD.exec(s) ?? YMD_ZH.exec(s);
  if (m) return withTime(+m[1], +m[2], +m[3], s.slice(m[0].length));
  m = COMPACT.exec(s);
  if (m) {
    return { y: +m[1], mo: +m[2], d: +m[3], h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: 0 };
  }
  m = NUMERIC_DMY.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const first = dayFirst ?? (a > 12 && b <= 12);
    return withTime(year(m[3]), first ? b : a, first ? a : b, s.slice(m[0].length));
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (!mo) return `unknown month '${m[2]}'`;
    return withTime(year(m[3]), mo, +m[1], s.slice(m[0].length));
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (!mo) return `unknown month '${m[1]}'`;
    return withTime(year(m[3]), mo, +m[2], s.slice(m[0].length));
  }
  if (SERIAL.test(s)) return fromSerial(Number(s));
  return 'not a date we recognise (set a date format in the mapping)';
}

/** Two-digit years pivot at 70, as spreadsheets do: 24 → 2024, 97 → 1997. */
function year(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  return n < 70 ? 2000 + n : 1900 + n;
}

function withTime(y: number, mo: number, d: number, rest: string): Parts | string {
  const p: Parts = { y, mo, d, h: 0, mi: 0, s: 0, ms: 0 };
  let tail = rest;
  const t = TIME.exec(tail);
  if (t) {
    p.h = +t[1];
    p.mi = +t[2];
    p.s = +(t[3] ?? 0);
    p.ms = t[4] ? Math.floor(Number(`0.${t[4]}`) * 1000) : 0;
    if (t[5]) {
      if (p.h < 1 || p.h > 12) return `hour ${p.h} with AM/PM`;
      const pm = t[5].toLowerCase() === 'p';
      p.h = (p.h % 12) + (pm ? 12 : 0);
    }
    tail = tail.slice(t[0].length);
  }
  tail = tail.trim();
  if (tail === '') return p;
  const offset = parseOffset(tail);
  if (offset === undefined) return `unexpected '${tail.slice(0, 20)}' after the date`;
  p.offset = offset;
  return p;
}

function parseOffset(s: string): number | undefined {
  const up = s.toUpperCase().replace(/^\(|\)$/g, '');
  if (up in ZONE_ABBR) return ZONE_ABBR[up];
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(up);
  if (!m) return undefined;
  const minutes = +m[2] * 60 + +(m[3] ?? 0);
  if (+m[2] > 14 || +(m[3] ?? 0) > 59) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Excel 1900 date system: serial 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never
 * existed (serial 60), so serials from 61 on are days since 1899-12-30. The fraction is the
 * time of day on the shop's wall clock.
 */
function fromSerial(n: number): Parts | string {
  if (n < 1 || n >= 2_958_466) return 'number out of range for a spreadsheet date';
  if (Math.floor(n) === 60) return 'serial 60 is the 29 Feb 1900 that spreadsheets invent';
  const days = Math.floor(n);
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + days * 86_400_000);
  const secs = Math.round((n - days) * 86_400);
  return {
    y: date.getUTCFullYear(),
    mo: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    h: Math.floor(secs / 3600) % 24,
    mi: Math.floor(secs / 60) % 60,
    s: secs % 60,
    ms: 0,
  };
}

const REFERENCE = new Date(2000, 0, 1, 0, 0, 0, 0);

/** Offset-bearing tokens (X, x, O, timestamps T/t) mean date-fns already gives the instant. */
function formatHasZone(format: string): boolean {
  return /[XxOTt]/.test(format.replace(/'[^']*'/g, ''));
}

/**
 * Why date-fns would refuse `format` (e.g. `YYYY-MM-DD`: week years and day-of-year), or
 * `undefined` when it is usable. Checked over every token, independent of any cell.
 */
export function dateFormatProblem(format: string): string | undefined {
  try {
    formatWith(REFERENCE, format);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message.slice(0, 160) : String(e);
  }
}

/**
 * date-fns throws a RangeError for a format it refuses (`YYYY`, `DD`, an unescaped letter such as
 * `j`), which would abort a whole import: it becomes this cell's error instead.
 */
function withFormatSafe(s: string, format: string): Parts | string {
  try {
    return withFormat(s, format);
  } catch (e) {
    return `the date format '${format.slice(0, 60)}' is not usable (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`;
  }
}

function withFormat(s: string, format: string): Parts | string {
  const d = parseWithFormat(s, format, REFERENCE);
  if (!isValid(d)) return `does not match the date format '${format}'`;
  if (formatHasZone(format)) {
    const at = d.getTime();
    const u = new Date(at);
    return {
      y: u.getUTCFullYear(),
      mo: u.getUTCMonth() + 1,
      d: u.getUTCDate(),
      h: u.getUTCHours(),
      mi: u.getUTCMinutes(),
      s: u.getUTCSeconds(),
      ms: u.getUTCMilliseconds(),
      offset: 0,
    };
  }
  // date-fns builds a machine-local Date; its local fields are the wall-clock we want.
  return {
    y: d.getFullYear(),
    mo: d.getMonth() + 1,
    d: d.getDate(),
    h: d.getHours(),
    mi: d.getMinutes(),
    s: d.getSeconds(),
    ms: d.getMilliseconds(),
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkParts(p: Parts): string | undefined {
  if (p.y < 1970 || p.y > 2200) return `year ${p.y} is out of range`;
  if (p.mo < 1 || p.mo > 12) return `month ${p.mo} does not exist`;
  const leap = (p.y % 4 === 0 && p.y % 100 !== 0) || p.y % 400 === 0;
  const dim = p.mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[p.mo - 1];
  if (p.d < 1 || p.d > dim) return `day ${p.d} does not exist in ${p.y}-${String(p.mo).padStart(2, '0')}`;
  if (p.h > 23 || p.mi > 59 || p.s > 59) return 'time of day out of range';
  return undefined;
}

/**
 * Looks at sample cells of a column for an unambiguous `dd/mm` or `mm/dd`: a first number above
 * 12 means day first, a second number above 12 means month first. `undefined` when undecided.
 */
export function inferDayFirst(samples: readonly string[]): boolean | undefined {
  for (const raw of samples) {
    const m = NUMERIC_DMY.exec(raw.normalize('NFKC').trim().replace(WEEKDAY, ''));
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) return true;
    if (+m[2] > 12 && +m[1] <= 12) return false;
  }
  return undefined;
}
