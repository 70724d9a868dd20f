import type { Locale as DateFnsLocale } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { fractionDigitsOptions, toMajor } from '@/core/model/money';
import { CATALOGUES, type MessageKey } from './catalogues';

export type { MessageKey };
export type UiLocale = 'en' | 'zh_CN';

function merged(locale: UiLocale): Record<MessageKey, string> {
  return Object.assign({}, ...CATALOGUES.map((c) => c[locale])) as Record<MessageKey, string>;
}

const TABLES: Record<UiLocale, Record<MessageKey, string>> = { en: merged('en'), zh_CN: merged('zh_CN') };

/** Chinese for any zh-* browser language, English otherwise. */
export function resolveLocale(language: string | undefined): UiLocale {
  return language && /^zh/i.test(language) ? 'zh_CN' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const table = TABLES[locale];
  return (key, params) => {
    const template = table[key] ?? TABLES.en[key] ?? key;
    return params
      ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m))
      : template;
  };
}

export function dateLocale(locale: UiLocale): DateFnsLocale {
  return locale === 'zh_CN' ? zhCN : enUS;
}

export function bcp47(locale: UiLocale): string {
  return locale === 'zh_CN' ? 'zh-CN' : 'en-US';
}

/**
 * Money from minor units, formatted for the UI language (¥12,300 / US$12.00), with ISO 4217's
 * fraction digits from core/model/money rather than Intl's.
 */
export function formatMoney(minor: number, currency: string, locale: UiLocale): string {
  const value = toMajor(minor, currency);
  return new Intl.NumberFormat(bcp47(locale), {
    style: 'currency',
    currency,
    // Whole amounts drop the decimals (¥12,300); others show all of them (¥12,300.50).
    ...fractionDigitsOptions(currency, Number.isInteger(value)),
  }).format(value);
}
