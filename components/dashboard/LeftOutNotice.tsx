import { request } from '@/core/messaging';
import { leftOutText } from '../importExport/leftOutText';
import { useI18n } from '../ui/i18nContext';
import type { SectionContext } from './DashboardApp';
import { useRequest } from './useRequest';

/**
 * Paid orders stored in a currency without a rate count in frequency and recency but not in
 * spend. The overview says so, per currency, with the way to fix it, so money never vanishes
 * silently from revenue and tiers.
 */
export function LeftOutNotice({ ctx }: { ctx: SectionContext }) {
  const { t, locale } = useI18n();
  const left = useRequest(() => request('getLeftOutOfSpend', {}), ['buyers', 'settings']);
  const d = left.data;
  if (!d || d.currencies.length === 0) return null;
  return (
    <div class="card notice notice--warn" role="status" data-testid="leftout-notice">
      <p>{t('dash.leftOut.lead', { shop: d.shopCurrency })}</p>
      <ul>
        {d.currencies.map((c) => (
          <li key={c.currency} data-currency={c.currency}>
            {leftOutText(c, t, locale)}
          </li>
        ))}
      </ul>
      <button type="button" class="btn btn--small" onClick={() => ctx.go('thresholds')}>
        {t('dash.leftOut.fix')}
      </button>
    </div>
  );
}
