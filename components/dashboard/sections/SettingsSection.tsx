import { useEffect, useState } from 'preact/hooks';
import { request, type StorageUsageDto } from '@/core/messaging';
import type { Settings } from '@/core/model';
import { ExportBackupPanel } from '../../importExport/ExportBackupPanel';
import { leaveTeamFirst } from '../../team/leaveFirst';
import { errorText } from '../../ui/errors';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';

/** Language, import/export (mount point), forgetting one buyer and deleting everything. */
export function SettingsSection({ ctx, settings }: { ctx: SectionContext; settings: Settings | undefined }) {
  const { t } = useI18n();
  const [forgetKey, setForgetKey] = useState('');
  const [confirm, setConfirm] = useState('');
  const fail = (e: unknown) => ctx.notify({ text: errorText(e, t), kind: 'error' });

  const setLanguage = (language: Settings['language']) => {
    if (!settings) return;
    void request('saveSettings', { settings: { ...settings, language } }).catch(fail);
  };

  return (
    <div class="settings narrow">
      <h1 class="page-title">{t('dash.nav.settings')}</h1>

      <section class="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('dash.set.language')}</h2>
        <label class="filter">
          <span class="filter__label">{t('dash.set.languageLabel')}</span>
          <select
            class="select"
            data-testid="language"
            value={settings?.language ?? 'auto'}
            disabled={!settings}
            onChange={(e) => setLanguage(e.currentTarget.value as Settings['language'])}
          >
            <option value="auto">{t('dash.set.lang.auto')}</option>
            <option value="en">{t('dash.set.lang.en')}</option>
            <option value="zh_CN">{t('dash.set.lang.zh')}</option>
          </select>
        </label>
      </section>

      <ExportBackupPanel />

      <StorageUsage />

      <section class="card" aria-labelledby="forget-title">
        <h2 id="forget-title">{t('dash.set.forget')}</h2>
        <p class="muted">{t('dash.set.forgetLead')}</p>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const key = forgetKey.trim();
            if (!key || !window.confirm(t('dash.set.forgetConfirm', { key }))) return;
            void request('forgetBuyer', { buyerKey: key })
              .then(() => {
                setForgetKey('');
                ctx.notify({ text: t('dash.set.forgotten', { key }) });
              })
              .catch(fail);
          }}
        >
          <input
            class="input"
            value={forgetKey}
            placeholder={t('dash.set.forgetPlaceholder')}
            aria-label={t('dash.set.forgetKey')}
            onInput={(e) => setForgetKey(e.currentTarget.value)}
          />
          <button type="submit" class="btn btn--danger" disabled={!forgetKey.trim()}>
            {t('dash.set.forgetGo')}
          </button>
        </form>
      </section>

      <section class="card card--danger" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('dash.set.deleteAll')}</h2>
        <p>{t('dash.set.deleteLead')}</p>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirm !== 'DELETE') return;
            void leaveTeamFirst('delete', t)
              .then(async (go) => {
                if (!go) return;
                await request('deleteEverything', { confirm: 'DELETE' });
                setConfirm('');
                ctx.notify({ text: t('dash.set.deleted') });
              })
              .catch(fail);
          }}
        >
          <label class="sr-only" for="delete-confirm">
            {t('dash.set.deleteType')}
          </label>
          <input
            id="delete-confirm"
            class="input"
            value={confirm}
            autoComplete="off"
            placeholder={t('dash.set.deleteType')}
            onInput={(e) => setConfirm(e.currentTarget.value)}
            data-testid="delete-confirm"
          />
          <button
            type="submit"
            class="btn btn--danger"
            disabled={confirm !== 'DELETE'}
            data-testid="delete-all"
          >
            {t('dash.set.deleteGo')}
          </button>
        </form>
      </section>
    </div>
  );
}

function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

/** How much space the data takes, and by what (getStorageUsage). */
function StorageUsage() {
  const { t } = useI18n();
  const [usage, setUsage] = useState<StorageUsageDto>();
  const [error, setError] = useState<string>();
  const load = () =>
    void request('getStorageUsage', {})
      .then((u) => {
        setUsage(u);
        setError(undefined);
      })
      .catch((e) => setError(errorText(e, t)));
  useEffect(load, []);
  const tables = usage
    ? Object.keys(usage.perTable)
        .filter((k) => usage.perTable[k] > 0)
        .sort((a, b) => (usage.estimateBytes[b] ?? 0) - (usage.estimateBytes[a] ?? 0))
    : [];
  return (
    <section class="card" aria-labelledby="storage-title" data-testid="storage-usage">
      <h2 id="storage-title">{t('set.storage.title')}</h2>
      <p class="muted">{t('set.storage.lead')}</p>
      {error && <p class="io-error">{error}</p>}
      {usage && (
        <p data-testid="storage-total">
          {usage.usage !== undefined && usage.quota !== undefined
            ? t('set.storage.used', { used: formatBytes(usage.usage), quota: formatBytes(usage.quota) })
            : t('set.storage.unknown')}
        </p>
      )}
      {tables.length > 0 && usage && (
        <table class="table">
          <thead>
            <tr>
              <th>{t('set.storage.table')}</th>
              <th>{t('set.storage.rows')}</th>
              <th>{t('set.storage.size')}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((k) => (
              <tr key={k} data-testid="storage-row" data-table={k}>
                <td>{k}</td>
                <td>{new Intl.NumberFormat().format(usage.perTable[k])}</td>
                <td>{formatBytes(usage.estimateBytes[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" class="btn" onClick={load} data-testid="storage-refresh">
        {t('set.storage.refresh')}
      </button>
    </section>
  );
}
