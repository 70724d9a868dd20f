import type { CurrencyCount } from '@/core/import/currencyPlan';
import type { Translate, UiLocale } from '../i18n';
import { formatCount } from '../ui/format';

/** "N orders in XXX are left out of spend." in the seller's language, singular when it is one. */
export function leftOutText(c: CurrencyCount, t: Translate, locale: UiLocale): string {
  return c.orders === 1
    ? t('io.money.leftOutOne', { currency: c.currency })
    : t('io.money.leftOut', { n: formatCount(c.orders, locale), currency: c.currency });
}
