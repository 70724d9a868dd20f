import type { RestorePlan } from '@/core/importExportDtos';
import type { MessageKey } from '../i18n';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';

/** What a restore will do to each table: added, replaced, kept or removed records. */
export function RestorePlanTable({ plan }: { plan: RestorePlan }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatCount(v, locale);
  return (
    <table class="plain-table" data-testid="io-restore-plan">
      <caption>{t(plan.mode === 'replace' ? 'io.plan.captionReplace' : 'io.plan.captionMerge')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('io.plan.table')}</th>
          <th scope="col">{t('io.plan.add')}</th>
          <th scope="col">{t('io.plan.replace')}</th>
          <th scope="col">{t(plan.mode === 'replace' ? 'io.plan.remove' : 'io.plan.keep')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(plan.tables).map(([table, p]) => (
          <tr key={table} data-table={table}>
            <th scope="row">{t(`io.plan.t.${table}` as MessageKey)}</th>
            <td class="num">{n(p.add)}</td>
            <td class="num">{n(p.replace)}</td>
            <td class="num">{n(plan.mode === 'replace' ? p.remove : p.keep)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
