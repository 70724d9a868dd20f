import { fractionDigitsOptions, toMajor } from '@/core/model/money';
import type { OverlayLocale } from './i18n';

/*
 * Number, money and date formatting for the overlay. Relative dates count local calendar days
 * and phrase them with Intl.RelativeTimeFormat in the UI language ("3 days ago", "3天前"); no
 * date library, to keep the content script small.
 */

export function bcp47(locale: OverlayLocale): string {
  return locale === 'zh_CN' ? 'zh-CN' : 'en-US';
}

/**
 * Money from minor units: ¥12,300 / ¥12,300.50 / US$12. The fraction digits come from the ISO 4217
 * table the parsers use (core/model/money, zod-free so the content script stays small), never
 * from `Intl`, which disagrees with ISO for IDR, HUF, COP, PKR and IQD.
 */
export function money(minor: number, currency: string, locale: OverlayLocale): string {
  const value = toMajor(minor, currency);
  try {
    return new Intl.NumberFormat(bcp47(locale), {
      style: 'currency',
      currency,
      // Whole amounts drop the decimals (¥12,300); others show all of them (¥12,300.50).
      ...fractionDigitsOptions(currency, Number.isInteger(value)),
    }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

export function percent(share: number, locale: OverlayLocale): string {
  return new Intl.NumberFormat(bcp47(locale), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function decimal(n: number, locale: OverlayLocale, digits = 2): string {
  return new Intl.NumberFormat(bcp47(locale), { maximumFractionDigits: digits }).format(n);
}

/** Local calendar day number (the UTC day of the local date, so DST shifts do not matter). */
function calendarDay(at: number): number {
  const d = new Date(at);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** "3 days ago", "yesterday", "2 months ago", "in 3 days". */
export function ago(at: number, now: number, locale: OverlayLocale): string {
  const days = calendarDay(at) - calendarDay(now);
  const rtf = new Intl.RelativeTimeFormat(bcp47(locale), { numeric: 'auto' });
  const abs = Math.abs(days);
  if (abs < 45) return rtf.format(days, 'day');
  if (abs < 365) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

export function shortDate(at: number, locale: OverlayLocale): string {
  return new Intl.DateTimeFormat(bcp47(locale), { year: 'numeric', month: 'short', day: 'numeric' }).format(
    at,
  );
}
