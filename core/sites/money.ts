/** Currency amounts as pages print them, parsed into integer minor units. */

export interface ParsedMoney {
  /** Minor units (fen, cents; yen have none). */
  amount: number;
  currency: string;
}

/** Currencies without minor units, so "¥1,200" in yen is 1200, not 120000. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK']);

// Longest symbols first so "US$" wins over "$" and "CN¥" over "¥".
const SYMBOLS: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['S$', 'SGD'],
  ['RM', 'MYR'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['zł', 'PLN'],
  ['₺', 'TRY'],
  ['₹', 'INR'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['$', 'USD'],
];

function detectCurrency(text: string, yenCurrency: string): string | undefined {
  const code = text.match(/\b([A-Z]{3})\b/);
  if (code && code[1] !== 'RMB') return code[1];
  for (const [symbol, currency] of SYMBOLS) if (text.includes(symbol)) return currency;
  // ¥ and ￥ are shared by yuan and yen; the adapter knows which market it is reading.
  if (/[¥￥]/.test(text)) return yenCurrency;
  return undefined;
}

/** "1,234.56", "1.234,56", "1 234,56" or "1234" → a plain decimal string such as "1234.56". */
function normaliseNumber(digits: string): string | null {
  const s = digits.replace(/[\s\u00A0\u202F']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) return s;
  if (lastDot !== -1 && lastComma !== -1) {
    // Both used: whichever comes last is the decimal separator.
    const at = Math.max(lastDot, lastComma);
    return `${s.slice(0, at).replace(/[.,]/g, '')}.${s.slice(at + 1)}`;
  }
  const sep = lastDot !== -1 ? '.' : ',';
  const parts = s.split(sep);
  // Repeated, or a single one followed by exactly three digits ("1,200"): thousands grouping.
  if (parts.length > 2 || parts[1].length === 3) return parts.join('');
  return `${parts[0]}.${parts[1]}`;
}

/**
 * Parses the first amount in `text` ("¥1,234.50", "$25.98", "€12,34", "实收款：￥88.00").
 * Returns null when there is no number. `fallbackCurrency` is used when no symbol is present;
 * `yenCurrency` says what the ambiguous ¥/￥ sign means on this site.
 */
export function parseMoney(
  text: string,
  fallbackCurrency = 'CNY',
  yenCurrency: 'CNY' | 'JPY' = fallbackCurrency === 'JPY' ? 'JPY' : 'CNY',
): ParsedMoney | null {
  const match = text.match(/-?\d[\d\s\u00A0\u202F.,']*/);
  if (!match) return null;
  const negative = match[0].startsWith('-') || /[-−]\s*[^\d\s]*\s*$/.test(text.slice(0, match.index));
  const num = normaliseNumber(
    match[0]
      .replace(/^-/, '')
      .trim()
      .replace(/[.,\s]+$/, ''),
  );
  if (num === null) return null;
  const currency = detectCurrency(text, yenCurrency) ?? fallbackCurrency;
  const decimals = ZERO_DECIMAL.has(currency) ? 0 : 2;
  const [whole, frac = ''] = num.split('.');
  const fracDigits = (frac + '000').slice(0, decimals);
  // Integer arithmetic on the digit strings: floats would turn 0.29 into 28 fen.
  const amount = Number(whole) * 10 ** decimals + (decimals ? Number(fracDigits) : 0);
  if (!Number.isSafeInteger(amount)) return null;
  return { amount: negative ? -amount : amount, currency };
}

/**
 * Signs that several currencies share ("$" is US, Canadian, Australian, Mexican… dollars; "kr"
 * Swedish, Danish, Norwegian crowns; "¥" yen or yuan): on a marketplace whose own currency uses
 * the sign, the sign means that currency.
 */
const SHARED_SIGNS: Readonly<Record<string, RegExp>> = {
  CAD: /\$/,
  AUD: /\$/,
  MXN: /\$/,
  SGD: /\$/,
  SEK: /\bkr\b/i,
  JPY: /[¥￥]|円/,
  CNY: /[¥￥]|元/,
  TRY: /\bTL\b/,
  AED: /د\.إ|\bDhs?\b/,
  SAR: /ر\.س|﷼/,
};

/**
 * Like parseMoney, for a marketplace whose currency is `local`: an explicit code or an
 * unambiguous sign wins, a sign the local currency shares means the local currency, no sign at
 * all means the local currency.
 */
export function parseLocalMoney(text: string, local: string): ParsedMoney | null {
  if (/US\$/.test(text)) return parseMoney(text, 'USD');
  const shared = SHARED_SIGNS[local];
  const explicit = text.match(/\b([A-Z]{3})\b/)?.[1];
  if (shared && !(explicit && explicit !== 'RMB') && shared.test(text)) {
    const plain = parseMoney(text.replace(shared, ' '), local, local === 'JPY' ? 'JPY' : 'CNY');
    return plain ? { amount: plain.amount, currency: local } : null;
  }
  return parseMoney(text, local, local === 'JPY' ? 'JPY' : 'CNY');
}
