import type { SelectorHealthDto } from '@/core/adminDtos';
import { fieldReports } from '@/core/sites/fieldHealth';
import type { Translate } from '../../i18n';
import { formatCount, formatDateTime } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import { translated } from '../../ui/labels';

/** A field as the seller reads it ("Order number"); a field without a label shows its id. */
function fieldLabel(t: Translate, field: string): string {
  return translated(t, `dash.sites.field.${field}`) ?? field;
}

/**
 * One site's fields and which of their reading methods matched, from the pages' strategy
 * reports: an "Older layout in use" row is the early warning that the site is changing its
 * markup. Hovering a method cell lists every method that matched, with counts.
 */
export function FieldHealth({
  health,
  siteLabel,
  onReset,
}: {
  health: SelectorHealthDto;
  siteLabel: string;
  /** Forgets this site's counts (the parent asks the background and reloads). */
  onReset: () => void;
}) {
  const { t, locale } = useI18n();
  const reports = fieldReports(health.fields);
  if (reports.length === 0) return null;
  // "Never found" is normal for details some pages never show (a group marker in a one-to-one
  // chat, a phone the contact hides), so only older-layout reads open the table and warn.
  const drifting = reports.some((r) => r.state === 'fallback');
  return (
    <details class="field-health" data-testid="field-health" data-site={health.site} open={drifting}>
      <summary>
        {t('dash.sites.fields', { site: siteLabel })}
        {health.fieldsAt ? (
          <span class="muted">
            {' '}
            · {t('dash.sites.fieldsAt', { when: formatDateTime(health.fieldsAt, locale) })}
          </span>
        ) : null}
      </summary>
      <p class="muted">{t('dash.sites.fieldsLead', { site: siteLabel })}</p>
      <table class="plain-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.sites.field')}</th>
            <th scope="col">{t('dash.sites.fieldState')}</th>
            <th scope="col" class="num">
              {t('dash.sites.firstChoice')}
            </th>
            <th scope="col" class="num">
              {t('dash.sites.byFallback')}
            </th>
            <th scope="col" class="num">
              {t('dash.sites.notFound')}
            </th>
            <th scope="col">{t('dash.sites.mostUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr
              key={r.field}
              data-testid="field-health-row"
              data-field={r.field}
              data-state={r.state}
              class={r.state === 'fallback' ? 'row--warn' : r.state === 'missing' ? 'muted' : ''}
            >
              <td title={r.field}>{fieldLabel(t, r.field)}</td>
              <td>{t(`dash.sites.state.${r.state}`)}</td>
              <td class="num">{formatCount(r.first, locale)}</td>
              <td class="num">{formatCount(r.fallback, locale)}</td>
              <td class="num">{formatCount(r.none, locale)}</td>
              <td title={r.used.map((u) => `${u.id}: ${formatCount(u.hits, locale)}`).join('\n')}>
                <code class="field-health__strategy">{r.mostUsed ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {t('dash.sites.resetHealthHow', { site: siteLabel })}{' '}
        <button type="button" class="btn btn--small" data-testid="field-health-reset" onClick={onReset}>
          {t('dash.sites.resetHealth')}
        </button>
      </p>
    </details>
  );
}
