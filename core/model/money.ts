/**
 * The one money vocabulary: ISO 4217 minor units, the currency spellings real pages and exports
 * use, reading an amount into integer minor units, and the fraction digits to display it with.
 * Sites, import, export, scoring and the UI all use this file, so a captured and an imported copy
 * of one order come out the same and display alike.
 *
 * Deliberately free of zod and of any other import: the content script (overlay, site readers)
 * bundles it and must stay small.
 */

/**
 * ISO 4217 codes whose minor unit is not 2 digits. A fixed table rather than `Intl`, because ICU
 * disagrees with ISO for several codes (it gives IDR, HUF, COP, PKR 0 digits and IQD 0), and a
 * parser and a formatter that disagree show amounts 100–1000× off.
 */
const DIGITS_NOT_TWO: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Digits after the decimal point for `currency` per ISO 4217 (2 unless ISO says otherwise). */
export function minorDigits(currency: string | undefined): number {
  if (!currency) return 2;
  return DIGITS_NOT_TWO[currency] ?? 2;
}

/**
 * `Intl.NumberFormat` options that display `currency` with ISO's digits: always pass these
 * instead of letting `Intl` pick (see `DIGITS_NOT_TWO`). `wholeOnly` drops the fraction.
 */
export function fractionDigitsOptions(
  currency: string,
  wholeOnly = false,
): { minimumFractionDigits: number; maximumFractionDigits: number } {
  const d = wholeOnly ? 0 : minorDigits(currency);
  return { minimumFractionDigits: d, maximumFractionDigits: d };
}

/** Minor units → the major-unit number to hand to `Intl` (exact for safe integers). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * Currency codes recognised inside an amount or currency cell. A list of real, commonly seen
 * codes rather than "any three capitals", so "ABC 12" is not read as a currency, and codes that
 * are everyday words (ALL, TOP, MOP, CUP) are left out.
 */
export const KNOWN_CODES: ReadonlySet<string> = new Set([
  'AED',
  'ARS',
  'AUD',
  'BDT',
  'BGN',
  'BHD',
  'BND',
  'BRL',
  'CAD',
  'CHF',
  'CLP',
  'CNY',
  'COP',
  'CZK',
  'DKK',
  'DZD',
  'EGP',
  'EUR',
  'GBP',
  'GHS',
  'HKD',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'IQD',
  'ISK',
  'JOD',
  'JPY',
  'KES',
  'KHR',
  'KRW',
  'KWD',
  'KZT',
  'LKR',
  'MAD',
  'MMK',
  'MXN',
  'MYR',
  'NGN',
  'NOK',
  'NPR',
  'NZD',
  'OMR',
  'PEN',
  'PHP',
  'PKR',
  'PLN',
  'QAR',
  'RON',
  'RUB',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TND',
  'TRY',
  'TWD',
  'TZS',
  'UAH',
  'UGX',
  'USD',
  'VND',
  'XAF',
  'XOF',
  'ZAR',
]);

/**
 * Non-ISO three-letter spellings exports really use: Amazon writes `CDN` for Canadian dollars,
 * Chinese exports `RMB`, Taiwanese ones `NTD`.
 */
const CODE_ALIASES: Readonly<Record<string, string>> = { CDN: 'CAD', RMB: 'CNY', NTD: 'TWD' };

/** The ISO code for a three-letter spelling (`cdn` → CAD, `RMB` → CNY); `undefined` if unknown. */
export function canonicalCode(code: string): string | undefined {
  const c = code.toUpperCase();
  const alias = CODE_ALIASES[c];
  if (alias) return alias;
  return KNOWN_CODES.has(c) ? c : undefined;
}

/**
 * Symbols and words, longest first so `US$` wins over `$` and `日元` over `元`. Each maps to its
 * candidate currencies; the first is the default and a context currency among them is preferred
 * (`$` in a CAD file is CAD; `¥` is yuan on Chinese platforms, yen on Japanese ones).
 */
export const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['新加坡元', ['SGD']],
  ['新台币', ['TWD']],
  ['人民币', ['CNY']],
  ['CN¥', ['CNY']],
  ['JP¥', ['JPY']],
  ['US$', ['USD']],
  ['CA$', ['CAD']],
  ['AU$', ['AUD']],
  ['NZ$', ['NZD']],
  ['HK$', ['HKD']],
  ['NT$', ['TWD']],
  ['MX$', ['MXN']],
  ['SG$', ['SGD']],
  ['日元', ['JPY']],
  ['美元', ['USD']],
  ['美金', ['USD']],
  ['港元', ['HKD']],
  ['港币', ['HKD']],
  ['欧元', ['EUR']],
  ['英镑', ['GBP']],
  ['澳元', ['AUD']],
  ['加元', ['CAD']],
  ['韩元', ['KRW']],
  ['台币', ['TWD']],
  ['S$', ['SGD']],
  ['A$', ['AUD']],
  ['C$', ['CAD']],
  ['R$', ['BRL']],
  ['RM', ['MYR']],
  ['Rp', ['IDR']],
  ['zł', ['PLN']],
  ['Kč', ['CZK']],
  ['元', ['CNY']],
  ['円', ['JPY']],
  ['￥', ['CNY', 'JPY']],
  ['¥', ['CNY', 'JPY']],
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['₩', ['KRW']],
  ['₹', ['INR']],
  ['₱', ['PHP']],
  ['฿', ['THB']],
  ['₫', ['VND']],
  ['₺', ['TRY']],
  ['₽', ['RUB']],
  ['₪', ['ILS']],
  ['₦', ['NGN']],
];

// All capitals or all lower case (`usd` in some exports); mixed case is a word such as "Try".
const CODE_TOKEN = /(^|[^A-Za-z])([A-Z]{3}|[a-z]{3})(?![A-Za-z])/;

/** Where a currency is named inside a text, and which currencies it may mean. */
export interface CurrencyMarker {
  candidates: readonly string[];
  index: number;
  length: number;
}

/** Finds the currency code (ISO or alias) named in `text`, skipping unknown three-letter words. */
function findCode(text: string): CurrencyMarker | undefined {
  let from = 0;
  while (from < text.length) {
    const m = CODE_TOKEN.exec(text.slice(from));
    if (!m) return undefined;
    const code = canonicalCode(m[2]);
    const index = from + m.index + m[1].length;
    if (code) return { candidates: [code], index, length: 3 };
    from = index + 3;
  }
  return undefined;
}

/** The first currency symbol or word in `text` (longest spelling wins). */
function findSymbol(text: string): CurrencyMarker | undefined {
  for (const [symbol, codes] of CURRENCY_SYMBOLS) {
    const index = text.indexOf(symbol);
    if (index >= 0) return { candidates: codes, index, length: symbol.length };
  }
  return undefined;
}

/** Picks a marker's currency: the context currency when it is a candidate, else the default. */
export function pickCurrency(candidates: readonly string[], context: string | undefined): string {
  return context && candidates.includes(context) ? context : candidates[0];
}

/**
 * The currency a currency cell or label names: `USD`, `cdn`, `RMB`, `US$`, `€`, `人民币`, `元`,
 * `¥` (yuan or yen by `context`). `undefined` when the text names none.
 */
export function recogniseCurrency(text: string, context?: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  if (s === '') return undefined;
  const marker = findCode(s) ?? findSymbol(s);
  return marker ? pickCurrency(marker.candidates, context) : undefined;
}

/** `CNY` on Chinese-language platforms, `JPY` on Japanese ones: what `¥` means there. */
export function yenContextOf(text: string): 'CNY' | 'JPY' | undefined {
  if (/[\u3040-\u30ff]/.test(text)) return 'JPY';
  if (/[\u4e00-\u9fff]/.test(text)) return 'CNY';
  return undefined;
}

export type AmountResult = { ok: true; amount: number; currency?: string } | { ok: false; error: string };

export interface AmountOptions {
  /** The text's currency when it names none: decides the minor digits and disambiguates `¥`/`$`. */
  currency?: string;
  /** Force the decimal separator when known (otherwise inferred). */
  decimal?: '.' | ',';
}

const SPACES = /[\s\u00a0\u2009\u202f]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const PLAIN = /^(-?)(\d{1,13})(?:\.(\d{1,3}))?$/;

/**
 * Reads an amount (`¥1,234.50`, `1.234,50 €`, `US$12.00`, `-3.00`, `RM 12.50`, `(3.00)`, `12`,
 * `12.50元`, `CDN 9.99`) into integer minor units of its currency. Separator inference when
 * `decimal` is not given: with both `.` and `,` the last one is the decimal point; a single
 * separator followed by exactly three digits after a 1–3 digit integer part is a thousands
 * separator (so `1.234` is 1234); repeated separators are thousands separators. Fraction digits
 * beyond the currency's minor unit are rounded half away from zero.
 */
export function parseAmount(raw: string, opts: AmountOptions = {}): AmountResult {
  const fast = fastPath(raw, opts);
  if (fast !== undefined) return { ok: true, amount: fast };
  let s = (NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw).trim();
  if (s === '') return { ok: false, error: 'empty amount' };
  if (s.length > 64) return { ok: false, error: 'amount is too long to be a number' };
  const shown = s.length > 30 ? `${s.slice(0, 30)}…` : s;

  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }

  // An ISO code or alias word first (so "USD" is not read as "US" + "D"), then symbols.
  let candidates: readonly string[] | undefined;
  const code = findCode(s);
  if (code) {
    candidates = code.candidates;
    s = s.slice(0, code.index) + s.slice(code.index + code.length);
  }
  const symbol = findSymbol(s);
  if (symbol) {
    if (candidates && !symbol.candidates.includes(candidates[0])) {
      return { ok: false, error: `'${shown}' names two different currencies` };
    }
    candidates ??= symbol.candidates;
    s = s.slice(0, symbol.index) + s.slice(symbol.index + symbol.length);
  }

  s = s.replace(SPACES, '').replace(/[’']/g, '');
  // Signs may sit before or after the symbol, or trail the number (some ledgers write 3.00-).
  const sign = /^([-\u2212+]?)(.*?)([-\u2212]?)$/.exec(s);
  if (sign) {
    if (sign[1] === '-' || sign[1] === '\u2212' || sign[3] !== '') negative = !negative;
    s = sign[2];
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, error: `'${shown}' is not an amount` };

  const currency = candidates ? pickCurrency(candidates, opts.currency) : undefined;
  const digits = minorDigits(currency ?? opts.currency);
  const split = splitNumber(s, opts.decimal, digits);
  if (typeof split === 'string') return { ok: false, error: `'${shown}': ${split}` };
  const amount = toMinor(split.int, split.frac, digits);
  if (amount === undefined) return { ok: false, error: `'${shown}' is too large` };
  const signed = negative && amount !== 0 ? -amount : amount;
  return currency ? { ok: true, amount: signed, currency } : { ok: true, amount: signed };
}

/** Plain `1234.5`-style cells (most machine exports) skip the general parser: it is hot. */
function fastPath(raw: string, opts: AmountOptions): number | undefined {
  if (opts.decimal === ',') return undefined;
  const m = PLAIN.exec(raw);
  if (!m) return undefined;
  const digits = minorDigits(opts.currency);
  const frac = m[3] ?? '';
  // "1.234" is ambiguous (see splitNumber); leave it to the general rules.
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
  else if (dots > 1 && commas === 0) group = '.';
  else if (commas > 1 && dots === 0) group = ',';
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

/** Integer arithmetic on the digit strings: floats would turn 0.29 into 28 cents. */
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

/** Minor units as a plain decimal string (`-1234.50`): no grouping, no symbol (files, CLI). */
export function formatMinor(amount: number, currency: string | undefined, decimal: '.' | ',' = '.'): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const int = digits ? abs.slice(0, -digits) : abs;
  const frac = digits ? abs.slice(-digits) : '';
  return (negative ? '-' : '') + int + (digits ? decimal + frac : '');
}
