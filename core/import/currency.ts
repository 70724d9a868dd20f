/**
 * ISO 4217 minor-unit digits. A fixed table rather than `Intl` so that parsing gives the same
 * minor units in every browser and in Node (ICU disagrees with ISO for a few codes, e.g. IDR).
 */
const ZERO_DIGITS = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DIGITS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Digits after the decimal point for `currency` (2 unless ISO says otherwise). */
export function minorDigits(currency: string | undefined): number {
  if (!currency) return 2;
  if (ZERO_DIGITS.has(currency)) return 0;
  if (THREE_DIGITS.has(currency)) return 3;
  return 2;
}

/**
 * Currency codes we recognise inside an amount cell. Deliberately a list of real, commonly seen
 * codes: treating any three capital letters as a currency would turn "USD 12" and "ABC 12" alike.
 */
export const KNOWN_CODES = new Set([
  'AED',
  'ARS',
  'AUD',
  'BDT',
  'BGN',
  'BHD',
  'BRL',
  'CAD',
  'CHF',
  'CLP',
  'CNY',
  'COP',
  'CZK',
  'DKK',
  'EGP',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'ISK',
  'JOD',
  'JPY',
  'KES',
  'KRW',
  'KWD',
  'LKR',
  'MAD',
  'MXN',
  'MYR',
  'NGN',
  'NOK',
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
  'UAH',
  'USD',
  'VND',
  'ZAR',
  'RMB',
]);

/**
 * Symbols and prefixes, longest first so `US$` wins over `$`. Each maps to candidate currencies;
 * the first is the default, and a file-level currency among the candidates is preferred (so `¥`
 * in a JPY file is yen, elsewhere yuan).
 */
export const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, readonly string[]]> = [
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

/** `RMB` is what Chinese exports often write; the ISO code is CNY. */
export function canonicalCode(code: string): string {
  const c = code.toUpperCase();
  return c === 'RMB' ? 'CNY' : c;
}
