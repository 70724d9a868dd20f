import type { CurrencyCount } from '@/core/import/currencyPlan';
import type { ImportRecord } from '@/core/model';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { leftOutText } from './leftOutText';
import { RejectsList } from './RejectsList';

interface Props {
  record: ImportRecord;
  cancelled: boolean;
  /** Foreign currencies the seller chose to import without a rate (paid orders per currency). */
  leftOut?: readonly CurrencyCount[];
}

/** What a finished import did, in one sentence, plus money left out of spend and its rejected lines. */
export function ImportSummary({ record, cancelled, leftOut = [] }: Props) {
  const { t, locale } = useI18n();
  const c = record.counts;
  const nothingNew = c.new === 0 && c.updated === 0;
  return (
    <div class="io-summary" role="status" data-testid="io-summary">
      <p>
        <strong>
          {t(cancelled ? 'io.summary.cancelled' : 'io.summary.done', { name: record.fileName })}
        </strong>{' '}
        <span data-testid="io-summary-counts">
          {t('io.counts', {
            new: formatCount(c.new, locale),
            duplicate: formatCount(c.duplicate, locale),
            updated: formatCount(c.updated, locale),
            rejected: formatCount(c.rejected, locale),
          })}
        </span>
      </p>
      {nothingNew && !cancelled && (
        <p class="muted" data-testid="io-nothing-new">
          {t('io.summary.nothingNew')}
        </p>
      )}
      {record.buyerLinks && Object.keys(record.buyerLinks).length > 0 && (
        <p class="muted" data-testid="io-summary-joined">
          {t('io.summary.joined', { count: formatCount(Object.keys(record.buyerLinks).length, locale) })}
        </p>
      )}
      {leftOut.length > 0 && (
        <div class="io-leftout" data-testid="io-summary-leftout">
          {leftOut.map((l) => (
            <p key={l.currency}>{leftOutText(l, t, locale)}</p>
          ))}
          <p class="muted">{t('io.money.leftOutHint')}</p>
        </div>
      )}
      {c.rejected > 0 && <RejectsList record={record} />}
    </div>
  );
}
