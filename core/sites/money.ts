import { parseAmount, recogniseCurrency } from '../model/money';

/** Currency amounts as pages print them, parsed into integer minor units. */
export interface ParsedMoney {
  /** Minor units per ISO 4217 (fen, cents; yen have none). */
  amount: number;
  currency: string;
}

const NUMBER = /-?\d[\d\s\u00A0\u202F.,']*/;

/**
 * Parses the first amount in a page's text ("¥1,234.50", "$25.98", "€12,34", "实收款：￥88.00",
 * "Total: CDN 12.00"). Returns null when there is no number. The currency comes from the same
 * vocabulary and the digits from the same ISO table as file import (`core/model/money`), so a
 * captured and an imported copy of an order agree. `fallbackCurrency` is used when the text names
 * none; `yenCurrency` says what the shared ¥/￥ sign means on this site.
 */
export function parseMoney(
  text: string,
  fallbackCurrency = 'CNY',
  yenCurrency: 'CNY' | 'JPY' = fallbackCurrency === 'JPY' ? 'JPY' : 'CNY',
): ParsedMoney | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const negative = match[0].startsWith('-') || /[-−]\s*[^\d\s]*\s*$/.test(before);
  const digits = match[0]
    .replace(/^-/, '')
    .trim()
    .replace(/[.,\s]+$/, '');
  // Labels ("Total:", "实收款：") carry no currency words of their own, so the whole text is searched.
  const context = /[¥￥]/.test(text) ? yenCurrency : fallbackCurrency;
  const currency = recogniseCurrency(text, context) ?? fallbackCurrency;
  const r = parseAmount(digits, { currency });
  if (!r.ok) return null;
  return { amount: negative ? -r.amount : r.amount, currency };
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
