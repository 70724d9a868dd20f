import { formatDistanceStrict } from 'date-fns';
import { fractionDigitsOptions, minorDigits, toMajor } from '@/core/model/money';
import { bcp47, dateLocale, type UiLocale } from '../i18n';

export function formatCount(n: number, locale: UiLocale): string {
  return new Intl.NumberFormat(bcp47(locale)).format(n);
}

export function formatPercent(share: number, locale: UiLocale): string {
  return new Intl.NumberFormat(bcp47(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatDate(at: number, locale: UiLocale): string {
  return new Intl.DateTimeFormat(bcp47(locale), { dateStyle: 'medium' }).format(at);
}

export function formatDateTime(at: number, locale: UiLocale): string {
  return new Intl.DateTimeFormat(bcp47(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatAgo(at: number, now: number, locale: UiLocale): string {
  return formatDistanceStrict(at, now, { addSuffix: true, locale: dateLocale(locale) });
}

/**
 * Digits after the decimal point of a currency per ISO 4217 (2 for CNY/USD/IDR, 0 for JPY, 3 for
 * IQD), from the shared table in core/model/money, never from `Intl` (ICU says 0 for IDR, HUF,
 * COP, PKR, IQD, which showed such amounts 100–1000× too large).
 */
export function currencyDigits(currency: string): number {
  return minorDigits(currency);
}

/** Money in whole units for big figures (cards, charts): CN¥5,082,203 rather than …203.2. */
export function formatMoneyWhole(minor: number, currency: string, locale: UiLocale): string {
  const value = toMajor(minor, currency);
  try {
    return new Intl.NumberFormat(bcp47(locale), {
      style: 'currency',
      currency,
      ...fractionDigitsOptions(currency, true),
    }).format(value);
  } catch {
    return `${formatCount(Math.round(value), locale)} ${currency}`;
  }
}
