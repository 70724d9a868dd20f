import { sortedCounts } from '@/core/import/currencyPlan';
import { bcp47 } from '../i18n';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { FileScan } from './scanFile';

/** Reject lines listed before "…and N more". */
const SHOWN = 10;

interface Props {
  scan: FileScan;
  /** Preset and layout the columns were recognised as (or the mapping's name). */
  recognised: string;
  platform: string;
  timeZone: string;
}

/** What the whole file will give, as the dry run found it: the seller's last look before writing. */
export function ScanSummary({ scan, recognised, platform, timeZone }: Props) {
  const { t, locale } = useI18n();
  const n = (x: number) => formatCount(x, locale);
  const day = (at: number) =>
    new Intl.DateTimeFormat(bcp47(locale), { timeZone, dateStyle: 'medium' }).format(at);
  const currencies = sortedCounts(scan.byCurrency)
    .map((c) => `${c.currency} (${n(c.orders)})`)
    .join(', ');
  const facts: Array<[string, string, string]> = [
    ['recognised', t('io.scan.recognised'), recognised],
    ['platform', t('io.scan.platform'), platform],
    ['currency', t('io.scan.currency'), currencies || '—'],
    [
      'dates',
      t('io.scan.dates'),
      scan.firstAt !== undefined && scan.lastAt !== undefined
        ? t('io.scan.range', { from: day(scan.firstAt), to: day(scan.lastAt) })
        : '—',
    ],
    ['orders', t('io.scan.orders'), n(scan.orders)],
    ['buyers', t('io.scan.buyers'), n(scan.buyers)],
    ['rows', t('io.scan.rows'), n(scan.rows)],
    ['rejected', t('io.scan.rejected'), n(scan.rejected)],
  ];
  const shown = scan.rejects.slice(0, SHOWN);
  return (
    <section class="io-scan" aria-labelledby="io-scan-title" data-testid="io-scan">
      <h3 id="io-scan-title">{t('io.scan.title')}</h3>
      <dl class="io-scan__facts">
        {facts.map(([id, label, value]) => (
          <div key={id} class="io-scan__fact" data-testid={`io-scan-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {scan.orders === 0 && (
        <p class="io-error" role="alert" data-testid="io-scan-none">
          {t('io.scan.noOrders')}
        </p>
      )}
      {shown.length > 0 && (
        <details class="io-scan__rejects" open={scan.orders === 0}>
          <summary>{t('io.scan.rejectsTitle')}</summary>
          <ul class="io-rejects__list" data-testid="io-scan-rejects">
            {shown.map((r) => (
              <li key={`${r.line}-${r.field ?? ''}`} data-line={r.line}>
                <span class="io-rejects__line">{t('io.scan.line', { line: r.line })}</span> {r.reason}
              </li>
            ))}
          </ul>
          {scan.rejected > shown.length && (
            <p class="muted">{t('io.scan.more', { n: n(scan.rejected - shown.length) })}</p>
          )}
        </details>
      )}
    </section>
  );
}
