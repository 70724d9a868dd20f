import { formatDistanceStrict } from 'date-fns';
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

/** Digits after the decimal point of a currency (2 for CNY/USD, 0 for JPY); 2 if unknown. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Money in whole units for big figures (cards, charts): CN¥5,082,203 rather than …203.2. */
export function formatMoneyWhole(minor: number, currency: string, locale: UiLocale): string {
  try {
    return new Intl.NumberFormat(bcp47(locale), {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(minor / 10 ** currencyDigits(currency));
  } catch {
    return formatCount(Math.round(minor / 100), locale);
  }
}
