import { CURRENCY_SYMBOLS, canonicalCode, KNOWN_CODES, minorDigits } from './currency';

export type MoneyResult = { ok: true; amount: number; currency?: string } | { ok: false; error: string };

export interface MoneyOptions {
  /** The file's currency: decides minor digits when the cell names none and disambiguates `¥`/`$`. */
  currency?: string;
  /** Force the decimal separator when the file is known to use one (otherwise inferred per cell). */
  decimal?: '.' | ',';
}

const SPACES = /[\s\u00a0\u2009\u202f]/g;
const CODE_TOKEN = /(^|[^A-Za-z])([A-Za-z]{3})(?![A-Za-z])/;

/**
 * Parses an amount cell into integer minor units of its currency.
 * Accepts `¥1,234.50`, `1.234,50 €`, `US$12.00`, `-3.00`, `RM 12.50`, `(3.00)`, `12`, `12.50元`.
 * Separator inference when `decimal` is not given: with both `.` and `,` the last one is the
 * decimal point; a single separator followed by exactly three digits after a 1–3 digit integer
 * part is a thousands separator (so `1.234` is 1234, as in European and Chinese-yen files);
 * repeated separators are always thousands separators. Extra fraction digits beyond the
 * currency's minor unit are rounded half away from zero (`29.990000` is fine).
 */
export function parseMoney(raw: string, opts: MoneyOptions = {}): MoneyResult {
  const fast = fastPath(raw, opts);
  if (fast !== undefined) return { ok: true, amount: fast };
  let s = (NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw).trim();
  if (s === '') return { ok: false, error: 'empty amount' };
  if (s.length > 64) return { ok: false, error: 'amount cell is too long to be a number' };
  const shown = s.length > 30 ? `${s.slice(0, 30)}…` : s;

  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }

  // Currency marker: an ISO code word first (so "USD" is not read as "US" + "D"), then symbols.
  let candidates: readonly string[] | undefined;
  const code = CODE_TOKEN.exec(s);
  if (code && KNOWN_CODES.has(code[2].toUpperCase())) {
    candidates = [canonicalCode(code[2])];
    s = s.slice(0, code.index + code[1].length) + s.slice(code.index + code[0].length);
  }
  for (const [symbol, codes] of CURRENCY_SYMBOLS) {
    const at = s.indexOf(symbol);
    if (at < 0) continue;
    if (candidates && !codes.includes(candidates[0])) {
      return { ok: false, error: `'${shown}' names two different currencies` };
    }
    candidates ??= codes;
    s = s.slice(0, at) + s.slice(at + symbol.length);
    break;
  }

  s = s.replace(SPACES, '').replace(/[’']/g, '');
  // Signs may sit before or after the symbol, or trail the number (some ledgers write 3.00-).
  const sign = /^([-\u2212+]?)(.*?)([-\u2212]?)$/.exec(s);
  if (sign) {
    if (sign[1] === '-' || sign[1] === '\u2212' || sign[3] !== '') negative = !negative;
    s = sign[2];
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) {
    return { ok: false, error: `'${shown}' is not an amount` };
  }

  let currency: string | undefined;
  if (candidates)
    currency = opts.currency && candidates.includes(opts.currency) ? opts.currency : candidates[0];
  const digits = minorDigits(currency ?? opts.currency);

  const split = splitNumber(s, opts.decimal, digits);
  if (typeof split === 'string') return { ok: false, error: `'${shown}': ${split}` };
  const amount = toMinor(split.int, split.frac, digits);
  if (amount === undefined) return { ok: false, error: `'${shown}' is too large` };
  const signed = negative && amount !== 0 ? -amount : amount;
  return currency ? { ok: true, amount: signed, currency } : { ok: true, amount: signed };
}

const NON_ASCII = /[^\x00-\x7f]/;
const PLAIN = /^(-?)(\d{1,13})(?:\.(\d{1,3}))?$/;

/** Plain `1234.5`-style cells (most machine exports) skip the general parser: it is hot. */
function fastPath(raw: string, opts: MoneyOptions): number | undefined {
  if (opts.decimal === ',') return undefined;
  const m = PLAIN.exec(raw);
  if (!m) return undefined;
  const digits = minorDigits(opts.currency);
  const frac = m[3] ?? '';
  // "1.234" is ambiguous (see below); leave it to the general rules.
  if (frac.length === 3 && digits !== 3) return undefined;
  const amount = toMinor(m[2], frac, digits);
  if (amount === undefined) return undefined;
  return m[1] === '-' && amount !== 0 ? -amount : amount;
}

/** Splits a digits-and-separators string into integer and fraction digits, or explains why not. */
function splitNumber(
  s: string,
  forced: '.' | ',' | undefined,
  digits: number,
): { int: string; frac: string } | string {
  const dots = count(s, '.');
  const commas = count(s, ',');
  let decimal: '.' | ',' | undefined;
  let group: '.' | ',' | undefined;
  if (forced) decimal = forced;
  else if (dots > 0 && commas > 0) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const [int, frac] = s.split(sep);
    const looksGrouped = frac.length === 3 && /^[1-9][0-9]{0,2}$/.test(int) && digits !== 3;
    if (looksGrouped) group = sep;
    else decimal = sep;
  }
  group ??= decimal === ',' ? '.' : ',';
  if (decimal && count(s, decimal) > 1) return 'more than one decimal separator';
  const [intRaw, frac = ''] = decimal ? s.split(decimal) : [s];
  if (!/^[0-9]*$/.test(frac)) return 'misplaced separator';
  if (intRaw.includes(group)) {
    const groups = intRaw.split(group);
    const okGroups =
      /^[0-9]{1,3}$/.test(groups[0]) &&
      groups.slice(1, -1).every((g) => /^[0-9]{2,3}$/.test(g)) &&
      /^[0-9]{3}$/.test(groups[groups.length - 1]);
    if (!okGroups) return 'thousands separators in the wrong places';
  }
  const int = intRaw.split(group).join('');
  if (!/^[0-9]*$/.test(int)) return 'misplaced separator';
  if (int === '' && frac === '') return 'no digits';
  return { int, frac };
}

function toMinor(int: string, frac: string, digits: number): number | undefined {
  const head = (frac + '0'.repeat(digits)).slice(0, digits);
  const roundUp = frac.length > digits && frac.charCodeAt(digits) >= 53; /* '5' */
  const joined = (int + head).replace(/^0+(?=\d)/, '') || '0';
  if (joined.length > 15) return undefined;
  const n = Number(joined) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(n) ? n : undefined;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** Formats minor units as a plain decimal string (`-1234.50`), no grouping, no symbol. */
export function formatMinor(amount: number, currency: string | undefined, decimal: '.' | ',' = '.'): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const int = digits ? abs.slice(0, -digits) : abs;
  const frac = digits ? abs.slice(-digits) : '';
  return (negative ? '-' : '') + int + (digits ? decimal + frac : '');
}
